// GET /api/devices against a real emulator over HTTP: the agent's token goes through, the answer has the
// list fields only, and Graph's errors come back as JSON with Graph's request-id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '@/emulator/app';
import { DEMO_ACCOUNTS } from '@/emulator/constants';
import { mintAccessToken } from '@/emulator/entra/tokens';
import type { DeviceSearchPage } from '@/lib/shared/devices/types';
import type { ApiErrorBody } from '@/lib/shared/errors';
import { startEmulatorServer, type EmulatorServer } from '@/test-support/emulator-server';

let server: EmulatorServer;
let emu: Emulator;
let GET: (req: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>;

beforeAll(async () => {
  server = await startEmulatorServer({ devices: 250, users: 60 });
  emu = server.emu;
  ({ GET } = await import('./route'));
});

afterAll(() => server.stop());

const tokenFor = (upn: string, scopes: string[]) => server.token(upn, scopes);
const call = (token?: string, query = '') =>
  GET(
    new Request(`http://localhost/api/devices${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    }),
    { params: Promise.resolve({}) },
  );
const READ = ['DeviceManagementManagedDevices.Read.All'];

describe('GET /api/devices', () => {
  it('pages with the cursor to the last device the agent may see', async () => {
    const token = await tokenFor(DEMO_ACCOUNTS.helpdesk, READ);
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(token, cursor ? `?cursor=${cursor}` : '');
      const body = (await res.json()) as DeviceSearchPage;
      ids.push(...body.devices.map((d) => d.id));
      cursor = body.nextCursor;
    } while (cursor);
    const expected = emu.ctx.tenant.devices
      .filter((d) => d.scopeTag === 'EMEA')
      .map((d) => d.graph.id);
    // Every device once; within a page the server lists same-named twins together (the one that synced last first).
    expect(ids).toHaveLength(expected.length);
    expect([...ids].sort()).toEqual([...expected].sort());
  });

  it('refuses a cursor that points elsewhere with 400 (a foreign origin too), and follows one Intune re-spelled', async () => {
    const token = await tokenFor(DEMO_ACCOUNTS.helpdesk, READ);
    const cursor = (link: string) =>
      Buffer.from(JSON.stringify({ v: 1, links: [link] })).toString('base64url');
    for (const link of [
      'http://169.254.169.254/latest/meta-data',
      `${emu.ctx.origin}/v1.0/deviceManagement/detectedApps`,
      'https://graph.microsoft.com.evil.example/v1.0/deviceManagement/managedDevices',
    ]) {
      const res = await call(token, `?cursor=${cursor(link)}`);
      expect(res.status, link).toBe(400);
      expect(((await res.json()) as ApiErrorBody).error.code).toBe('invalidCursor');
    }
    const respelled = cursor(
      `${emu.ctx.origin}/v1.0/deviceManagement/managedDevices?$filter=${encodeURIComponent("startswith(deviceName, 'x')")}`,
    );
    expect((await call(token, `?cursor=${respelled}`)).status).toBe(200);
  });

  it("finds a user's devices by UPN, a device by serial, and says when the user does not exist", async () => {
    const token = await tokenFor(DEMO_ACCOUNTS.helpdesk, READ);
    const byUpn = (await (
      await call(token, '?q=zoe.obrien%40contoso.com')
    ).json()) as DeviceSearchPage;
    expect(byUpn.kind).toBe('user');
    expect(byUpn.devices.filter((d) => d.deviceName === "Zoë's iPhone")).toHaveLength(2);
    const serial =
      emu.ctx.tenant.devices.find((d) => d.scopeTag === 'EMEA')?.graph.serialNumber ?? '';
    const bySerial = (await (await call(token, `?q=${serial}`)).json()) as DeviceSearchPage;
    expect(bySerial).toMatchObject({ kind: 'serial', received: 1, discarded: 0 });
    const nobody = (await (
      await call(token, '?q=nobody%40contoso.com')
    ).json()) as DeviceSearchPage;
    expect(nobody).toMatchObject({ userNotFound: true, devices: [] });
  });

  it('rejects malformed search parameters with a clear 400', async () => {
    const token = await tokenFor(DEMO_ACCOUNTS.helpdesk, READ);
    for (const query of [
      `?q=${'x'.repeat(101)}`,
      '?os=symbian',
      '?stale=3',
      '?q=a%00b',
      '?compliance=great',
    ]) {
      const res = await call(token, query);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as ApiErrorBody).error.code).toBe('invalidSearch');
    }
  });

  it('9: treats an injection attempt as text: one literal in one filter clause, and nothing shown that does not match', async () => {
    const token = await tokenFor(DEMO_ACCOUNTS.helpdesk, READ);
    const hostile = "x') or true or startswith(deviceName,'";
    await server.control('DELETE', '/requests');
    const res = await call(token, `?q=${encodeURIComponent(hostile)}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as DeviceSearchPage).devices).toEqual([]);
    // What reached Graph: the device-name request carries the text, quotes doubled, inside one literal of one
    // startswith clause; the UPN request carries only the sanitised stem. Nothing else was asked.
    const { entries } = await server.control<{ entries: { path: string; query: string }[] }>(
      'GET',
      '/requests',
    );
    const filters = entries.map((e) => new URLSearchParams(e.query).get('$filter'));
    const withText = filters.filter((f) => f?.includes('or true'));
    expect(withText).toEqual([`startswith(deviceName,'${hostile.replace(/'/g, "''")}')`]);
    expect(filters).toHaveLength(2);
    expect(filters.filter((f) => f?.startsWith('startswith(userPrincipalName,'))).toHaveLength(1);
  });

  it('returns the first page with the fields a helpdesk needs and says there is more', async () => {
    const res = await call(await tokenFor(DEMO_ACCOUNTS.helpdesk, READ));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store, no-transform');
    const body = (await res.json()) as DeviceSearchPage;
    expect(body.devices).toHaveLength(100);
    expect(body.nextCursor).not.toBeNull();
    expect(body).toMatchObject({ kind: null, received: 100, discarded: 0 });
    expect(Object.keys(body.devices[0] ?? {}).sort()).toEqual([
      'complianceState',
      'deviceEnrollmentType',
      'deviceName',
      'emailAddress',
      'id',
      'imei',
      'isSupervised',
      'lastSyncDateTime',
      'listedFor',
      'managedDeviceOwnerType',
      'managementAgent',
      'managementState',
      'manufacturer',
      'model',
      'operatingSystem',
      'osVersion',
      'passcodePlan',
      'serialNumber',
      'twins',
      'userDisplayName',
      'userId',
      'userPrincipalName',
    ]);
    // Each row carries the server's decision, from v1.0 alone (no beta read per row).
    expect(body.devices.every((d) => d.passcodePlan.basis === 'v1')).toBe(true);
  });

  it('answers 401 without a token, before calling Graph', async () => {
    const res = await call();
    expect(res.status).toBe(401);
    expect(((await res.json()) as ApiErrorBody).error.code).toBe('missingToken');
  });

  it("passes Graph's 403 on with its request-id and the human part of Intune's message", async () => {
    const res = await call(await tokenFor(DEMO_ACCOUNTS.helpdesk, ['User.Read']));
    expect(res.status).toBe(403);
    const { error } = (await res.json()) as ApiErrorBody;
    expect(error.code).toBe('Forbidden');
    expect(error.reason).toBe('missingPermission');
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.message).toMatch(/^Application is not authorized to perform this operation/);
    expect(error.message).not.toContain('_version');
    expect(JSON.stringify(error)).not.toMatch(/eyJ|Bearer /);
  });

  it('refuses an expired token with 401 before calling Graph', async () => {
    const user = emu.ctx.tenant.users.find((u) => u.userPrincipalName === DEMO_ACCOUNTS.helpdesk);
    if (!user) throw new Error('no agent');
    const expired = await mintAccessToken(emu.ctx, {
      user,
      scopes: ['DeviceManagementManagedDevices.Read.All'],
      issuedAt: Math.floor(Date.now() / 1000) - 7200,
    });
    await server.control('DELETE', '/requests');
    const res = await call(expired);
    expect(res.status).toBe(401);
    expect(((await res.json()) as ApiErrorBody).error).toMatchObject({ code: 'invalidToken' });
    expect((await server.control<{ entries: unknown[] }>('GET', '/requests')).entries).toEqual([]);
  });

  it("passes Graph's 401 on for a token only Graph can tell is bad (a broken signature)", async () => {
    const token = await tokenFor(DEMO_ACCOUNTS.helpdesk, READ);
    const [header, payload] = token.split('.');
    const res = await call(
      `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`,
    );
    expect(res.status).toBe(401);
    const { error } = (await res.json()) as ApiErrorBody;
    expect(error).toMatchObject({ code: 'InvalidAuthenticationToken' });
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a user without an Intune licence or role: 403 with the reason, never a 401 the browser would renew', async () => {
    const res = await call(await tokenFor(DEMO_ACCOUNTS.noIntune, READ));
    expect(res.status).toBe(403);
    expect(((await res.json()) as ApiErrorBody).error).toMatchObject({
      reason: 'noIntuneRole',
      code: 'UnknownError',
    });
  });

  it("throttling shared on the server: after Graph's 429 for one agent, another agent's search waits without reaching Graph", async () => {
    await server.control('PUT', '/faults', {
      rules: [
        { method: 'GET', path: 'managedDevices$', status: 429, count: 1, retryAfterSeconds: 1.5 },
      ],
    });
    await server.control('DELETE', '/requests');
    const first = await call(await tokenFor(DEMO_ACCOUNTS.helpdesk, READ));
    expect(first.status).toBe(429);
    const second = await call(await tokenFor(DEMO_ACCOUNTS.admin, READ));
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await server.control<{ entries: unknown[] }>('GET', '/requests')).entries).toHaveLength(
      1,
    );
    await new Promise((r) => setTimeout(r, 1600));
    expect((await call(await tokenFor(DEMO_ACCOUNTS.admin, READ))).status).toBe(200);
    await server.control('DELETE', '/faults');
  });
});
