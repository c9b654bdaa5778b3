import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Which code may import which, checked on resolved paths (so `@/…` and `../…` alike). The boundary that matters
// most: code that runs in the browser (lib/browser, components, lib/shared) never imports code that runs on the
// server with the agent's token (lib/server); the one door is a server action (`components/**/actions.ts`,
// 'use server'). The product and the emulator never import each other, and the product never imports tests,
// benchmarks or test helpers.
const PRODUCT = ['./app', './components', './lib', './instrumentation.ts', './instrumentation-client.ts', './proxy.ts'];
const zones = {
  browserToServer: {
    target: ['./lib/browser', './lib/shared', './components'], from: './lib/server',
    message: 'Browser and shared code must not import server code (lib/server): call a route handler or a server action.',
  },
  serverToBrowser: {
    target: ['./lib/server', './lib/shared'], from: ['./lib/browser', './components'],
    message: 'Server and shared code must not import browser code (lib/browser, components).',
  },
  libToApp: {
    target: ['./lib', './components'], from: './app',
    message: 'lib/ and components/ never import app/: pages use them, not the other way round.',
  },
  productToTests: {
    target: PRODUCT, from: ['./emulator', './e2e', './bench', './test-support'],
    message: 'Product code must not import the emulator, tests, benchmarks or test helpers.',
  },
  emulatorToProduct: {
    target: './emulator', from: [...PRODUCT, './test-support'],
    message: 'The emulator plays Microsoft: it must not import the console.',
  },
};
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const SERVER_ACTIONS = ['components/**/actions.ts'];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    ignores: [...TESTS, ...SERVER_ACTIONS],
    rules: { 'import/no-restricted-paths': ['error', { zones: Object.values(zones) }] },
  },
  {
    // A server action runs on the server although it lives beside the component that calls it.
    files: SERVER_ACTIONS,
    rules: { 'import/no-restricted-paths': ['error', { zones: [zones.libToApp, zones.productToTests] }] },
  },
  {
    // Tests may use the emulator and test helpers, but the emulator's own tests still do not touch the console.
    files: TESTS,
    rules: { 'import/no-restricted-paths': ['error', { zones: [zones.emulatorToProduct] }] },
  },
  globalIgnores(['.next/**', 'bench/bare-next/.next/**', 'bench/results/**', 'out/**', 'build/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', '.data/**']),
]);
