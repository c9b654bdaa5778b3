import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Which code may import which, checked on resolved paths (so `@/…` and `../…` alike). The boundary that matters
// most: code that runs in the browser (lib/browser, components, lib/shared) never imports code that runs on the
// server with the agent's token (lib/server); the one door is a server action (`components/**/actions.ts` or
// `components/**/*-actions.ts`, 'use server'). The product and the emulator never import each other, and the
// product never imports tests, benchmarks or test helpers.
const PRODUCT = [
  './app',
  './components',
  './lib',
  './instrumentation.ts',
  './instrumentation-client.ts',
  './proxy.ts',
];
const zones = {
  browserToServer: {
    target: ['./lib/browser', './lib/shared', './components'],
    from: './lib/server',
    message:
      'Browser and shared code must not import server code (lib/server): call a route handler or a server action.',
  },
  serverToBrowser: {
    target: ['./lib/server', './lib/shared'],
    from: ['./lib/browser', './components'],
    message: 'Server and shared code must not import browser code (lib/browser, components).',
  },
  libToApp: {
    target: ['./lib', './components'],
    from: './app',
    message: 'lib/ and components/ never import app/: pages use them, not the other way round.',
  },
  productToTests: {
    target: PRODUCT,
    from: ['./emulator', './e2e', './bench', './test-support'],
    message: 'Product code must not import the emulator, tests, benchmarks or test helpers.',
  },
  emulatorToProduct: {
    target: './emulator',
    from: [...PRODUCT, './test-support'],
    message: 'The emulator plays Microsoft: it must not import the console.',
  },
};
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const REACT_COMPILER_RULES = [
  'static-components',
  'use-memo',
  'preserve-manual-memoization',
  'incompatible-library',
  'immutability',
  'globals',
  'refs',
  'set-state-in-effect',
  'error-boundaries',
  'purity',
  'set-state-in-render',
  'unsupported-syntax',
  'config',
  'gating',
];
const SERVER_ACTIONS = ['components/**/actions.ts', 'components/**/*-actions.ts'];

// zod stays on the server (about 30 KB gzip of first-load JS otherwise). Browser code parses with the small pure
// checks in lib/shared (`Checked`); the server's zod schemas live in `lib/shared/**/*-schema.ts` and run the same
// checks. So: browser code imports neither zod nor a schema module, and shared modules other than the schema
// modules do not import zod (the browser may import any of them).
const ZOD = {
  name: 'zod',
  message:
    "No zod in the browser bundle: use the pure checks in lib/shared (Checked); zod is for the server's *-schema.ts modules.",
};
const ZOD_PATTERN = { group: ['zod/*'], message: ZOD.message };
const SCHEMA_PATTERN = {
  regex: '-schema$',
  message:
    "A *-schema module is the server's zod schema: browser code imports the pure checks and types beside it instead.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    ignores: [...TESTS, ...SERVER_ACTIONS],
    rules: { 'import/no-restricted-paths': ['error', { zones: Object.values(zones) }] },
  },
  {
    files: ['components/**', 'lib/browser/**', 'instrumentation-client.ts'],
    ignores: [...TESTS, ...SERVER_ACTIONS],
    rules: {
      'no-restricted-imports': ['error', { paths: [ZOD], patterns: [ZOD_PATTERN, SCHEMA_PATTERN] }],
    },
  },
  {
    files: ['lib/shared/**'],
    ignores: [...TESTS, 'lib/shared/**/*-schema.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [ZOD], patterns: [ZOD_PATTERN] }] },
  },
  {
    // A server action runs on the server although it lives beside the component that calls it.
    files: SERVER_ACTIONS,
    rules: {
      'import/no-restricted-paths': ['error', { zones: [zones.libToApp, zones.productToTests] }],
    },
  },
  {
    // Tests may use the emulator and test helpers, but the emulator's own tests still do not touch the console.
    files: TESTS,
    rules: { 'import/no-restricted-paths': ['error', { zones: [zones.emulatorToProduct] }] },
  },
  {
    // React Compiler's rules (eslint-plugin-react-hooks 7) compile every function of every file they see, about half
    // of the whole lint's time; only the console's React code (app, components, lib/browser) has components or hooks
    // for them to judge. rules-of-hooks and exhaustive-deps stay on everywhere.
    files: [
      'emulator/**',
      'e2e/**',
      'bench/**',
      'scripts/**',
      'test-support/**',
      'lib/server/**',
      'lib/shared/**',
      ...TESTS,
    ],
    rules: Object.fromEntries(REACT_COMPILER_RULES.map((rule) => [`react-hooks/${rule}`, 'off'])),
  },
  globalIgnores([
    '.next/**',
    'bench/bare-next/.next/**',
    'bench/results/**',
    'out/**',
    'build/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
    '.data/**',
  ]),
]);
