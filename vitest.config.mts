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
    // The suites wait on emulators, PostgreSQL and timers more than they compute: with two forks (one per core) half
    // the CPU sat idle; four finish in about half the time (57 s → 26 s measured on this 2-core machine).
    maxWorkers: 4,
  },
});
