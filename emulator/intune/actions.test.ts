// recoverPasscode at the HTTP level: the answers Graph gives, and each device scenario moved through to
// its terminal state on the emulator's clock.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../app';
import { DEMO_ACCOUNTS } from '../constants';
import type { ActionScenario, DeviceActionResult } from '../tenant/types';
import { SCOPES, control, createTestEmulator, graphGet, graphPost, tokenFor, type GraphErrorJson } from '../testing';

let emu: Emulator;
let agent: string;
beforeAll(async () => {
  emu = await createTestEmulator({ devices: 600, users: 150 });
});
beforeEach(async () => {
  await control(emu, 'POST', '/reset');
  await control(emu, 'POST', '/clock', { freeze: true });
  // Tests move the clock by days; a token minted now on that clock lasts the test.
  agent = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk);
});

interface ControlDevice { id: string; scenario: ActionScenario; operatingSystem: string; managementAgent: string; userPrincipalName: string }
const findDevice = async (query: string) => {
  const { devices } = await control<{ devices: ControlDevice[] }>(emu, 'GET', `/devices?scopeTag=EMEA&${query}`);
  if (!devices[0]) throw new Error(`no device for ${query}`);
  return devices[0];
};
const recover = (id: string, token = agent) => graphPost(emu, `/v1.0/deviceManagement/managedDevices/${id}/recoverPasscode`, token);
const results = async (id: string) => {
  const res = await graphGet(emu, `/v1.0/deviceManagement/managedDevices/${id}?$select=id,deviceActionResults,lastSyncDateTime`, agent);
  return (await res.json()) as { deviceActionResults: DeviceActionResult[]; lastSyncDateTime: string };
};
const stateOf = async (id: string) => (await results(id)).deviceActionResults.find((r) => r.actionName === 'recoverPasscode')?.actionState;
const advance = (ms: number) => control(emu, 'POST', '/clock', { advanceMs: ms });

