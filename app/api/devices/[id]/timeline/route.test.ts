// GET /api/devices/{id}/timeline against a real emulator over HTTP: each source read with the agent's token, the
// console's records with agent and ticket, Intune's audit events of this device only, and a source that fails or
// that the token may not read reported as such (with Graph's request-id), never as an empty list.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '@/emulator/app';
import { DEMO_ACCOUNTS } from '@/emulator/constants';
import { graphPost } from '@/emulator/testing';
import { getAuditStore } from '@/lib/server/store';
import type { DeviceTimeline, SourceStatus } from '@/lib/shared/timeline/types';
import { SCOPES, startEmulatorServer, type EmulatorServer } from '@/test-support/emulator-server';

let server: EmulatorServer;
let emu: Emulator;
let GET: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;

beforeAll(async () => {
  server = await startEmulatorServer({ devices: 120, users: 40 });
  emu = server.emu;
  ({ GET } = await import('./route'));
});
afterAll(() => server.stop());

const AUDIT_LOG = 'DeviceManagementApps.Read.All';
const call = async (token: string, id: string) => {
  const res = await GET(
    new Request(`http://localhost/api/devices/${id}/timeline`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ id }) },
  );
  return { status: res.status, body: (await res.json()) as DeviceTimeline };
};
const source = (t: DeviceTimeline, kind: SourceStatus['kind']) =>
  t.sources.find((s) => s.kind === kind);
/** Two iPhones the helpdesk agent's scope tag (EMEA) covers. */
const emeaIphones = () =>
  emu.ctx.tenant.devices
    .filter(
      (d) =>
        d.scopeTag === 'EMEA' &&
        d.graph.operatingSystem === 'iOS' &&
        d.graph.managementState === 'managed',
    )
    .map((d) => d.graph.id);

async function recordIntent(deviceId: string, upn: string, ticket: string) {
  const user = emu.ctx.index.userByKey.get(upn.toLowerCase());
  if (!user) throw new Error(`no user ${upn}`);
  const actionId = randomUUID();
  await (
    await getAuditStore()
  ).record({
    actionId,
    kind: 'intent',
    actionName: 'resetPasscode',
    actionKind: 'removePasscode',
    deviceId,
    ticket,
    clientRequestId: actionId,
    actor: {
      value: { oid: user.id, upn, name: user.displayName, tenant: user.id },
      verified: true,
    },
  });
  return actionId;
}

