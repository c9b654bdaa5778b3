// The console's rule against the emulator's enrollment table, the one description of what each passcode action
// does on each kind of device: every mode as v1.0 sends it (values v1.0 lacks become unknownFutureValue or
// unknown), as beta sends it (read beside v1.0), as v1.0 sends it when it passes beta's values through, and every
// device of the seeded tenant; then a pending wipe, retire or delete, and the edges.
import { describe, expect, it } from 'vitest';
import { HARDWARE, MODE_MIX } from '@/emulator/tenant/catalog';
import {
  ENROLLMENT_MODE_KEYS,
  ENROLLMENT_MODES,
  type EnrollmentMode,
  type EnrollmentModeKey,
} from '@/emulator/tenant/enrollment';
import { seedTenant } from '@/emulator/tenant/seed';
import { isMember, V1_DEVICE_ENROLLMENT_TYPES, V1_MANAGEMENT_AGENTS } from './graph-enums';
import {
  confirmationFits,
  NO_BETA_FACTS,
  passcodeActionFor,
  type BetaFacts,
  type PasscodePlan,
  type PlanFields,
} from './passcode-plan';

/** What the table says the console must offer on a device of this mode, once it knows the mode. */
function expected(mode: EnrollmentMode): string {
  if (mode.resetPasscode === 'removed') return 'removePasscode';
  if (mode.resetPasscode === 'deviceReset') return 'resetDevicePasscode';
  if (mode.resetPasscode === 'workProfileReset') return 'resetWorkProfilePasscode';
  return mode.recoverPasscode === 'supported' ? 'recoverPin' : 'none';
}

/**
 * What the console can offer from v1.0 alone (beta not read, failed, or answering nothing useful): the modes v1.0
 * has no value for get the neutral Android reset; iOS and personal work profiles are told apart by v1.0's own
 * values. Listed per mode, so a mode added to the table fails to compile until its fallback is decided.
 */
const WITHOUT_BETA: Readonly<Record<EnrollmentModeKey, string>> = {
  iosDeviceEnrollment: 'removePasscode',
  iosAutomatedEnrollment: 'removePasscode',
  iosUserEnrollment: 'none',
  ipadosAutomatedEnrollment: 'removePasscode',
  androidFullyManaged: 'resetAndroidPasscode',
  androidDedicated: 'resetAndroidPasscode',
  androidCorporateWorkProfile: 'resetAndroidPasscode',
  androidPersonalWorkProfile: 'resetWorkProfilePasscode',
  androidAosp: 'resetAndroidPasscode',
  androidDeviceAdmin: 'none',
  windowsDesktop: 'none',
  windowsMobile: 'recoverPin',
  macos: 'none',
};
const offered = (plan: PasscodePlan) => (plan.available ? plan.kind : 'none');

/** A value as v1.0 sends it: its own members as they are, beta's as the sentinel (the enum has one) or unknown. */
const v1Enrollment = (v: string) =>
  isMember(V1_DEVICE_ENROLLMENT_TYPES, v) ? v : 'unknownFutureValue';
const v1Agent = (v: string) => (isMember(V1_MANAGEMENT_AGENTS, v) ? v : 'unknown');

function devicesOf(key: EnrollmentModeKey) {
  const mode = ENROLLMENT_MODES[key];
  const hardware = HARDWARE[MODE_MIX.find((m) => m.mode === key)?.hardware ?? 'iphone'];
  return mode.deviceEnrollmentTypes.flatMap((deviceEnrollmentType) =>
    hardware.osVersions.map((osVersion) => ({
      /** As beta (or a v1.0 passing beta's values through) reports it. */
      raw: {
        operatingSystem: mode.operatingSystem,
        osVersion,
        managementAgent: mode.managementAgent,
        deviceEnrollmentType,
        managedDeviceOwnerType: mode.ownerType,
        managementState: 'managed',
      } satisfies PlanFields,
      beta: { deviceEnrollmentType, managementAgent: mode.managementAgent } satisfies BetaFacts,
    })),
  );
}
const asV1 = (raw: PlanFields): PlanFields => ({
  ...raw,
  deviceEnrollmentType: v1Enrollment(raw.deviceEnrollmentType),
  managementAgent: v1Agent(raw.managementAgent),
});

