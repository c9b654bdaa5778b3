// The console's own PostgreSQL restarted, then stopped and started again, under the server code as it runs (the
// stores from lib/server/store, a route handler, the passcode action, the health check): a restart ends the pool's
// idle connections without an uncaught exception (the test run fails on one); while the database is down, the
// route answers 503 storeUnavailable, the action says it sent nothing (Graph sees no POST) and the health check
// names the database with the migrations not checked; once it is back, all of it works again in the same process.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '@/emulator/constants';
import type { ApiErrorBody } from '@/lib/shared/errors';
import { SCOPES, startEmulatorServer, type EmulatorServer } from '@/test-support/emulator-server';
import { startTestPostgres, type TestPostgres } from '@/test-support/postgres';

let pg: TestPostgres;
let server: EmulatorServer;
let GET: typeof import('@/app/api/actions/route').GET;
let checkHealth: typeof import('./health').checkHealth;
let act: (deviceId: string, ticket: string) => Promise<{ status: string; sent?: string }>;

beforeAll(async () => {
  pg = await startTestPostgres();
  const databaseUrl = await pg.createDatabase('outage');
  server = await startEmulatorServer({ devices: 200, users: 60 }, { DATABASE_URL: databaseUrl });
  ({ GET } = await import('@/app/api/actions/route'));
  ({ checkHealth } = await import('./health'));
  const [
    { requestPasscodeActionOrExplain },
    { getApprovalStore, getAuditStore, getRateLimits, getVerificationStore },
    { serverEnv },
  ] = await Promise.all([
    import('./actions/store-failure-answer'),
    import('./store'),
    import('./config/server-env'),
  ]);
  const token = await server.token(DEMO_ACCOUNTS.helpdesk, [SCOPES.read, SCOPES.privileged]);
  act = (deviceId, ticket) =>
    requestPasscodeActionOrExplain(
      { deviceId, kind: 'removePasscode', ticket },
      token,
      async () => ({
        store: await getAuditStore(),
        limits: await getRateLimits(),
        verifications: await getVerificationStore(),
        approvals: await getApprovalStore(),
        env: { ...serverEnv(), VERIFY_CALLER: 'off' },
      }),
    );
}, 60_000);
afterAll(() => {
  server?.stop();
  pg?.stop();
});

/** The agent's tray: GET /api/actions, which reads the audit store. */
async function tray(): Promise<{ status: number; body: Partial<ApiErrorBody> }> {
  const token = await server.token(DEMO_ACCOUNTS.helpdesk, [SCOPES.read]);
  const res = await GET(
    new Request('http://localhost/api/actions', { headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({}) },
  );
  return { status: res.status, body: (await res.json()) as Partial<ApiErrorBody> };
}

const devices = async () =>
  (
    await server.control<{ devices: { id: string }[] }>(
      'GET',
      '/devices?mode=iosAutomatedEnrollment&scenario=online&scopeTag=EMEA&limit=3',
    )
  ).devices.map((d) => d.id);
const posts = async () =>
  (await server.control<{ entries: unknown[] }>('GET', '/requests?method=POST')).entries;

it('a restart, then an outage: answered in words while down, and working again afterwards without a restart', async () => {
  const [first, second, third] = await devices();
  expect(await checkHealth()).toMatchObject({ status: 'ok' });
  expect((await act(first!, 'INC-9201')).status).toBe('accepted');
  expect((await tray()).status).toBe(200);

  // PostgreSQL restarts under open, idle connections: the pool drops them, and the next use opens new ones.
  pg.restart({});
  await new Promise((r) => setTimeout(r, 200));
  expect((await tray()).status).toBe(200);

  pg.halt();
  await server.control('DELETE', '/requests');
  expect(await tray()).toEqual({
    status: 503,
    body: {
      error: expect.objectContaining({
        status: 503,
        code: 'storeUnavailable',
        message:
          "The console cannot reach its own database right now. Try again in a minute; if it persists, tell the console's administrators.",
      }) as unknown,
    },
  });
  expect(await act(second!, 'INC-9202')).toEqual({ status: 'storeUnavailable', sent: 'nothing' });
  expect(await posts()).toEqual([]);
  const down = await checkHealth();
  expect(down).toMatchObject({
    status: 'failing',
    checks: {
      configuration: { ok: true },
      database: { ok: false, dialect: 'postgres', error: expect.stringMatching(/ECONNREFUSED/) },
      migrations: { ok: null, pending: [] },
    },
  });
  expect(JSON.stringify(down)).not.toMatch(/postgres:\/\//);

  pg.startAgain();
  expect((await tray()).status).toBe(200);
  expect((await act(second!, 'INC-9202')).status).toBe('accepted');
  expect((await act(third!, 'INC-9203')).status).toBe('accepted');
  expect(await posts()).toHaveLength(2);
  expect(await checkHealth()).toMatchObject({
    status: 'ok',
    checks: { database: { ok: true }, migrations: { ok: true, pending: [] } },
  });
}, 60_000);
