// The console's rule against the emulator's enrollment table, the one description of what each passcode action
// does on each kind of device: every mode, every value Graph reports for it, every device of the seeded tenant.
import { describe, expect, it } from 'vitest';
import { HARDWARE, MODE_MIX } from '@/emulator/tenant/catalog';
import {
  ENROLLMENT_MODE_KEYS,
  ENROLLMENT_MODES,
  type EnrollmentMode,
} from '@/emulator/tenant/enrollment';
import { seedTenant } from '@/emulator/tenant/seed';
import { passcodeActionFor, type PasscodePlan, type PlanFields } from './passcode-plan';

/** What the table says the console must offer on a device of this mode. */
function expected(mode: EnrollmentMode): string {
  if (mode.resetPasscode === 'removed') return 'removePasscode';
  if (mode.resetPasscode === 'deviceReset') return 'resetDevicePasscode';
  if (mode.resetPasscode === 'workProfileReset') return 'resetWorkProfilePasscode';
  return mode.recoverPasscode === 'supported' ? 'recoverPin' : 'none';
}
const offered = (plan: PasscodePlan) => (plan.available ? plan.kind : 'none');

describe('which passcode action each enrollment mode gets', () => {
  for (const key of ENROLLMENT_MODE_KEYS) {
    const mode = ENROLLMENT_MODES[key];
    const hardware = HARDWARE[MODE_MIX.find((m) => m.mode === key)?.hardware ?? 'iphone'];
    it(`${mode.label}: ${expected(mode)}`, () => {
      for (const deviceEnrollmentType of mode.deviceEnrollmentTypes) {
        for (const osVersion of hardware.osVersions) {
          const d: PlanFields = {
            operatingSystem: mode.operatingSystem,
            osVersion,
            managementAgent: mode.managementAgent,
            deviceEnrollmentType,
            managedDeviceOwnerType: mode.ownerType,
          };
          expect(offered(passcodeActionFor(d)), `${deviceEnrollmentType} ${osVersion}`).toBe(
            expected(mode),
          );
        }
      }
    });
  }

  it('agrees with the table on every device of the seeded tenant', () => {
    const tenant = seedTenant({
      seed: 4242,
      devices: 2500,
      users: 800,
      epoch: new Date('2026-11-28T09:00:00Z'),
    });
    for (const d of tenant.devices)
      expect(offered(passcodeActionFor(d.graph)), `${d.mode} ${d.graph.deviceName}`).toBe(
        expected(ENROLLMENT_MODES[d.mode]),
      );
  });
});

describe('edges of the rule', () => {
  const android = (
    osVersion: string,
    managementAgent: string,
    deviceEnrollmentType = 'userEnrollment',
  ): PlanFields => ({
    operatingSystem: 'Android',
    osVersion,
    managementAgent,
    deviceEnrollmentType,
    managedDeviceOwnerType: 'personal',
  });

  it('Android device administrator: a reset up to 6.x, nothing from 7.0 on', () => {
    expect(offered(passcodeActionFor(android('6.0.1', 'mdm')))).toBe('resetDevicePasscode');
    expect(passcodeActionFor(android('7.0', 'mdm'))).toEqual({
      available: false,
      reason: 'androidDeviceAdmin',
    });
  });

  it('a work profile on Android 7 cannot be reset', () => {
    expect(passcodeActionFor(android('7.1.2', 'googleCloudDevicePolicyController'))).toEqual({
      available: false,
      reason: 'androidWorkProfileTooOld',
    });
  });

  it('an Android reset reveals a temporary passcode; an iOS removal does not', () => {
    expect(passcodeActionFor(android('14', 'googleCloudDevicePolicyController'))).toMatchObject({
      graphAction: 'resetPasscode',
      revealsPasscode: true,
    });
    const iphone: PlanFields = {
      operatingSystem: 'iOS',
      osVersion: '18.3',
      managementAgent: 'mdm',
      deviceEnrollmentType: 'appleBulkWithUser',
      managedDeviceOwnerType: 'company',
    };
    expect(passcodeActionFor(iphone)).toMatchObject({
      kind: 'removePasscode',
      graphAction: 'resetPasscode',
      revealsPasscode: false,
    });
  });

  it('an action switched off by the administrator says so, and names what the device would get', () => {
    const policy = { enabled: ['remove', 'recover'] as const, recoverEverywhere: false };
    expect(passcodeActionFor(android('14', 'intuneAosp'), policy)).toEqual({
      available: false,
      reason: 'switchedOff',
      kind: 'resetDevicePasscode',
    });
  });

  it('recoverPasscode everywhere, when configured, only where nothing else works', () => {
    const policy = { enabled: ['remove', 'reset', 'recover'] as const, recoverEverywhere: true };
    const mac: PlanFields = {
      operatingSystem: 'macOS',
      osVersion: '15.6',
      managementAgent: 'mdm',
      deviceEnrollmentType: 'appleBulkWithUser',
      managedDeviceOwnerType: 'company',
    };
    expect(passcodeActionFor(mac, policy)).toMatchObject({
      kind: 'recoverPin',
      graphAction: 'recoverPasscode',
      beyondDocumented: true,
    });
    expect(passcodeActionFor(android('14', 'intuneAosp'), policy)).toMatchObject({
      kind: 'resetDevicePasscode',
      beyondDocumented: false,
    });
  });

  it('an unknown platform has no action', () => {
    const linux: PlanFields = {
      operatingSystem: 'Linux',
      osVersion: '24.04',
      managementAgent: 'mdm',
      deviceEnrollmentType: 'unknown',
      managedDeviceOwnerType: 'company',
    };
    expect(passcodeActionFor(linux)).toEqual({ available: false, reason: 'unknownPlatform' });
  });
});