describe('GET /api/devices/{id}/timeline', () => {
  it("merges the console's actions (every agent's, on a device the caller may read), the device's reports and Intune's audit events of this device", async () => {
    const [id, other] = emeaIphones();
    if (!id || !other) throw new Error('the seed has no two EMEA iPhones');
    const mine = await recordIntent(id, DEMO_ACCOUNTS.helpdesk, 'INC-4242');
    await recordIntent(id, DEMO_ACCOUNTS.admin, 'INC-4343');
    // The console's POST, with its action id as client-request-id; and one on another device.
    const privileged = await server.token(DEMO_ACCOUNTS.helpdesk, [SCOPES.read, SCOPES.privileged]);
    for (const [device, correlation] of [
      [id, mine],
      [other, randomUUID()],
    ] as const) {
      const res = await graphPost(
        emu,
        `/v1.0/deviceManagement/managedDevices/${device}/resetPasscode`,
        privileged,
        { headers: { 'client-request-id': correlation } },
      );
      expect(res.status).toBe(204);
    }

    // Graph lists a new action result only after a delay (actionResultsDelayMs).
    await server.control('POST', '/clock', { advanceMs: 60_000 });
    const token = await server.token(DEMO_ACCOUNTS.helpdesk, [SCOPES.read, AUDIT_LOG]);
    const { status, body } = await call(token, id);
    expect(status).toBe(200);
    const consoleEntries = body.entries.filter((e) => e.kind === 'console');
    expect(consoleEntries.map((e) => e.kind === 'console' && e.ticket).sort()).toEqual([
      'INC-4242',
      'INC-4343',
    ]);
    const events = body.entries.filter((e) => e.kind === 'auditLog');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: { upn: DEMO_ACCOUNTS.helpdesk },
      consoleActionId: mine,
    });
    expect(
      body.entries.some((e) => e.kind === 'deviceReport' && e.actionName === 'resetPasscode'),
    ).toBe(true);
    expect(source(body, 'auditLog')).toEqual({ kind: 'auditLog', available: true, count: 1 });
    // Newest first, throughout.
    const times = body.entries.flatMap((e) => (e.at ? [Date.parse(e.at)] : []));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("lists what admins started in the admin center with who started them, pins their wipe, and folds the console's own POST into its entry", async () => {
    const [, , id] = emeaIphones();
    if (!id) throw new Error('the seed has no three EMEA iPhones');
    const mine = await recordIntent(id, DEMO_ACCOUNTS.helpdesk, 'INC-5151');
    const privileged = await server.token(DEMO_ACCOUNTS.helpdesk, [SCOPES.read, SCOPES.privileged]);
    const posted = await graphPost(
      emu,
      `/v1.0/deviceManagement/managedDevices/${id}/resetPasscode`,
      privileged,
      { headers: { 'client-request-id': mine } },
    );
    expect(posted.status).toBe(204);
    await server.control('POST', `/devices/${id}/admin-center-actions`, {
      action: 'wipe',
      initiatedBy: DEMO_ACCOUNTS.admin,
      minutesAgo: 30,
    });
    await server.control('POST', `/devices/${id}/admin-center-actions`, {
      action: 'remoteLock',
      initiatedBy: DEMO_ACCOUNTS.admin,
    });

    const token = await server.token(DEMO_ACCOUNTS.helpdesk, [SCOPES.read]);
    const { body } = await call(token, id);
    expect(source(body, 'adminCenter')).toMatchObject({ available: true, count: 2 });
    expect(body.pinned).toMatchObject({
      action: 'wipe',
      state: 'pending',
      source: 'adminCenter',
      initiatedBy: DEMO_ACCOUNTS.admin,
    });
    const admin = body.entries.filter((e) => e.kind === 'adminCenter');
    expect(admin).toEqual([
      expect.objectContaining({ action: 'remoteLock', initiatedBy: DEMO_ACCOUNTS.admin }),
    ]);
    expect(body.entries.filter((e) => e.kind === 'console')).toEqual([
      expect.objectContaining({ actionId: mine, ticket: 'INC-5151' }),
    ]);
  });

  it('says Intune’s audit log needs its permission, without asking Graph, when the token lacks it', async () => {
    const [id] = emeaIphones();
    if (!id) throw new Error('no EMEA iPhone');
    await server.control('DELETE', '/requests');
    const token = await server.token(DEMO_ACCOUNTS.helpdesk, [SCOPES.read]);
    const { status, body } = await call(token, id);
    expect(status).toBe(200);
    expect(source(body, 'auditLog')).toMatchObject({
      available: false,
      reason: 'missingPermission',
    });
    const { entries } = await server.control<{ entries: { path: string }[] }>(
      'GET',
      '/requests?path=auditEvents',
    );
    expect(entries).toEqual([]);
    expect(source(body, 'deviceReport')).toMatchObject({ available: true });
  });

  it('reports a failing source as not available with Graph’s request-id, and still lists the rest', async () => {
    const [id] = emeaIphones();
    if (!id) throw new Error('no EMEA iPhone');
    await server.control('PUT', '/faults', {
      rules: [{ path: 'remoteActionAudits', status: 503 }],
    });
    try {
      const token = await server.token(DEMO_ACCOUNTS.helpdesk, [SCOPES.read, AUDIT_LOG]);
      const { status, body } = await call(token, id);
      expect(status).toBe(200);
      const admin = source(body, 'adminCenter');
      expect(admin).toMatchObject({ available: false, reason: 'failed' });
      expect(admin && !admin.available && admin.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.entries.some((e) => e.kind === 'checkIn' || e.kind === 'console')).toBe(true);
    } finally {
      await server.control('DELETE', '/faults');
    }
  });

  it("a device outside the agent's Intune scope: its reports are refused, and only the agent's own console records show", async () => {
    const outside = emu.ctx.tenant.devices.find((d) => d.scopeTag !== 'EMEA')?.graph.id;
    if (!outside) throw new Error('no device outside EMEA');
    await recordIntent(outside, DEMO_ACCOUNTS.admin, 'INC-9999');
    const token = await server.token(DEMO_ACCOUNTS.helpdesk, [SCOPES.read]);
    const { status, body } = await call(token, outside);
    expect(status).toBe(200);
    expect(source(body, 'deviceReport')).toMatchObject({ available: false, reason: 'forbidden' });
    expect(body.neverCheckedIn).toBeNull();
    expect(body.entries.filter((e) => e.kind === 'console')).toEqual([]);
  });

  it('refuses an id that is not a device id before any Graph call', async () => {
    const token = await server.token(DEMO_ACCOUNTS.helpdesk, [SCOPES.read]);
    const res = await GET(
      new Request('http://localhost/api/devices/x/timeline', {
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({ id: "x' or 1 eq 1" }) },
    );
    expect(res.status).toBe(400);
  });
});