describe('which passcode action each enrollment mode gets', () => {
  for (const key of ENROLLMENT_MODE_KEYS) {
    const mode = ENROLLMENT_MODES[key];
    it(`${mode.label}: ${expected(mode)} with beta's facts, ${WITHOUT_BETA[key]} from v1.0 alone`, () => {
      for (const { raw, beta } of devicesOf(key)) {
        const what = `${raw.deviceEnrollmentType} ${raw.managementAgent} ${raw.osVersion}`;
        // v1.0's declared values plus the device's beta read: the exact mode.
        expect(offered(passcodeActionFor(asV1(raw), undefined, beta)), `v1+beta ${what}`).toBe(
          expected(mode),
        );
        // v1.0 passing beta's values through (undocumented, and possible): the same exact decision.
        expect(offered(passcodeActionFor(raw)), `beta values on v1.0 ${what}`).toBe(expected(mode));
        // Beta not read or failed: what v1.0 alone can tell.
        expect(offered(passcodeActionFor(asV1(raw))), `v1 only ${what}`).toBe(WITHOUT_BETA[key]);
        // Beta answering values that say nothing is the same as no answer.
        const unknownBeta = {
          deviceEnrollmentType: 'unknownFutureValue',
          managementAgent: 'unknown',
        };
        expect(
          offered(passcodeActionFor(asV1(raw), undefined, unknownBeta)),
          `beta unknown ${what}`,
        ).toBe(WITHOUT_BETA[key]);
      }
    });
  }

  it('says which facts decided: v1.0 alone, or beta', () => {
    const [fullyManaged] = devicesOf('androidFullyManaged');
    const [ade] = devicesOf('iosAutomatedEnrollment');
    if (!fullyManaged || !ade) throw new Error('the table has no such devices');
    expect(passcodeActionFor(asV1(fullyManaged.raw)).basis).toBe('v1');
    expect(passcodeActionFor(asV1(fullyManaged.raw), undefined, fullyManaged.beta).basis).toBe(
      'beta',
    );
    expect(passcodeActionFor(fullyManaged.raw).basis).toBe('beta');
    expect(passcodeActionFor(asV1(ade.raw), undefined, ade.beta).basis).toBe('v1');
  });

  it('agrees with the table on every device of the seeded tenant, with and without beta', () => {
    const tenant = seedTenant({
      seed: 4242,
      devices: 2500,
      users: 800,
      epoch: new Date('2026-11-28T09:00:00Z'),
    });
    for (const d of tenant.devices) {
      const raw: PlanFields = { ...d.graph, managementState: 'managed' };
      const beta = {
        deviceEnrollmentType: d.graph.deviceEnrollmentType,
        managementAgent: d.graph.managementAgent,
      };
      const what = `${d.mode} ${d.graph.deviceName}`;
      expect(offered(passcodeActionFor(asV1(raw), undefined, beta)), what).toBe(
        expected(ENROLLMENT_MODES[d.mode]),
      );
      expect(offered(passcodeActionFor(asV1(raw))), what).toBe(WITHOUT_BETA[d.mode]);
    }
  });
});

describe('a wipe, retire or delete pending takes precedence', () => {
  const [phone] = devicesOf('androidFullyManaged');
  if (!phone) throw new Error('the table has no fully managed device');
  for (const [state, reason] of [
    ['wipePending', 'wipePending'],
    ['wipeIssued', 'wipePending'],
    ['retirePending', 'retirePending'],
    ['retireIssued', 'retirePending'],
    ['deletePending', 'deletePending'],
  ] as const) {
    it(`${state}: no action, whatever the device would get`, () => {
      expect(
        passcodeActionFor({ ...asV1(phone.raw), managementState: state }, undefined, phone.beta),
      ).toEqual({ available: false, reason, kind: 'resetDevicePasscode', basis: 'beta' });
    });
  }
  it('a failed or canceled wipe does not block', () => {
    for (const managementState of ['wipeFailed', 'wipeCanceled', 'retireFailed', 'managed'])
      expect(passcodeActionFor({ ...phone.raw, managementState }).available).toBe(true);
  });
});