describe('recoverPasscode answers', () => {
  it('answers 204 with no body and queues the action as pending', async () => {
    const d = await findDevice('scenario=online');
    const res = await recover(d.id);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(res.headers.get('request-id')).toBeTruthy();
    const entry = (await results(d.id)).deviceActionResults[0];
    expect(entry).toMatchObject({ actionName: 'recoverPasscode', actionState: 'pending' });
    expect(entry?.startDateTime).toBe(entry?.lastUpdatedDateTime);
  });

  it('also works on the /users/{id}/managedDevices/{id} path, and 404s when the device is not that user\'s', async () => {
    const d = await findDevice('scenario=online');
    expect((await graphPost(emu, `/v1.0/users/${d.userPrincipalName}/managedDevices/${d.id}/recoverPasscode`, agent)).status).toBe(204);
    const other = await graphPost(emu, `/v1.0/users/${DEMO_ACCOUNTS.admin}/managedDevices/${d.id}/recoverPasscode`, agent);
    expect(other.status).toBe(404);
  });

  it('also works on the /deviceManagement/detectedApps/{id}/managedDevices/{id} path', async () => {
    const d = await findDevice('scenario=online');
    const res = await graphPost(emu, `/v1.0/deviceManagement/detectedApps/0a1b2c3d-0000-4000-8000-000000000001/managedDevices/${d.id}/recoverPasscode`, agent);
    expect(res.status).toBe(204);
    expect(await stateOf(d.id)).toBe('pending');
  });

  it('answers 403 to a token without the privileged permission, and queues nothing', async () => {
    const d = await findDevice('scenario=online');
    const readOnly = await tokenFor(emu, DEMO_ACCOUNTS.readOnly, [SCOPES.read]);
    const res = await recover(d.id, readOnly);
    expect(res.status).toBe(403);
    const body = (await res.json()) as GraphErrorJson;
    expect(body.error.code).toBe('Forbidden');
    expect(JSON.parse(body.error.message).Message).toContain('DeviceManagementManagedDevices.PrivilegedOperations.All');
    expect((await control<{ actions: unknown[] }>(emu, 'GET', '/actions')).actions).toHaveLength(0);
  });

  it('answers 404 ResourceNotFound for an unknown device', async () => {
    const res = await recover('0badc0de-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(((await res.json()) as GraphErrorJson).error.code).toBe('ResourceNotFound');
  });

  it('answers 400 when a body is sent', async () => {
    const d = await findDevice('scenario=online');
    const res = await graphPost(emu, `/v1.0/deviceManagement/managedDevices/${d.id}/recoverPasscode`, agent, {
      body: '{"passcode":"1234"}', headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as GraphErrorJson).error.code).toBe('BadRequest');
  });

  it('treats a second POST while pending as a second action, and counts every POST', async () => {
    const d = await findDevice('scenario=offline');
    await recover(d.id);
    await advance(60_000);
    await recover(d.id);
    const { actions } = await control<{ actions: { deviceId: string; requestedAt: string }[] }>(emu, 'GET', `/actions?deviceId=${d.id}`);
    expect(actions).toHaveLength(2);
    const entries = (await results(d.id)).deviceActionResults;
    expect(entries).toHaveLength(1);
    expect(entries[0]?.startDateTime).toBe(actions[1]?.requestedAt.replace(/\.\d{3}Z$/, 'Z'));
  });
});

describe('action states by device scenario', () => {
  it('online: pending, then active, then done, and the device shows a fresh sync', async () => {
    const d = await findDevice('scenario=online');
    await recover(d.id);
    expect(await stateOf(d.id)).toBe('pending');
    await advance(2500);
    expect(await stateOf(d.id)).toBe('active');
    await advance(4000);
    expect(await stateOf(d.id)).toBe('done');
    const { now } = await control<{ now: string }>(emu, 'GET', '/clock');
    expect(Date.parse(now) - Date.parse((await results(d.id)).lastSyncDateTime)).toBeLessThan(10_000);
  });

  it('offline: stays pending however long, until the device checks in', async () => {
    const d = await findDevice('scenario=offline');
    await recover(d.id);
    await advance(7 * 86_400_000);
    agent = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk); // a week later the agent has a new token
    expect(await stateOf(d.id)).toBe('pending');
    await control(emu, 'POST', `/devices/${d.id}/check-in`);
    await advance(2500);
    expect(await stateOf(d.id)).toBe('active');
    await advance(4000);
    expect(await stateOf(d.id)).toBe('done');
  });

  it('notSupported: a Windows device ends in notSupported', async () => {
    const d = await findDevice('scenario=notSupported&operatingSystem=Windows');
    await recover(d.id);
    await advance(2500);
    expect(await stateOf(d.id)).toBe('notSupported');
    await advance(60_000);
    expect(await stateOf(d.id)).toBe('notSupported');
  });

  it('failing: active, then failed', async () => {
    const d = await findDevice('scenario=online');
    await control(emu, 'PUT', `/devices/${d.id}/scenario`, { scenario: 'failing' });
    await recover(d.id);
    await advance(2500);
    expect(await stateOf(d.id)).toBe('active');
    await advance(4000);
    expect(await stateOf(d.id)).toBe('failed');
  });

  it('scenarios follow the platform by default: desktops and Android device admin do not support it', () => {
    for (const d of emu.ctx.tenant.devices) {
      const desktopOrDa = ['Windows', 'macOS'].includes(d.graph.operatingSystem) || (d.graph.operatingSystem === 'Android' && d.graph.managementAgent === 'mdm');
      expect(d.scenario === 'notSupported', d.graph.deviceName).toBe(desktopOrDa);
    }
    expect(emu.ctx.tenant.devices.some((d) => d.scenario === 'offline')).toBe(true);
  });

  it('a test can slow or speed the device with timings', async () => {
    await control(emu, 'PUT', '/timings', { pickupMs: 100, completeMs: 100 });
    const d = await findDevice('scenario=online');
    await recover(d.id);
    await advance(250);
    expect(await stateOf(d.id)).toBe('done');
  });
});
