// Beta's remoteActionAudits, fed by the console's POSTs and by actions "started in the admin center" through the
// control API; the seeded wipe- and retire-pending phones; and $metadata.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../app';
import { DEMO_ACCOUNTS } from '../constants';
import {
  control,
  createTestEmulator,
  graphGet,
  graphPost,
  SCOPES,
  TEST_ORIGIN,
  tokenFor,
  type GraphErrorJson,
} from '../testing';

interface Audit {
  '@odata.type': string;
  id: string;
  action: string;
  actionState: string;
  managedDeviceId: string;
  initiatedByUserPrincipalName: string;
  userName: string;
  deviceDisplayName: string;
  requestDateTime: string;
  deviceActionCategory: string;
}
interface AuditPage {
  value: Audit[];
  '@odata.nextLink'?: string;
}

const AUDITS = '/beta/deviceManagement/remoteActionAudits';

describe('remoteActionAudits', () => {
  let emu: Emulator;
  let helpdesk: string;
  const emeaDevice = (mode: string, n = 0) => {
    const d = emu.ctx.tenant.devices.filter(
      (x) => x.mode === mode && x.scopeTag === 'EMEA' && x.graph.managementState === 'managed',
    )[n];
    if (!d) throw new Error(`no ${mode}`);
    return d.graph;
  };
  const audits = async (query = '', token = helpdesk) => {
    const res = await graphGet(emu, `${AUDITS}${query}`, token);
    expect(res.status, query).toBe(200);
    return (await res.json()) as AuditPage;
  };
  const startInAdminCenter = (deviceId: string, body: Record<string, unknown>) =>
    emu.app.request(`${TEST_ORIGIN}/_emulator/devices/${deviceId}/admin-center-actions`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });

  beforeEach(async () => {
    emu = await createTestEmulator({ devices: 400, users: 120 });
    helpdesk = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, [SCOPES.read, SCOPES.privileged]);
  });

  it('the seeded tenant has a wipe-pending iPhone and a retire-pending Android phone, each started hours ago by the administrator', async () => {
    const pending = emu.ctx.tenant.devices.filter((d) => d.graph.managementState !== 'managed');
    expect(pending.map((d) => [d.mode, d.graph.managementState])).toEqual([
      ['iosAutomatedEnrollment', 'wipePending'],
      ['androidFullyManaged', 'retirePending'],
    ]);
    const { value } = await audits();
    for (const [d, action] of [
      [pending[0]!, 'factoryReset'],
      [pending[1]!, 'removeCompanyData'],
    ] as const) {
      expect(d.graph.userPrincipalName).toMatch(/@contoso\.com$/);
      expect(d.scopeTag).toBe('EMEA');
      const entry = value.find((a) => a.managedDeviceId === d.graph.id);
      expect(entry).toMatchObject({
        action,
        actionState: 'pending',
        initiatedByUserPrincipalName: DEMO_ACCOUNTS.admin,
        deviceDisplayName: d.graph.deviceName,
      });
      const hoursAgo = (emu.ctx.clock.now() - Date.parse(entry!.requestDateTime)) / 3_600_000;
      expect(hoursAgo).toBeGreaterThan(1);
    }
    const v1 = await graphGet(
      emu,
      `/v1.0/deviceManagement/managedDevices/${pending[0]!.graph.id}?$select=managementState`,
      helpdesk,
    );
    expect(((await v1.json()) as { managementState: string }).managementState).toBe('wipePending');
  });

  it("records the console's resetPasscode with the caller's UPN, and follows its state", async () => {
    const d = emeaDevice('androidFullyManaged', 1);
    await control(emu, 'PUT', `/devices/${d.id}/scenario`, { scenario: 'online' });
    const post = await graphPost(
      emu,
      `/v1.0/deviceManagement/managedDevices/${d.id}/resetPasscode`,
      helpdesk,
    );
    expect(post.status).toBe(204);
    const filter = `?$filter=${encodeURIComponent(`managedDeviceId eq '${d.id}'`)}`;
    const [entry] = (await audits(filter)).value;
    expect(entry).toMatchObject({
      '@odata.type': '#microsoft.graph.remoteActionAudit',
      action: 'resetPasscode',
      actionState: 'pending',
      managedDeviceId: d.id,
      initiatedByUserPrincipalName: DEMO_ACCOUNTS.helpdesk,
      userName: DEMO_ACCOUNTS.helpdesk,
      deviceActionCategory: 'single',
    });
    await control(emu, 'POST', '/clock', { advanceMs: 10_000 });
    expect((await audits(filter)).value[0]?.actionState).toBe('done');
  });

  it('an admin-center wipe makes the device wipePending and shows in remoteActionAudits, deviceActionResults and the audit log', async () => {
    const d = emeaDevice('iosDeviceEnrollment');
    const res = await startInAdminCenter(d.id, {
      action: 'wipe',
      initiatedBy: 'it.admin@contoso.com',
      minutesAgo: 30,
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Audit;
    expect(created).toMatchObject({
      action: 'factoryReset',
      actionState: 'pending',
      managedDeviceId: d.id,
      initiatedByUserPrincipalName: 'it.admin@contoso.com',
    });
    const minutesAgo = (emu.ctx.clock.now() - Date.parse(created.requestDateTime)) / 60_000;
    expect(Math.round(minutesAgo)).toBe(30);

    const filter = `?$filter=${encodeURIComponent(`managedDeviceId eq '${d.id}'`)}`;
    expect((await audits(filter)).value.map((a) => a.id)).toEqual([created.id]);
    // The control API's list of POSTs that reached Graph stays the console's alone.
    const listed = (origin: string) =>
      control<{ actions: { id: string }[] }>(emu, 'GET', `/actions?deviceId=${d.id}${origin}`);
    expect((await listed('')).actions).toEqual([]);
    expect((await listed('&origin=adminCenter')).actions.map((a) => a.id)).toEqual([created.id]);

    const device = (await (
      await graphGet(
        emu,
        `/v1.0/deviceManagement/managedDevices/${d.id}?$select=managementState,deviceActionResults`,
        helpdesk,
      )
    ).json()) as { managementState: string; deviceActionResults: Record<string, unknown>[] };
    expect(device.managementState).toBe('wipePending');
    expect(device.deviceActionResults).toEqual([
      expect.objectContaining({
        '@odata.type': '#microsoft.graph.deviceActionResult',
        actionName: 'wipe',
        actionState: 'pending',
      }),
    ]);

    const events = (await (
      await graphGet(
        emu,
        '/v1.0/deviceManagement/auditEvents',
        await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, ['DeviceManagementApps.Read.All']),
      )
    ).json()) as {
      value: {
        activity: string;
        actor: { userPrincipalName: string; applicationDisplayName: string };
        resources: { resourceId: string }[];
      }[];
    };
    const wipe = events.value.find((e) => e.resources[0]?.resourceId === d.id);
    expect(wipe).toMatchObject({
      activity: 'wipe ManagedDevice',
      actor: {
        userPrincipalName: 'it.admin@contoso.com',
        applicationDisplayName: 'Microsoft Intune portal extension',
      },
    });
  });

  it('a retire makes the device retirePending; sync, lock and reboot are audited by their remoteAction names', async () => {
    const d = emeaDevice('androidCorporateWorkProfile');
    const by = { initiatedBy: DEMO_ACCOUNTS.admin };
    for (const [action, expected] of [
      ['syncDevice', 'unknownFutureValue'],
      ['remoteLock', 'remoteLock'],
      ['rebootNow', 'rebootNow'],
      ['removeCompanyData', 'removeCompanyData'],
    ] as const) {
      const res = await startInAdminCenter(d.id, { action, ...by, minutesAgo: 60 });
      expect(res.status, action).toBe(201);
      expect(((await res.json()) as Audit).action).toBe(expected);
    }
    expect(emu.ctx.index.deviceById.get(d.id)?.graph.managementState).toBe('retirePending');
    const device = (await (
      await graphGet(emu, `/v1.0/deviceManagement/managedDevices/${d.id}`, helpdesk)
    ).json()) as { deviceActionResults: { actionName: string; '@odata.type': string }[] };
    expect(device.deviceActionResults.map((r) => [r.actionName, r['@odata.type']]).sort()).toEqual([
      ['rebootNow', '#microsoft.graph.deviceActionResult'],
      ['remoteLock', '#microsoft.graph.remoteLockActionResult'],
      ['retire', '#microsoft.graph.deviceActionResult'],
      ['syncDevice', '#microsoft.graph.deviceActionResult'],
    ]);
    const pinned = await startInAdminCenter(d.id, {
      action: 'remoteLock',
      ...by,
      actionState: 'failed',
    });
    expect(((await pinned.json()) as Audit).actionState).toBe('failed');
    for (const bad of [
      { action: 'selfDestruct', ...by },
      { action: 'wipe' },
      { action: 'wipe', initiatedBy: 'not a upn' },
      { action: 'wipe', ...by, extra: true },
    ]) {
      expect((await startInAdminCenter(d.id, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect(
      (await startInAdminCenter('00000000-0000-4000-8000-000000000000', { action: 'wipe', ...by }))
        .status,
    ).toBe(404);
  });

  it('pages newest first like Graph, and refuses filters other than managedDeviceId eq', async () => {
    const d = emeaDevice('iosAutomatedEnrollment', 2);
    for (const minutesAgo of [5, 50, 500])
      await startInAdminCenter(d.id, {
        action: 'syncDevice',
        initiatedBy: DEMO_ACCOUNTS.admin,
        minutesAgo,
      });
    const filter = `$filter=${encodeURIComponent(`managedDeviceId eq '${d.id}'`)}`;
    const first = await audits(`?${filter}&$top=2`);
    expect(first.value).toHaveLength(2);
    const times = first.value.map((a) => Date.parse(a.requestDateTime));
    expect(times[0]).toBeGreaterThan(times[1]!);
    const next = first['@odata.nextLink'];
    expect(next).toBeDefined();
    const second = (await (await graphGet(emu, next!, helpdesk)).json()) as AuditPage;
    expect(second.value).toHaveLength(1);
    expect(second['@odata.nextLink']).toBeUndefined();

    for (const bad of [
      `$filter=${encodeURIComponent(`initiatedByUserPrincipalName eq 'x@contoso.com'`)}`,
      `$filter=${encodeURIComponent(`managedDeviceId ne '${d.id}'`)}`,
      '$orderby=requestDateTime desc',
      '$top=-1',
    ]) {
      const res = await graphGet(emu, `${AUDITS}?${bad}`, helpdesk);
      expect(res.status, bad).toBe(400);
      const body = (await res.json()) as GraphErrorJson;
      expect(body.error.code).toBe('BadRequest');
      expect(body.error.innerError['request-id']).toBe(res.headers.get('request-id'));
    }
  });

  it('is read like managed devices: Read.All or ReadWrite.All, the Intune role and its scope tags', async () => {
    const noRead = await graphGet(
      emu,
      AUDITS,
      await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, [SCOPES.privileged]),
    );
    expect(noRead.status).toBe(403);
    expect(((await noRead.json()) as GraphErrorJson).error.code).toBe('Forbidden');
    const readWrite = await graphGet(
      emu,
      AUDITS,
      await tokenFor(emu, DEMO_ACCOUNTS.admin, ['DeviceManagementManagedDevices.ReadWrite.All']),
    );
    expect(readWrite.status).toBe(200);
    const noIntune = await graphGet(
      emu,
      AUDITS,
      await tokenFor(emu, DEMO_ACCOUNTS.noIntune, [SCOPES.read]),
    );
    expect(noIntune.status).toBe(401);

    const amer = emu.ctx.tenant.devices.find((x) => x.scopeTag === 'AMER')!.graph;
    await startInAdminCenter(amer.id, { action: 'remoteLock', initiatedBy: DEMO_ACCOUNTS.admin });
    const outside = await graphGet(
      emu,
      `${AUDITS}?$filter=${encodeURIComponent(`managedDeviceId eq '${amer.id}'`)}`,
      helpdesk,
    );
    expect(outside.status).toBe(403);
    expect((await audits()).value.some((a) => a.managedDeviceId === amer.id)).toBe(false);
    const admin = await tokenFor(emu, DEMO_ACCOUNTS.admin, [SCOPES.read]);
    expect((await audits('', admin)).value.some((a) => a.managedDeviceId === amer.id)).toBe(true);
  });
});

describe('$metadata', () => {
  it('answers CSDL XML on v1.0 and beta, each with its own enum members', async () => {
    const emu = await createTestEmulator({ devices: 40, users: 30 });
    const v1 = await graphGet(emu, '/v1.0/$metadata');
    expect(v1.status).toBe(200);
    expect(v1.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(v1.headers.get('request-id')).toBeTruthy();
    const v1Xml = await v1.text();
    expect(v1Xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<edmx:Edmx Version="4.0"/);
    expect(v1Xml).toContain('<EntityType Name="managedDevice" BaseType="microsoft.graph.entity">');
    expect(v1Xml).toContain('<Property Name="activationLockBypassCode" Type="Edm.String" />');
    expect(v1Xml).not.toContain('intuneAosp');
    expect(v1Xml).not.toContain('remoteActionAudit');
    const beta = await (await graphGet(emu, '/beta/$metadata')).text();
    expect(beta).toContain('<Member Name="intuneAosp" />');
    expect(beta).toContain('<Member Name="androidEnterpriseFullyManaged" />');
    expect(beta).toContain(
      '<EntityType Name="remoteActionAudit" BaseType="microsoft.graph.entity">',
    );
  });
});
