// The passcode actions at the HTTP level: the answers Graph gives on each documented path, what each enrollment
// mode does with resetPasscode and recoverPasscode (from the one table in tenant/enrollment.ts), the failure
// modes a helpdesk meets, and each device scenario moved through to its terminal state on the emulator's clock.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../app';
import { DEMO_ACCOUNTS } from '../constants';
import {
  ENROLLMENT_MODE_KEYS,
  ENROLLMENT_MODES,
  type EnrollmentModeKey,
} from '../tenant/enrollment';
import type { ActionScenario, DeviceActionResult } from '../tenant/types';
import {
  SCOPES,
  TEST_EPOCH,
  control,
  createTestEmulator,
  graphGet,
  graphPost,
  tokenFor,
  type GraphErrorJson,
} from '../testing';

let emu: Emulator;
let agent: string;
beforeAll(async () => {
  emu = await createTestEmulator({ devices: 600, users: 150 });
});
beforeEach(async () => {
  await control(emu, 'POST', '/reset');
  await control(emu, 'POST', '/clock', { freeze: true });
  // These tests follow an action from its first moment; Graph's delay before showing it has its own test below.
  await control(emu, 'PUT', '/behaviour', { actionResultsDelayMs: 0 });
  // Tests move the clock by days; a token minted now on that clock lasts the test.
  agent = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk);
});

interface ControlDevice {
  id: string;
  scenario: ActionScenario;
  mode: EnrollmentModeKey;
  operatingSystem: string;
  userPrincipalName: string;
}
interface ControlAction {
  deviceId: string;
  actionName: string;
  requestedAt: string;
  passcode: string | null;
  state: string;
}
const findDevice = async (query: Record<string, string>) => {
  const { devices } = await control<{ devices: ControlDevice[] }>(
    emu,
    'GET',
    `/devices?${new URLSearchParams({ scopeTag: 'EMEA', ...query })}`,
  );
  if (!devices[0]) throw new Error(`no device for ${JSON.stringify(query)}`);
  return devices[0];
};
const online = (mode: EnrollmentModeKey) => findDevice({ mode, scenario: 'online' });
const post = (id: string, action: 'resetPasscode' | 'recoverPasscode', token = agent) =>
  graphPost(emu, `/v1.0/deviceManagement/managedDevices/${id}/${action}`, token);
const read = async (id: string) => {
  const res = await graphGet(
    emu,
    `/v1.0/deviceManagement/managedDevices/${id}?$select=id,deviceActionResults,lastSyncDateTime,managementState`,
    agent,
  );
  return (await res.json()) as {
    deviceActionResults: DeviceActionResult[];
    lastSyncDateTime: string;
    managementState: string;
  };
};
const entry = async (id: string, action = 'resetPasscode') =>
  (await read(id)).deviceActionResults.find((r) => r.actionName === action);
const stateOf = async (id: string, action = 'resetPasscode') =>
  (await entry(id, action))?.actionState;
const advance = (ms: number) => control(emu, 'POST', '/clock', { advanceMs: ms });
const emulatorPasscode = async (id: string) =>
  (await control<{ actions: ControlAction[] }>(emu, 'GET', `/actions?deviceId=${id}`)).actions.at(
    -1,
  )?.passcode ?? null;
/** Intune's twice-wrapped error message, unwrapped: the human text and the Operation ID. */
const unwrap = (message: string) => {
  const outer = JSON.parse(message) as { ErrorCode: string; Message: string };
  const inner = JSON.parse(outer.Message) as { Message: string };
  return {
    errorCode: outer.ErrorCode,
    text: inner.Message,
    operationId: /Operation ID \(for customer support\): ([0-9a-f-]{36})/.exec(inner.Message)?.[1],
  };
};

