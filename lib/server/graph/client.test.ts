// The Graph client and the console's throttle gate, against the emulator over HTTP: a call given a wait budget
// (a passcode action's) waits for a gate closed for a second, and a read Graph answered 429 is read again; a call
// without one (lists, status polls) is refused at once, as before.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_ACCOUNTS } from '@/emulator/constants';
import { SCOPES, startEmulatorServer, type EmulatorServer } from '@/test-support/emulator-server';
import { GraphError } from './errors';

interface Logged {
  method: string;
  path: string;
  status: number;
  at: number;
}

let server: EmulatorServer;
let client: typeof import('./client');
let token: string;
let deviceId: string;

beforeAll(async () => {
  server = await startEmulatorServer({ devices: 50, users: 20 });
  client = await import('./client');
  token = await server.token(DEMO_ACCOUNTS.admin, [SCOPES.read, SCOPES.privileged]);
  deviceId =
    server.emu.ctx.tenant.devices.find(
      (d) => d.scenario === 'online' && d.mode === 'iosAutomatedEnrollment',
    )?.graph.id ?? '';
});
afterAll(() => server.stop());
beforeEach(async () => {
  await server.control('POST', '/reset');
  // Every test starts with the gate open: whatever closed it before has passed.
  await new Promise((r) => setTimeout(r, 1100));
});

const LIST = '/deviceManagement/managedDevices';
const list = (budget?: import('./wait-budget').WaitBudget) =>
  client.graphGet({
    path: LIST,
    query: { $top: '1', $select: 'id' },
    token,
    schema: z.object({ value: z.array(z.object({ id: z.string() })) }),
    budget,
  });
const log = async () => (await server.control<{ entries: Logged[] }>('GET', '/requests')).entries;
/** Closes the console's gate for a second: Graph answers one list read 429 with Retry-After 1. */
const closeGate = async () => {
  await server.control('PUT', '/faults', {
    rules: [
      { method: 'GET', path: 'managedDevices$', status: 429, count: 1, retryAfterSeconds: 1 },
    ],
  });
  await expect(list()).rejects.toMatchObject({ status: 429, code: 'TooManyRequests' });
};

describe('the throttle gate and the wait budget', () => {
  it('without a budget a call is refused at once while the gate is closed, and nothing reaches Graph', async () => {
    await closeGate();
    const started = Date.now();
    const refused = await list().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GraphError);
    expect(refused).toMatchObject({ kind: 'notSent', code: 'graphWaiting', status: 429 });
    expect(Date.now() - started).toBeLessThan(500);
    expect(await log()).toHaveLength(1);
  });

  it('with a budget a read waits for the gate and goes through', async () => {
    await closeGate();
    const read = await list(client.waitBudget(20_000));
    expect(read.data.value).toHaveLength(1);
    const [throttled, after] = await log();
    expect(after?.status).toBe(200);
    expect((after?.at ?? 0) - (throttled?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('with a budget a read Graph answered 429 is read again once the gate opens', async () => {
    await server.control('PUT', '/faults', {
      rules: [
        { method: 'GET', path: 'managedDevices$', status: 429, count: 2, retryAfterSeconds: 0.5 },
      ],
    });
    const read = await list(client.waitBudget(20_000));
    expect(read.data.value).toHaveLength(1);
    expect((await log()).map((e) => e.status)).toEqual([429, 429, 200]);
  });

  it('a wait beyond the budget is not waited: the read fails at once with what is left', async () => {
    await closeGate();
    const refused = await list(client.waitBudget(300)).catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'notSent', code: 'graphWaiting' });
    expect((refused as GraphError).retryAfterSeconds).toBeGreaterThan(0.3);
    expect(await log()).toHaveLength(1);
  });

  it('a POST with a budget waits for the gate; without one it is not sent', async () => {
    await closeGate();
    const path = `/deviceManagement/managedDevices/${deviceId}/resetPasscode`;
    await expect(
      client.graphPostAction({ path, token, clientRequestId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ kind: 'notSent' });
    const posted = await client.graphPostAction({
      path,
      token,
      clientRequestId: crypto.randomUUID(),
      budget: client.waitBudget(20_000),
    });
    expect(posted.status).toBe(204);
    const entries = await log();
    expect(entries.filter((e) => e.method === 'POST').map((e) => e.status)).toEqual([204]);
    expect((entries.at(-1)?.at ?? 0) - (entries[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  });
});
