// The environment every unit and integration test runs in: the console's configuration pointed at the
// emulated tenant (tests that serve an emulator point GRAPH_BASE_URL at it), a throwaway data folder, and UTC,
// so no test depends on the developer's machine or writes into the checkout.
//
// The files of a worker process share it (vitest.config.mts: `isolate: false`), so this runs before each file and
// gives it what a fresh process would: our own modules imported anew (module-level state such as the configuration
// read once, the stores and the throttle gate's wait starts empty; node_modules stay loaded, which is the point),
// the environment the process started with (a file that pointed GRAPH_BASE_URL at its emulator leaves nothing
// behind), no process-wide state of ours (kept on globalThis, which outlives the module registry), real timers and no
// stubs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { DEMO_CLIENT_ID, TENANT_ID } from '@/emulator/constants';

/** Where the first file's setup keeps the environment the process started with (left alone by the sweep below). */
const STARTING_ENV: unique symbol = Symbol.for('passcode-desk.unit-test-starting-env');

vi.resetModules();
vi.useRealTimers();
vi.unstubAllEnvs();
vi.unstubAllGlobals();
vi.restoreAllMocks();
restoreStartingEnvironment();
forgetProcessWideState();

process.env.TZ = 'UTC';
process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.AUTH_CLIENT_ID ??= DEMO_CLIENT_ID;
process.env.AUTH_TENANT_ID ??= TENANT_ID;
// One data folder per test file, even when a worker process runs several files in turn: the stores keep state
// (the Graph throttle gate's shared wait, rate limits, guards) that one file must not leave to the next.
process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'passcode-desk-unit-'));
// Server modules log JSON lines to stdout; tests that check logging give the logger a stream of their own.
process.env.LOG_LEVEL ??= 'silent';

/** The process's environment as it was before the first file ran, put back before every later one. */
function restoreStartingEnvironment(): void {
  const shared = globalThis as { [STARTING_ENV]?: Record<string, string | undefined> };
  const starting = (shared[STARTING_ENV] ??= { ...process.env });
  for (const name of Object.keys(process.env)) if (!(name in starting)) delete process.env[name];
  Object.assign(process.env, starting);
}

/** What our modules keep per process on globalThis, under Symbol.for('passcode-desk.…') (pool-errors.ts's outage). */
function forgetProcessWideState(): void {
  for (const key of Object.getOwnPropertySymbols(globalThis)) {
    if (Symbol.keyFor(key)?.startsWith('passcode-desk.') && key !== STARTING_ENV) {
      delete (globalThis as Record<symbol, unknown>)[key];
    }
  }
}
