// Which passcode action really unlocks a device, decided in one place from what Graph says about it, and
// tested against the emulator's enrollment table (passcode-plan.test.ts). Both the browser (which button, or
// which reason) and the server action (which Graph action to POST, re-derived from Graph's own answer) use it.
//
// - iOS/iPadOS (device enrollment, ADE): resetPasscode removes the passcode ("Remove passcode").
// - Android Enterprise dedicated, fully managed, AOSP: resetPasscode resets the device passcode.
// - Android Enterprise work profile (personal or corporate, Android 8+): resetPasscode resets the work profile's.
// - Windows 10 Mobile: recoverPasscode resets the Windows Hello for Business PIN (Microsoft's remoteAction enum).
// - Nothing for macOS, Windows PCs, iOS User Enrollment, Android device administrator on 7.0+.
import type { DeviceListItem } from './types';

export const PASSCODE_ACTION_KINDS = [
  'removePasscode',
  'resetDevicePasscode',
  'resetWorkProfilePasscode',
  'recoverPin',
] as const;
export type PasscodeActionKind = (typeof PASSCODE_ACTION_KINDS)[number];

export const GRAPH_PASSCODE_ACTIONS = ['resetPasscode', 'recoverPasscode'] as const;
export type GraphPasscodeAction = (typeof GRAPH_PASSCODE_ACTIONS)[number];

export const GRAPH_ACTION_OF: Readonly<Record<PasscodeActionKind, GraphPasscodeAction>> = {
  removePasscode: 'resetPasscode',
  resetDevicePasscode: 'resetPasscode',
  resetWorkProfilePasscode: 'resetPasscode',
  recoverPin: 'recoverPasscode',
};

/** Android resets generate a temporary passcode that Intune shows the admin for seven days. */
export const REVEALS_PASSCODE: ReadonlySet<PasscodeActionKind> = new Set([
  'resetDevicePasscode',
  'resetWorkProfilePasscode',
]);
export const PASSCODE_VISIBLE_DAYS = 7;

/** The switches administrators have (`PASSCODE_ACTIONS`): the admin center's names, not Graph's. */
export const PASSCODE_ACTION_SWITCHES = ['remove', 'reset', 'recover'] as const;
export type PasscodeActionSwitch = (typeof PASSCODE_ACTION_SWITCHES)[number];
const SWITCH_OF: Readonly<Record<PasscodeActionKind, PasscodeActionSwitch>> = {
  removePasscode: 'remove',
  resetDevicePasscode: 'reset',
  resetWorkProfilePasscode: 'reset',
  recoverPin: 'recover',
};

export interface PasscodePolicy {
  /** Which actions this console offers at all. */
  enabled: readonly PasscodeActionSwitch[];
  /** Offer recoverPasscode (the seed's action) on devices where no action is known to work. */
  recoverEverywhere: boolean;
}

export const DEFAULT_PASSCODE_POLICY: PasscodePolicy = {
  enabled: PASSCODE_ACTION_SWITCHES,
  recoverEverywhere: false,
};

export type NoActionReason =
  | 'macos'
  | 'windowsDesktop'
  | 'iosUserEnrollment'
  | 'androidDeviceAdmin'
  | 'androidWorkProfileTooOld'
  | 'unknownPlatform'
  | 'switchedOff';

export type PasscodePlan =
  | {
      available: true;
      kind: PasscodeActionKind;
      graphAction: GraphPasscodeAction;
      revealsPasscode: boolean;
      /** recoverPasscode offered by configuration where Microsoft documents it for nothing but Windows 10 Mobile. */
      beyondDocumented: boolean;
    }
  | {
      available: false;
      reason: NoActionReason;
      /** For `switchedOff`: the action the device would get. */ kind?: PasscodeActionKind;
    };

export type PlanFields = Pick<
  DeviceListItem,
  | 'operatingSystem'
  | 'osVersion'
  | 'managementAgent'
  | 'deviceEnrollmentType'
  | 'managedDeviceOwnerType'
>;

const APPLE_USER_ENROLLMENT = new Set([
  'appleUserEnrollment',
  'appleUserEnrollmentWithServiceAccount',
  'appleAccountDrivenUserEnrollment',
]);
const ANDROID_DEVICE_OWNER = new Set([
  'androidEnterpriseDedicatedDevice',
  'androidEnterpriseFullyManaged',
]);
/** Windows 10 Mobile's last build; no desktop Windows shipped it (Graph reports both as "Windows"). */
export const WINDOWS_MOBILE_BUILD = '10.0.15254';

const majorVersion = (v: string) => Number.parseInt(v.split('.')[0] ?? '', 10);

/** What the device supports, before any switch of this console's. */
function nativePlan(d: PlanFields): { kind: PasscodeActionKind } | { reason: NoActionReason } {
  const os = d.operatingSystem.toLowerCase();
  if (os === 'ios' || os === 'ipados') {
    return APPLE_USER_ENROLLMENT.has(d.deviceEnrollmentType)
      ? { reason: 'iosUserEnrollment' }
      : { kind: 'removePasscode' };
  }
  if (os === 'android') {
    if (d.managementAgent === 'intuneAosp') return { kind: 'resetDevicePasscode' };
    if (d.managementAgent === 'googleCloudDevicePolicyController') {
      if (ANDROID_DEVICE_OWNER.has(d.deviceEnrollmentType)) return { kind: 'resetDevicePasscode' };
      // A work profile, corporate or personal: its passcode can be reset from Android 8.0 on.
      return majorVersion(d.osVersion) >= 8
        ? { kind: 'resetWorkProfilePasscode' }
        : { reason: 'androidWorkProfileTooOld' };
    }
    // Device administrator: Google removed passcode reset from Android 7.0 on, for every MDM vendor.
    return majorVersion(d.osVersion) <= 6
      ? { kind: 'resetDevicePasscode' }
      : { reason: 'androidDeviceAdmin' };
  }
  if (os === 'windows')
    return d.osVersion.startsWith(WINDOWS_MOBILE_BUILD)
      ? { kind: 'recoverPin' }
      : { reason: 'windowsDesktop' };
  if (os === 'macos') return { reason: 'macos' };
  return { reason: 'unknownPlatform' };
}

export function passcodeActionFor(
  d: PlanFields,
  policy: PasscodePolicy = DEFAULT_PASSCODE_POLICY,
): PasscodePlan {
  const native = nativePlan(d);
  const offer = (kind: PasscodeActionKind, beyondDocumented = false): PasscodePlan => ({
    available: true,
    kind,
    graphAction: GRAPH_ACTION_OF[kind],
    revealsPasscode: REVEALS_PASSCODE.has(kind),
    beyondDocumented,
  });
  if ('kind' in native) {
    return policy.enabled.includes(SWITCH_OF[native.kind])
      ? offer(native.kind)
      : { available: false, reason: 'switchedOff', kind: native.kind };
  }
  if (policy.recoverEverywhere && policy.enabled.includes('recover'))
    return offer('recoverPin', true);
  return { available: false, reason: native.reason };
}
