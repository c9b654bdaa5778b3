// v1.0 and beta side by side: the same devices and ids, each version's own enum values, and the switch that makes
// v1.0 send beta's values too.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../app';
import { DEMO_ACCOUNTS } from '../constants';
import { ENROLLMENT_MODES } from '../tenant/enrollment';
import type { StoredDevice } from '../tenant/types';
import {
  control,
  createTestEmulator,
  graphGet,
  SCOPES,
  tokenFor,
  type GraphErrorJson,
} from '../testing';
import { asSentBy } from './versions';

interface Page {
  value: Record<string, unknown>[];
  '@odata.nextLink'?: string;
  '@odata.context': string;
}

describe('/v1.0 and /beta', () => {
  let emu: Emulator;
  let admin: string;
  const deviceOf = (mode: StoredDevice['mode']) => {
    const d = emu.ctx.tenant.devices.find((x) => x.mode === mode && x.scopeTag === 'EMEA');
    if (!d) throw new Error(`no ${mode} device`);
    return d.graph;
  };
  const get = async (path: string, token = admin) => {
    const res = await graphGet(emu, path, token);
    expect(res.status, path).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    emu = await createTestEmulator({ devices: 400, users: 120 });
    admin = await tokenFor(emu, DEMO_ACCOUNTS.admin, [SCOPES.read]);
  });

  it("v1.0 sends a fully managed phone's enrollment type as unknownFutureValue, beta as androidEnterpriseFullyManaged", async () => {
    const d = deviceOf('androidFullyManaged');
    const sel = '?$select=id,deviceEnrollmentType,managementAgent';
    expect(await get(`/v1.0/deviceManagement/managedDevices/${d.id}${sel}`)).toMatchObject({
      id: d.id,
      deviceEnrollmentType: 'unknownFutureValue',
      managementAgent: 'googleCloudDevicePolicyController',
    });
    const beta = await get(`/beta/deviceManagement/managedDevices/${d.id}${sel}`);
    expect(beta).toMatchObject({
      id: d.id,
      deviceEnrollmentType: 'androidEnterpriseFullyManaged',
      managementAgent: 'googleCloudDevicePolicyController',
    });
    expect(beta['@odata.context']).toMatch(/\/beta\/\$metadata#deviceManagement\/managedDevices\(/);
  });

  it('v1.0 sends an AOSP device as managementAgent unknown (no sentinel in v1.0), beta as intuneAosp', async () => {
    const d = deviceOf('androidAosp');
    expect(await get(`/v1.0/deviceManagement/managedDevices/${d.id}`)).toMatchObject({
      managementAgent: 'unknown',
      deviceEnrollmentType: 'unknownFutureValue',
    });
    const beta = await get(`/beta/deviceManagement/managedDevices/${d.id}`);
    expect(beta.managementAgent).toBe('intuneAosp');
    expect(ENROLLMENT_MODES.androidAosp.deviceEnrollmentTypes).toContain(beta.deviceEnrollmentType);
  });

  it('lists the same devices with the same ids on both, paging alike, per user too', async () => {
    const ids = async (version: string, path: string) => {
      const out: unknown[] = [];
      let next: string | undefined = `/${version}${path}`;
      while (next) {
        const page = (await get(next)) as unknown as Page;
        out.push(...page.value.map((v) => v.id));
        next = page['@odata.nextLink'];
      }
      return out;
    };
    const all = '/deviceManagement/managedDevices?$select=id&$top=150';
    const v1 = await ids('v1.0', all);
    expect(v1).toHaveLength(400);
    expect(await ids('beta', all)).toEqual(v1);
    const upn = deviceOf('androidAosp').userPrincipalName;
    const mine = `/users/${encodeURIComponent(upn)}/managedDevices?$select=id,managementAgent`;
    expect(await ids('beta', mine)).toEqual(await ids('v1.0', mine));
    const betaPage = (await get(`/beta${mine}`)) as unknown as Page;
    expect(betaPage.value.some((v) => v.managementAgent === 'intuneAosp')).toBe(true);
    const v1Page = (await get(`/v1.0${mine}`)) as unknown as Page;
    expect(v1Page.value.some((v) => v.managementAgent === 'intuneAosp')).toBe(false);
  });

  it('with v1EnumValues "beta", v1.0 sends beta\'s values too; back to "declared", it does not', async () => {
    const d = deviceOf('androidCorporateWorkProfile');
    const path = `/v1.0/deviceManagement/managedDevices/${d.id}?$select=deviceEnrollmentType`;
    try {
      await control(emu, 'PUT', '/behaviour', { v1EnumValues: 'beta' });
      expect((await get(path)).deviceEnrollmentType).toBe('androidEnterpriseCorporateWorkProfile');
    } finally {
      await control(emu, 'PUT', '/behaviour', { v1EnumValues: 'declared' });
    }
    expect((await get(path)).deviceEnrollmentType).toBe('unknownFutureValue');
    const refused = await emu.app.request('http://localhost:4999/_emulator/behaviour', {
      method: 'PUT',
      body: JSON.stringify({ v1EnumValues: 'v1' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(refused.status).toBe(400);
  });

  it('beta keeps the same auth, RBAC and OData refusals as v1.0', async () => {
    const amer = emu.ctx.tenant.devices.find((x) => x.scopeTag === 'AMER')!.graph;
    const helpdesk = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, [SCOPES.read]);
    for (const version of ['v1.0', 'beta']) {
      const outside = await graphGet(
        emu,
        `/${version}/deviceManagement/managedDevices/${amer.id}`,
        helpdesk,
      );
      expect(outside.status, version).toBe(403);
      const noToken = await graphGet(emu, `/${version}/deviceManagement/managedDevices`);
      expect(noToken.status, version).toBe(401);
      const noScope = await graphGet(
        emu,
        `/${version}/deviceManagement/managedDevices`,
        await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, ['User.Read']),
      );
      expect(noScope.status, version).toBe(403);
      const badSelect = await graphGet(
        emu,
        `/${version}/deviceManagement/managedDevices?$select=nope`,
        helpdesk,
      );
      expect(badSelect.status, version).toBe(400);
      expect(((await badSelect.json()) as GraphErrorJson).error.code).toBe('BadRequest');
    }
  });

  it("beta shares v1.0's faults, throttling budget and request log", async () => {
    const d = deviceOf('androidDedicated');
    const path = `/beta/deviceManagement/managedDevices/${d.id}`;
    await control(emu, 'DELETE', '/requests');
    await control(emu, 'PUT', '/faults', {
      rules: [{ method: 'GET', path: '^/beta/', status: 503, count: 1, retryAfterSeconds: 2 }],
    });
    try {
      const faulted = await graphGet(emu, path, admin, { 'client-request-id': 'beta-1' });
      expect(faulted.status).toBe(503);
      expect(faulted.headers.get('retry-after')).toBe('2');
      const body = (await faulted.json()) as GraphErrorJson;
      expect(body.error.innerError['client-request-id']).toBe('beta-1');
      expect((await graphGet(emu, path, admin)).status).toBe(200);
      // One budget for both versions: a v1.0 request spends what beta then lacks.
      await control(emu, 'PUT', '/throttling', { appRequests: 1 });
      expect(
        (await graphGet(emu, `/v1.0/deviceManagement/managedDevices/${d.id}`, admin)).status,
      ).toBe(200);
      const throttled = await graphGet(emu, path, admin);
      expect(throttled.status).toBe(429);
      expect(((await throttled.json()) as GraphErrorJson).error.code).toBe('TooManyRequests');
      const log = await control<{ entries: { path: string; status: number }[] }>(
        emu,
        'GET',
        '/requests',
      );
      expect(log.entries.filter((e) => e.path === path).map((e) => e.status)).toEqual([
        503, 200, 429,
      ]);
    } finally {
      await control(emu, 'DELETE', '/faults');
      await control(emu, 'PUT', '/throttling', { appRequests: 2000 });
    }
  });

  it('asSentBy maps only what v1.0 lacks, and nothing on beta', () => {
    const fm = {
      deviceEnrollmentType: 'androidEnterpriseFullyManaged',
      managementAgent: 'intuneAosp',
    } as const;
    expect(asSentBy(fm, 'v1.0')).toEqual({
      deviceEnrollmentType: 'unknownFutureValue',
      managementAgent: 'unknown',
    });
    expect(asSentBy(fm, 'beta')).toEqual(fm);
    expect(asSentBy(fm, 'v1.0', 'beta')).toEqual(fm);
    const ios = { deviceEnrollmentType: 'appleBulkWithUser', managementAgent: 'mdm' } as const;
    expect(asSentBy(ios, 'v1.0')).toEqual(ios);
  });
});