describe('the documented paths and answers', () => {
  for (const action of ['resetPasscode', 'recoverPasscode'] as const) {
    const mode: EnrollmentModeKey =
      action === 'resetPasscode' ? 'iosAutomatedEnrollment' : 'windowsMobile';
    it(`${action}: 204 with no body on all three paths, each queuing a pending action`, async () => {
      const d = await online(mode);
      const paths = [
        `/v1.0/deviceManagement/managedDevices/${d.id}/${action}`,
        `/v1.0/users/${d.userPrincipalName}/managedDevices/${d.id}/${action}`,
        `/v1.0/deviceManagement/detectedApps/0a1b2c3d-0000-4000-8000-000000000001/managedDevices/${d.id}/${action}`,
      ];
      for (const path of paths) {
        const res = await graphPost(emu, path, agent);
        expect(res.status, path).toBe(204);
        expect(await res.text()).toBe('');
        expect(res.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
      }
      expect(
        (await control<{ actions: unknown[] }>(emu, 'GET', `/actions?deviceId=${d.id}`)).actions,
      ).toHaveLength(3);
      const e = await entry(d.id, action);
      expect(e).toMatchObject({ actionName: action, actionState: 'pending' });
      expect(e?.startDateTime).toBe(e?.lastUpdatedDateTime);
    });
  }

  it("404s on the /users path when the device is not that user's", async () => {
    const d = await online('iosAutomatedEnrollment');
    expect(
      (
        await graphPost(
          emu,
          `/v1.0/users/${DEMO_ACCOUNTS.admin}/managedDevices/${d.id}/resetPasscode`,
          agent,
        )
      ).status,
    ).toBe(404);
  });

  it("answers 403 to a token without the privileged permission, with Intune's wrapped message, and queues nothing", async () => {
    const d = await online('androidFullyManaged');
    const readOnly = await tokenFor(emu, DEMO_ACCOUNTS.readOnly, [SCOPES.read]);
    const res = await post(d.id, 'resetPasscode', readOnly);
    expect(res.status).toBe(403);
    const body = (await res.json()) as GraphErrorJson;
    expect(body.error.code).toBe('Forbidden');
    expect(unwrap(body.error.message).text).toContain(
      'DeviceManagementManagedDevices.PrivilegedOperations.All',
    );
    expect((await control<{ actions: unknown[] }>(emu, 'GET', '/actions')).actions).toHaveLength(0);
  });

  it('answers 404 ResourceNotFound for an unknown device, and 400 when a body is sent', async () => {
    expect(
      (
        (await (
          await post('0badc0de-0000-4000-8000-000000000000', 'resetPasscode')
        ).json()) as GraphErrorJson
      ).error.code,
    ).toBe('ResourceNotFound');
    const d = await online('androidFullyManaged');
    const res = await graphPost(
      emu,
      `/v1.0/deviceManagement/managedDevices/${d.id}/resetPasscode`,
      agent,
      {
        body: '{"passcode":"1234"}',
        headers: { 'content-type': 'application/json' },
      },
    );
    expect(res.status).toBe(400);
  });

  it('treats a second POST while pending as a second action, and Graph shows the newest', async () => {
    const d = await findDevice({ mode: 'androidFullyManaged', scenario: 'offline' });
    await post(d.id, 'resetPasscode');
    await advance(60_000);
    await post(d.id, 'resetPasscode');
    const { actions } = await control<{ actions: ControlAction[] }>(
      emu,
      'GET',
      `/actions?deviceId=${d.id}`,
    );
    expect(actions).toHaveLength(2);
    const entries = (await read(d.id)).deviceActionResults;
    expect(entries).toHaveLength(1);
    expect(Date.parse(entries[0]?.startDateTime ?? '')).toBe(
      Date.parse(actions[1]?.requestedAt ?? ''),
    );
  });

  it('reports entries with @odata.type and times with seven fractional digits', async () => {
    const d = await online('androidFullyManaged');
    await post(d.id, 'resetPasscode');
    const e = await entry(d.id);
    expect(e?.['@odata.type']).toBe('#microsoft.graph.resetPasscodeActionResult');
    expect(e?.startDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
    expect(e).toMatchObject({ passcode: null, errorCode: 0 });
  });
});

describe('what each enrollment mode does (the one table)', () => {
  for (const mode of ENROLLMENT_MODE_KEYS) {
    const spec = ENROLLMENT_MODES[mode];
    for (const action of ['resetPasscode', 'recoverPasscode'] as const) {
      const supported =
        action === 'resetPasscode'
          ? spec.resetPasscode !== 'unsupported'
          : spec.recoverPasscode === 'supported';
      it(`${spec.label}: ${action} ${supported ? 'is carried out' : "is refused with 400 and Intune's wrapped message"}`, async () => {
        const d = await online(mode);
        const res = await post(d.id, action);
        if (!supported) {
          expect(res.status).toBe(400);
          const body = (await res.json()) as GraphErrorJson;
          expect(body.error.code).toBe('BadRequest');
          const inner = unwrap(body.error.message);
          expect(inner.errorCode).toBe('BadRequest');
          expect(inner.operationId).toMatch(/^[0-9a-f-]{36}$/);
          expect(inner.text).toContain(`/managedDevices/${d.id}/${action}`);
          expect(await entry(d.id, action)).toBeUndefined();
          return;
        }
        expect(res.status).toBe(204);
        await advance(7000);
        const e = await entry(d.id, action);
        expect(e?.actionState).toBe('done');
        const generates =
          action === 'resetPasscode' &&
          (spec.resetPasscode === 'deviceReset' || spec.resetPasscode === 'workProfileReset');
        if (action === 'resetPasscode') {
          // iOS: removed, no passcode; Android: a temporary passcode, the one Intune generated.
          expect(e?.passcode).toBe(generates ? await emulatorPasscode(d.id) : null);
          if (generates) expect(e?.passcode).toMatch(/^\d{8}$/);
        } else {
          expect(e?.['@odata.type']).toBe('#microsoft.graph.deviceActionResult');
        }
      });
    }
  }

  it('shows a generated passcode for seven days, then no longer', async () => {
    const d = await online('androidPersonalWorkProfile');
    await post(d.id, 'resetPasscode');
    await advance(7000);
    const passcode = (await entry(d.id))?.passcode;
    expect(passcode).toMatch(/^\d{8}$/);
    await advance(7 * 86_400_000 - 60_000);
    agent = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk);
    expect((await entry(d.id))?.passcode).toBe(passcode);
    await advance(120_000);
    agent = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk);
    expect(await entry(d.id)).toMatchObject({ actionState: 'done', passcode: null });
  });

  it('by a switch, an unsupported platform answers 204 and later notSupported', async () => {
    await control(emu, 'PUT', '/unsupported-action', { answer: 'acceptedThenNotSupported' });
    const d = await online('macos');
    expect((await post(d.id, 'resetPasscode')).status).toBe(204);
    expect(await stateOf(d.id)).toBe('pending');
    await advance(2500);
    expect(await stateOf(d.id)).toBe('notSupported');
    await advance(60_000);
    expect(await stateOf(d.id)).toBe('notSupported');
  });
});

