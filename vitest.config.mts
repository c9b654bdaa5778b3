import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // `server-only` throws outside React's server build; under test the server modules run in plain Node.
      'server-only': fileURLToPath(new URL('./test-support/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    include: ['{app,components,lib,emulator,scripts,test-support}/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', '.next/**'],
    setupFiles: ['./test-support/vitest-setup.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Hooks seed emulators of up to 2500 devices and start PostgreSQL; with the build and the linters beside them in
    // CI (`npm test` runs them side by side) 10 s was too short under load (seen at a load average of 13).
    hookTimeout: 30_000,
    // The suites wait on emulators, PostgreSQL and timers more than they compute: with two forks (one per core) half
    // the CPU sat idle; four finish in about half the time (57 s → 26 s measured on this 2-core machine).
    maxWorkers: 4,
    // A worker process runs its files one after another in one module registry and Node's module cache, instead of a
    // fresh process per file: each file re-imported Next.js, zod, kysely, pino, hono… again (import 155 s summed over
    // 98 files). The suite's CPU time halved (159 → 80 s user+sys, measured on this 2-core machine, both under other
    // helpers' load). Each file still starts clean: test-support/vitest-setup.ts resets our modules, process.env, timers
    // and stubs before it.
    isolate: false,
  },
});