describe('a confirmation that still fits', () => {
  it('the neutral Android reset fits either exact one, and they fit it; two exact kinds that differ do not', () => {
    expect(confirmationFits('resetAndroidPasscode', 'resetDevicePasscode')).toBe(true);
    expect(confirmationFits('resetWorkProfilePasscode', 'resetAndroidPasscode')).toBe(true);
    expect(confirmationFits('resetDevicePasscode', 'resetDevicePasscode')).toBe(true);
    expect(confirmationFits('resetWorkProfilePasscode', 'resetDevicePasscode')).toBe(false);
    expect(confirmationFits('removePasscode', 'resetAndroidPasscode')).toBe(false);
    expect(confirmationFits('resetAndroidPasscode', 'recoverPin')).toBe(false);
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
    managementState: 'managed',
  });
  const iphone = (deviceEnrollmentType: string): PlanFields => ({
    operatingSystem: 'iOS',
    osVersion: '18.3',
    managementAgent: 'mdm',
    deviceEnrollmentType,
    managedDeviceOwnerType: 'personal',
    managementState: 'managed',
  });

  it('Android device administrator: a reset up to 6.x, nothing from 7.0 on', () => {
    expect(offered(passcodeActionFor(android('6.0.1', 'mdm')))).toBe('resetDevicePasscode');
    expect(passcodeActionFor(android('7.0', 'mdm'))).toEqual({
      available: false,
      reason: 'androidDeviceAdmin',
      basis: 'v1',
    });
  });

  it('AOSP is never refused for want of intuneAosp: an Android agent v1.0 cannot name is not device administrator', () => {
    expect(offered(passcodeActionFor(android('13', 'unknown', 'unknownFutureValue')))).toBe(
      'resetAndroidPasscode',
    );
    expect(
      offered(
        passcodeActionFor(android('13', 'unknown', 'unknownFutureValue'), undefined, {
          deviceEnrollmentType: 'androidAOSPUserlessDeviceEnrollment',
          managementAgent: null,
        }),
      ),
    ).toBe('resetDevicePasscode');
  });

  it('an Android Enterprise device older than 8.0 whose mode is unclear is a device owner (no work profile before 8.0)', () => {
    const d = { ...android('7.1.2', 'googleCloudDevicePolicyController', 'unknownFutureValue') };
    expect(offered(passcodeActionFor(d))).toBe('resetDevicePasscode');
  });

  it('a work profile on Android 7 cannot be reset', () => {
    expect(passcodeActionFor(android('7.1.2', 'googleCloudDevicePolicyController'))).toEqual({
      available: false,
      reason: 'androidWorkProfileTooOld',
      basis: 'v1',
    });
  });

  it('v1.0 declared values win over a beta answer that disagrees; beta only fills what v1.0 cannot say', () => {
    const beta = {
      deviceEnrollmentType: 'androidEnterpriseFullyManaged',
      managementAgent: 'intuneAosp',
    };
    expect(offered(passcodeActionFor(android('14', 'mdm'), undefined, beta))).toBe('none');
  });

  it('iOS: account-driven User Enrollment (beta only) has no action; unclear without beta, so nothing is sent', () => {
    expect(
      passcodeActionFor(iphone('unknownFutureValue'), undefined, {
        deviceEnrollmentType: 'appleAccountDrivenUserEnrollment',
        managementAgent: 'mdm',
      }),
    ).toMatchObject({ available: false, reason: 'iosUserEnrollment', basis: 'beta' });
    expect(passcodeActionFor(iphone('appleAccountDrivenUserEnrollment'))).toMatchObject({
      available: false,
      reason: 'iosUserEnrollment',
    });
    expect(passcodeActionFor(iphone('unknownFutureValue'))).toMatchObject({
      available: false,
      reason: 'iosEnrollmentUnclear',
      basis: 'v1',
    });
    expect(passcodeActionFor(iphone('unknownFutureValue'), undefined, NO_BETA_FACTS)).toMatchObject(
      {
        reason: 'iosEnrollmentUnclear',
      },
    );
    // Beta confirming a device enrollment: the passcode can be removed.
    expect(
      offered(
        passcodeActionFor(iphone('unknownFutureValue'), undefined, {
          deviceEnrollmentType: 'userEnrollment',
          managementAgent: 'mdm',
        }),
      ),
    ).toBe('removePasscode');
  });

  it('an Android reset reveals a temporary passcode; an iOS removal does not', () => {
    expect(passcodeActionFor(android('14', 'googleCloudDevicePolicyController'))).toMatchObject({
      graphAction: 'resetPasscode',
      revealsPasscode: true,
    });
    expect(passcodeActionFor(android('14', 'unknown', 'unknownFutureValue'))).toMatchObject({
      kind: 'resetAndroidPasscode',
      graphAction: 'resetPasscode',
      revealsPasscode: true,
    });
    expect(passcodeActionFor({ ...iphone('appleBulkWithUser') })).toMatchObject({
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
      basis: 'beta',
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
      managementState: 'managed',
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
      managementState: 'managed',
    };
    expect(passcodeActionFor(linux)).toEqual({
      available: false,
      reason: 'unknownPlatform',
      basis: 'v1',
    });
  });
});