describe('failure modes a helpdesk meets', () => {
  it('Android without an enforced passcode policy: active, then failed with an errorCode', async () => {
    const d = await online('androidFullyManaged');
    await control(emu, 'PUT', `/devices/${d.id}/scenario`, { scenario: 'failing' });
    await post(d.id, 'resetPasscode');
    await advance(2500);
    expect(await stateOf(d.id)).toBe('active');
    await advance(4000);
    expect(await entry(d.id)).toMatchObject({
      actionState: 'failed',
      passcode: null,
      errorCode: ENROLLMENT_MODES.androidFullyManaged.failsWithout?.errorCode,
    });
  });

  it('iOS with a bad unlock token: failed with its own errorCode', async () => {
    const d = await online('iosDeviceEnrollment');
    await control(emu, 'PUT', `/devices/${d.id}/scenario`, { scenario: 'failing' });
    await post(d.id, 'resetPasscode');
    await advance(7000);
    expect(await entry(d.id)).toMatchObject({
      actionState: 'failed',
      errorCode: ENROLLMENT_MODES.iosDeviceEnrollment.failsWithout?.errorCode,
    });
  });

  it('a pending wipe takes precedence: the passcode action stays pending, and managementState says why', async () => {
    const d = await online('androidFullyManaged');
    await control(emu, 'PUT', `/devices/${d.id}/management-state`, {
      managementState: 'wipePending',
    });
    await post(d.id, 'resetPasscode');
    await advance(60_000);
    expect(await stateOf(d.id)).toBe('pending');
    expect((await read(d.id)).managementState).toBe('wipePending');
  });
});

