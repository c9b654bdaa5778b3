// GET /api/devices/{id}/passcode-plan against the emulator over HTTP: the exact decision the confirm dialog shows
// before Confirm, with the beta read where v1.0 cannot tell the mode, neutral words when beta fails, and a pending
// wipe or retire blocking the action.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '@/emulator/constants';
import type { EnrollmentModeKey } from '@/emulator/tenant/enrollment';
import type { PasscodePlan } from '@/lib/shared/devices/passcode-plan';
import { startEmulatorServer, type EmulatorServer } from '@/test-support/emulator-server';

let server: EmulatorServer;
let GET: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;

beforeAll(async () => {
  server = await startEmulatorServer({ devices: 250, users: 60 });
  ({ GET } = await import('./route'));
});
afterAll(() => server.stop());
beforeEach(async () => {
  await server.control('POST', '/reset');
});

const READ = ['DeviceManagementManagedDevices.Read.All'];
const deviceOf = (mode: EnrollmentModeKey) => {
  const d = server.emu.ctx.tenant.devices.find(
    (x) => x.mode === mode && x.scopeTag === 'EMEA' && x.graph.managementState === 'managed',
  );
  if (!d) throw new Error(`no ${mode} device`);
  return d.graph.id;
};
const planOf = async (id: string): Promise<PasscodePlan> => {
  const token = await server.token(DEMO_ACCOUNTS.helpdesk, READ);
  const res = await GET(
    new Request(`http://localhost/api/devices/${id}/passcode-plan`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ id }) },
  );
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store, no-transform');
  return (await res.json()) as PasscodePlan;
};
const betaReads = async () =>
  (await server.control<{ entries: { path: string }[] }>('GET', '/requests')).entries.filter((e) =>
    e.path.startsWith('/beta/'),
  );

describe('GET /api/devices/{id}/passcode-plan', () => {
  it('reads beta where v1.0 cannot tell the mode: fully managed, dedicated, corporate work profile, AOSP', async () => {
    const expected: [EnrollmentModeKey, string][] = [
      ['androidFullyManaged', 'resetDevicePasscode'],
      ['androidDedicated', 'resetDevicePasscode'],
      ['androidCorporateWorkProfile', 'resetWorkProfilePasscode'],
      ['androidAosp', 'resetDevicePasscode'],
    ];
    for (const [mode, kind] of expected)
      expect(await planOf(deviceOf(mode)), mode).toMatchObject({ kind, basis: 'beta' });
    expect(await betaReads()).toHaveLength(expected.length);
  });

  it('decides from v1.0 alone where v1.0 tells: a personal work profile, an iPhone', async () => {
    expect(await planOf(deviceOf('androidPersonalWorkProfile'))).toMatchObject({
      kind: 'resetWorkProfilePasscode',
      basis: 'v1',
    });
    expect(await planOf(deviceOf('iosAutomatedEnrollment'))).toMatchObject({
      kind: 'removePasscode',
    });
    expect(await betaReads()).toEqual([]);
  });

  it('beta failing: the neutral Android reset; an iPhone whose enrollment only beta names gets nothing', async () => {
    await server.control('PUT', '/faults', {
      rules: [{ method: 'GET', path: '^/beta/', status: 500 }],
    });
    expect(await planOf(deviceOf('androidCorporateWorkProfile'))).toMatchObject({
      available: true,
      kind: 'resetAndroidPasscode',
      revealsPasscode: true,
      basis: 'v1',
    });
    const accountDriven = server.emu.ctx.tenant.devices.find(
      (x) =>
        x.scopeTag === 'EMEA' &&
        x.graph.deviceEnrollmentType === 'appleAccountDrivenUserEnrollment',
    );
    if (!accountDriven) throw new Error('the seed has no account-driven User Enrollment in EMEA');
    expect(await planOf(accountDriven.graph.id)).toMatchObject({
      available: false,
      reason: 'iosEnrollmentUnclear',
    });
  });

  it('a wipe or retire pending: no action, decided on v1.0 without a beta read', async () => {
    for (const state of ['wipePending', 'retirePending'] as const) {
      const id = deviceOf('androidFullyManaged');
      await server.control('PUT', `/devices/${id}/management-state`, { managementState: state });
      expect(await planOf(id)).toMatchObject({ available: false, reason: state });
      await server.control('POST', '/reset');
    }
    expect(await betaReads()).toEqual([]);
  });
});
