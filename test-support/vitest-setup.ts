// The environment every unit and integration test runs in: the console's configuration pointed at the
// emulated tenant (tests that serve an emulator point GRAPH_BASE_URL at it), a throwaway data folder, and UTC,
// so no test depends on the developer's machine or writes into the checkout.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CLIENT_ID, TENANT_ID } from '@/emulator/constants';

process.env.TZ = 'UTC';
process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.AUTH_CLIENT_ID ??= DEMO_CLIENT_ID;
process.env.AUTH_TENANT_ID ??= TENANT_ID;
// One data folder per test file, even when a worker process runs several files in turn: the stores keep state
// (the Graph throttle gate's shared wait, rate limits, guards) that one file must not leave to the next.
process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'passcode-desk-unit-'));
// Server modules log JSON lines to stdout; tests that check logging give the logger a stream of their own.
process.env.LOG_LEVEL ??= 'silent';