describe('Intune Multi Admin Approval (switched on by a test)', () => {
  it('answers a covered action 403 ApprovalRequired with a fresh approval code each time, queues nothing, and a reset covers none again', async () => {
    const d = await online('androidFullyManaged');
    expect(
      await control(emu, 'PUT', '/tenant/multiAdminApproval', { actions: ['resetPasscode'] }),
    ).toEqual({ actions: ['resetPasscode'] });
    const first = await post(d.id, 'resetPasscode');
    const second = await post(d.id, 'resetPasscode');
    for (const res of [first, second]) {
      expect(res.status).toBe(403);
      const body = (await res.json()) as GraphErrorJson;
      expect(body.error.code).toBe('ApprovalRequired');
      expect(unwrap(body.error.message).text).toMatch(/Multi Admin Approval/);
      expect(body.error.innerError).toMatchObject({
        'request-id': res.headers.get('request-id'),
        'client-request-id': expect.any(String),
        date: expect.any(String),
      });
    }
    const codes = [first, second].map((r) => r.headers.get('x-msft-approval-code'));
    expect(codes[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(codes[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(codes[0]).not.toBe(codes[1]);
    expect((await control<{ actions: unknown[] }>(emu, 'GET', '/actions')).actions).toHaveLength(0);
    // An action the policy does not cover is queued as before.
    expect((await post(d.id, 'recoverPasscode')).status).not.toBe(403);
    await control(emu, 'POST', '/reset');
    expect(await control(emu, 'GET', '/tenant/multiAdminApproval')).toEqual({ actions: [] });
    expect((await post(d.id, 'resetPasscode')).status).toBe(204);
  });

  it('still answers RBAC first: an agent outside the scope gets 403 Forbidden, not an approval code', async () => {
    await control(emu, 'PUT', '/tenant/multiAdminApproval', { actions: ['resetPasscode'] });
    const d = await findDevice({ scopeTag: 'AMER', scenario: 'online' });
    const res = await post(d.id, 'resetPasscode');
    expect(res.status).toBe(403);
    expect(((await res.json()) as GraphErrorJson).error.code).not.toBe('ApprovalRequired');
    expect(res.headers.get('x-msft-approval-code')).toBeNull();
  });

  it('refuses a control request naming an action it cannot cover', async () => {
    await expect(
      control(emu, 'PUT', '/tenant/multiAdminApproval', { actions: ['launchMissiles'] }),
    ).rejects.toThrow(/: 400 /);
  });
});

describe('action states by device scenario', () => {
  it('online: pending, then active, then done, and the device shows a fresh sync', async () => {
    const d = await online('iosAutomatedEnrollment');
    await post(d.id, 'resetPasscode');
    expect(await stateOf(d.id)).toBe('pending');
    await advance(2500);
    expect(await stateOf(d.id)).toBe('active');
    await advance(4000);
    expect(await stateOf(d.id)).toBe('done');
    const { now } = await control<{ now: string }>(emu, 'GET', '/clock');
    expect(Date.parse(now) - Date.parse((await read(d.id)).lastSyncDateTime)).toBeLessThan(10_000);
  });

  it('offline: stays pending however long, until the device checks in', async () => {
    const d = await findDevice({ mode: 'iosAutomatedEnrollment', scenario: 'offline' });
    await post(d.id, 'resetPasscode');
    await advance(7 * 86_400_000);
    agent = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk); // a week later the agent has a new token
    expect(await stateOf(d.id)).toBe('pending');
    await control(emu, 'POST', `/devices/${d.id}/check-in`);
    await advance(2500);
    expect(await stateOf(d.id)).toBe('active');
    await advance(4000);
    expect(await stateOf(d.id)).toBe('done');
  });

  it('scenarios follow the device: a week without sync is offline; every mode is in the tenant', () => {
    const devices = emu.ctx.tenant.devices;
    for (const d of devices) {
      const silentForAWeek =
        TEST_EPOCH.getTime() - Date.parse(d.graph.lastSyncDateTime) > 7 * 86_400_000;
      if (silentForAWeek) expect(d.scenario, d.graph.deviceName).toBe('offline');
    }
    for (const mode of ENROLLMENT_MODE_KEYS)
      expect(
        devices.some((d) => d.mode === mode && d.scopeTag === 'EMEA'),
        mode,
      ).toBe(true);
  });

  it('a test can slow or speed the device with timings', async () => {
    await control(emu, 'PUT', '/timings', { pickupMs: 100, completeMs: 100 });
    const d = await online('iosAutomatedEnrollment');
    await post(d.id, 'resetPasscode');
    await advance(250);
    expect(await stateOf(d.id)).toBe('done');
  });
});

describe('how Graph shows the results (switchable, on by default)', () => {
  it('shows a new action only a while after its 204, and never in list answers', async () => {
    await control(emu, 'PUT', '/behaviour', { actionResultsDelayMs: 5000 });
    const d = await online('androidFullyManaged');
    await post(d.id, 'resetPasscode');
    expect(await entry(d.id)).toBeUndefined(); // not shown yet: unknown, never "not queued"
    await advance(5000);
    expect(await entry(d.id)).toMatchObject({ actionName: 'resetPasscode' });
    const list = await graphGet(
      emu,
      `/v1.0/users/${d.userPrincipalName}/managedDevices?$select=id,deviceActionResults`,
      agent,
    );
    const listed = (
      (await list.json()) as { value: { id: string; deviceActionResults: unknown[] }[] }
    ).value.find((x) => x.id === d.id);
    expect(listed?.deviceActionResults).toEqual([]);
  });
});
