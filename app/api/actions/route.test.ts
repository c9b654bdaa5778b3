// GET /api/actions?deviceIds=…: the guard made visible before anyone clicks. Against a real emulator over HTTP
// and the console's own audit store: validated input, only actions the caller may see, and only those under way
// or recent enough that the device guard holds.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_ACCOUNTS } from '@/emulator/constants';
import type { ActionStatus } from '@/lib/shared/actions/types';
import type { ApiErrorBody } from '@/lib/shared/errors';
import { SCOPES, startEmulatorServer, type EmulatorServer } from '@/test-support/emulator-server';

interface ControlDevice {
  id: string;
  deviceName: string;
  scopeTag: string;
}

let server: EmulatorServer;
let GET: (req: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>;
let act: (input: unknown, token: string, overrides?: Record<string, unknown>) => Promise<unknown>;

beforeAll(async () => {
  server = await startEmulatorServer({ devices: 250, users: 60 });
  ({ GET } = await import('./route'));
  const [
    { requestPasscodeActionOnce },
    { getApprovalStore, getAuditStore, getRateLimits, getVerificationStore },
    { serverEnv },
  ] = await Promise.all([
    import('@/lib/server/actions/request-passcode-action'),
    import('@/lib/server/store'),
    import('@/lib/server/config/server-env'),
  ]);
  act = async (input, token, overrides = {}) =>
    requestPasscodeActionOnce(input, token, {
      store: await getAuditStore(),
      limits: await getRateLimits(),
      verifications: await getVerificationStore(),
      approvals: await getApprovalStore(),
      // The caller policy has its own tests (request-passcode-action.test.ts); off here, given explicitly.
      env: { ...serverEnv(), VERIFY_CALLER: 'off', ...overrides },
    });
});
afterAll(() => server.stop());
afterEach(() => vi.useRealTimers());

const used = new Set<string>();
const device = async (query: Record<string, string>): Promise<ControlDevice> => {
  const { devices } = await server.control<{ devices: ControlDevice[] }>(
    'GET',
    `/devices?${new URLSearchParams({ ...query, limit: '200' })}`,
  );
  const fresh = devices.find((d) => !used.has(d.id));
  if (!fresh) throw new Error(`no unused device for ${JSON.stringify(query)}`);
  used.add(fresh.id);
  return fresh;
};
const helpdesk = () => server.token(DEMO_ACCOUNTS.helpdesk, [SCOPES.read, SCOPES.privileged]);
const admin = () => server.token(DEMO_ACCOUNTS.admin, [SCOPES.read, SCOPES.privileged]);
const batch = async (token: string, ids: string) => {
  const res = await GET(
    new Request(`http://localhost/api/actions?deviceIds=${ids}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({}) },
  );
  return {
    status: res.status,
    body: (await res.json()) as { actions: ActionStatus[] } & Partial<ApiErrorBody>,
  };
};

describe('GET /api/actions?deviceIds=', () => {
  it('refuses anything but 1 to 100 device ids', async () => {
    const token = await helpdesk();
    const ok = (await device({ scopeTag: 'EMEA' })).id;
    for (const ids of [
      '',
      'x',
      `${ok},../users/x`,
      `${ok},${ok}a`,
      Array.from({ length: 101 }, () => ok).join(','),
    ]) {
      const { status, body } = await batch(token, encodeURIComponent(ids));
      expect(status, ids.slice(0, 60)).toBe(400);
      expect(body.error?.code).toBe('invalidDeviceIds');
    }
    expect((await batch(token, Array.from({ length: 100 }, () => ok).join(','))).status).toBe(200);
  });

  it('names the action under way on a listed device, who asked and for which ticket; devices without one are left out', async () => {
    const token = await helpdesk();
    const [busy, idle] = [
      await device({ scopeTag: 'EMEA', mode: 'iosAutomatedEnrollment', scenario: 'offline' }),
      await device({ scopeTag: 'EMEA' }),
    ];
    await act({ deviceId: busy.id, kind: 'removePasscode', ticket: 'INC-9009' }, token);
    const { status, body } = await batch(token, `${busy.id},${idle.id.toUpperCase()}`);
    expect(status).toBe(200);
    expect(body.actions).toHaveLength(1);
    expect(body.actions[0]).toMatchObject({
      deviceId: busy.id,
      ticket: 'INC-9009',
      actorName: 'Hanna Berger',
      kind: 'removePasscode',
      state: 'pending',
      terminal: false,
      deviceName: busy.deviceName,
      deviceSerial: expect.any(String),
    });
  });

  it("shows another agent's action only where Graph lets the caller read the device", async () => {
    const [inScope, outside] = [
      await device({ scopeTag: 'EMEA', mode: 'iosAutomatedEnrollment' }),
      await device({ scopeTag: 'AMER', mode: 'iosAutomatedEnrollment' }),
    ];
    const adminToken = await admin();
    await act({ deviceId: inScope.id, kind: 'removePasscode', ticket: 'INC-1' }, adminToken);
    await act({ deviceId: outside.id, kind: 'removePasscode', ticket: 'INC-2' }, adminToken);
    const seen = (await batch(await helpdesk(), `${inScope.id},${outside.id}`)).body.actions;
    expect(seen.map((a) => [a.deviceId, a.actorName, a.ticket])).toEqual([
      [inScope.id, 'Alex Moreau', 'INC-1'],
    ]);
    expect((await batch(adminToken, outside.id)).body.actions.map((a) => a.ticket)).toEqual([
      'INC-2',
    ]);
  });

  it('shows what the database says of each device guard: a released guard drops the row, a timed one lapses, an unknown fate holds until settled', async () => {
    const token = await helpdesk();
    const [mac, offline, unknown] = [
      await device({ scopeTag: 'EMEA', mode: 'macos' }),
      await device({ scopeTag: 'EMEA', mode: 'iosAutomatedEnrollment', scenario: 'offline' }),
      await device({ scopeTag: 'EMEA', mode: 'iosAutomatedEnrollment' }),
    ];
    // recoverPasscode on a Mac (a tenant that offers it everywhere): Intune refuses it at once, nothing was queued,
    // and the console released the device as it answered.
    await act({ deviceId: mac.id, kind: 'recoverPin', ticket: 'INC-5' }, token, {
      RECOVER_PASSCODE_EVERYWHERE: true,
    });
    await act({ deviceId: offline.id, kind: 'removePasscode', ticket: 'INC-6' }, token);
    // A 503 on the POST: the action's fate is unknown, so the device is held until it shows the action.
    await server.control('PUT', '/faults', {
      rules: [{ method: 'POST', path: `${unknown.id}/resetPasscode$`, status: 503, count: 1 }],
    });
    await act({ deviceId: unknown.id, kind: 'removePasscode', ticket: 'INC-7' }, token);
    const now = (await batch(token, `${mac.id},${offline.id},${unknown.id}`)).body.actions;
    const byTicket = new Map(now.map((a) => [a.ticket, a]));
    expect(byTicket.has('INC-5')).toBe(false);
    expect(byTicket.get('INC-6')).toMatchObject({
      state: 'pending',
      guard: { kind: 'until', until: expect.any(String) },
    });
    const until = Date.parse((byTicket.get('INC-6')?.guard as { until: string }).until);
    expect(until - Date.now()).toBeGreaterThan(14 * 60_000); // RECOVERY_GUARD_MINUTES (15) from the request
    expect(byTicket.get('INC-7')).toMatchObject({
      state: 'verifying',
      guard: { kind: 'untilSettled' },
    });

    // Past RECOVERY_GUARD_MINUTES: the timed guard has lapsed (the action under way is still shown, holding
    // nothing); the unknown fate still holds its device, whatever the clock says.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 16 * 60_000 });
    const later = (await batch(token, `${mac.id},${offline.id},${unknown.id}`)).body.actions;
    expect(later.map((a) => [a.ticket, a.guard?.kind ?? null]).sort()).toEqual([
      ['INC-6', null],
      ['INC-7', 'untilSettled'],
    ]);
  });
});
