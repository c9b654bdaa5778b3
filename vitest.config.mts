import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const INCLUDED = ['{app,components,lib,emulator,scripts,test-support}/**/*.test.ts'];
const EXCLUDED = ['e2e/**', 'node_modules/**', '.next/**'];
/**
 * Files with long CPU-bound loops or real-time waits keep a process of their own: on a loaded machine (a load average
 * of 16 beside `npm test`'s build and linters) a test there ran past its timeout, and the work it had started went on
 * into the next file of the same process and failed it.
 */
const ISOLATED = [
  'lib/server/actions/**/*.test.ts',
  'emulator/tenant/seed.test.ts',
  'emulator/graph/throttle.test.ts',
  'emulator/graph/faults.test.ts',
  'emulator/intune/actions.test.ts',
];

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // `server-only` throws outside React's server build; under test the server modules run in plain Node.
      'server-only': fileURLToPath(new URL('./test-support/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    exclude: EXCLUDED,
    setupFiles: ['./test-support/vitest-setup.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Hooks seed emulators of up to 2500 devices and start PostgreSQL; with the build and the linters beside them in
    // CI (`npm test` runs them side by side) 10 s was too short under load (seen at a load average of 13).
    hookTimeout: 30_000,
    // The suites wait on emulators, PostgreSQL and timers more than they compute: with two forks (one per core) half
    // the CPU sat idle; four finish in about half the time (57 s → 26 s measured on this 2-core machine).
    maxWorkers: 4,
    projects: [
      // A worker process runs these files one after another in one module registry and Node's module cache, instead
      // of a fresh process per file: each file re-imported Next.js, zod, kysely, pino, hono… again (import 155 s summed
      // over 98 files). The suite's CPU time halved (159 → 80 s user+sys on this 2-core machine, both measured under
      // other helpers' load). Each file still starts clean: test-support/vitest-setup.ts resets our modules,
      // process.env, timers and stubs before it.
      {
        extends: true,
        test: {
          name: 'shared',
          include: INCLUDED,
          exclude: [...EXCLUDED, ...ISOLATED],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
