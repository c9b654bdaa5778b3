// Which passcode action really unlocks a device, decided in one place from what Graph says about it, and
// tested against the emulator's enrollment table (passcode-plan.test.ts). Only the server calls it (the list, the
// device's exact plan, the server action); the browser shows the plan the server answered and never re-derives it.
//
// - A wipe, retire or delete pending (or issued): nothing. Intune ignores other actions until it completes.
// - iOS/iPadOS (device enrollment, ADE): resetPasscode removes the passcode ("Remove passcode").
// - Android Enterprise dedicated, fully managed, AOSP: resetPasscode resets the device passcode.
// - Android Enterprise work profile (personal or corporate, Android 8+): resetPasscode resets the work profile's.
// - Android Enterprise, company owned, where the data cannot tell the mode: the same resetPasscode, in neutral words.
// - Windows 10 Mobile: recoverPasscode resets the Windows Hello for Business PIN (Microsoft's remoteAction enum).
// - Nothing for macOS, Windows PCs, iOS User Enrollment, Android device administrator on 7.0+.
//
// It decides only on facts it can trust. v1.0 declares no value for the Android Enterprise modes, AOSP or Apple's
// account-driven User Enrollment (Graph sends `unknownFutureValue`, or for managementAgent most likely `unknown`):
// those come from beta (`BetaFacts`, read by the server per device), or from a beta-only value v1.0 itself sent.
// Where neither says, the rule falls back to what v1.0 does declare and says plainly what it cannot tell.
import {
  BETA_ONLY_DEVICE_ENROLLMENT_TYPES,
  BETA_ONLY_MANAGEMENT_AGENTS,
  V1_DEVICE_ENROLLMENT_TYPES,
  V1_MANAGEMENT_AGENTS,
  isMember,
} from './graph-enums';
import type { DeviceListItem } from './types';

export const PASSCODE_ACTION_KINDS = [
  'removePasscode',
  'resetDevicePasscode',
  'resetWorkProfilePasscode',
  /** Android Enterprise where the data cannot tell a device reset from a work-profile reset: the same POST. */
  'resetAndroidPasscode',
  'recoverPin',
] as const;
export type PasscodeActionKind = (typeof PASSCODE_ACTION_KINDS)[number];

export const GRAPH_PASSCODE_ACTIONS = ['resetPasscode', 'recoverPasscode'] as const;
export type GraphPasscodeAction = (typeof GRAPH_PASSCODE_ACTIONS)[number];

export const GRAPH_ACTION_OF: Readonly<Record<PasscodeActionKind, GraphPasscodeAction>> = {
  removePasscode: 'resetPasscode',
  resetDevicePasscode: 'resetPasscode',
  resetWorkProfilePasscode: 'resetPasscode',
  resetAndroidPasscode: 'resetPasscode',
  recoverPin: 'recoverPasscode',
};

/** Android resets generate a temporary passcode that Intune shows the admin for seven days. */
export const REVEALS_PASSCODE: ReadonlySet<PasscodeActionKind> = new Set([
  'resetDevicePasscode',
  'resetWorkProfilePasscode',
  'resetAndroidPasscode',
]);
export const PASSCODE_VISIBLE_DAYS = 7;

/** The switches administrators have (`PASSCODE_ACTIONS`): the admin center's names, not Graph's. */
export const PASSCODE_ACTION_SWITCHES = ['remove', 'reset', 'recover'] as const;
export type PasscodeActionSwitch = (typeof PASSCODE_ACTION_SWITCHES)[number];
const SWITCH_OF: Readonly<Record<PasscodeActionKind, PasscodeActionSwitch>> = {
  removePasscode: 'remove',
  resetDevicePasscode: 'reset',
  resetWorkProfilePasscode: 'reset',
  resetAndroidPasscode: 'reset',
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
  /** iOS whose enrollment type only beta names, and beta did not answer: most likely account-driven User Enrollment. */
  | 'iosEnrollmentUnclear'
  | 'androidDeviceAdmin'
  | 'androidWorkProfileTooOld'
  | 'unknownPlatform'
  | 'switchedOff'
  /** A wipe, retire or delete pending: Intune ignores a passcode action, and the device is about to be erased or released. */
  | 'wipePending'
  | 'retirePending'
  | 'deletePending';

/** Where the deciding facts came from: v1.0 alone, or v1.0 with the device's beta read (or beta values v1.0 sent). */
export type PlanBasis = 'v1' | 'beta';

export type PasscodePlan =
  | {
      available: true;
      kind: PasscodeActionKind;
      graphAction: GraphPasscodeAction;
      revealsPasscode: boolean;
      /** recoverPasscode offered by configuration where Microsoft documents it for nothing but Windows 10 Mobile. */
      beyondDocumented: boolean;
      basis: PlanBasis;
    }
  | {
      available: false;
      reason: NoActionReason;
      /** For `switchedOff` and a pending wipe/retire/delete: the action the device would get otherwise. */
      kind?: PasscodeActionKind;
      basis: PlanBasis;
    };

/** What v1.0 reports, as sent: a value v1.0 does not declare is kept here as a string, and judged by the rule. */
export type PlanFields = Pick<
  DeviceListItem,
  | 'operatingSystem'
  | 'osVersion'
  | 'managementAgent'
  | 'deviceEnrollmentType'
  | 'managedDeviceOwnerType'
  | 'managementState'
>;

/**
 * The deciding fields as `GET /beta/deviceManagement/managedDevices/{id}` reports them; null where the read was
 * not made, failed, or answered a value that says nothing (unknown, unknownFutureValue, or one beta lacks).
 */
export interface BetaFacts {
  deviceEnrollmentType: string | null;
  managementAgent: string | null;
}
export const NO_BETA_FACTS: BetaFacts = { deviceEnrollmentType: null, managementAgent: null };

const APPLE_USER_ENROLLMENT = new Set([
  'appleUserEnrollment',
  'appleUserEnrollmentWithServiceAccount',
  'appleAccountDrivenUserEnrollment',
]);
const ANDROID_DEVICE_OWNER = new Set([
  'androidEnterpriseDedicatedDevice',
  'androidEnterpriseFullyManaged',
]);
const ANDROID_AOSP_ENROLLMENT = new Set([
  'androidAOSPUserOwnedDeviceEnrollment',
  'androidAOSPUserlessDeviceEnrollment',
]);
/** Values that say nothing about the device: Graph's own "don't know", and the sentinel for a value v1.0 lacks. */
const SAYS_NOTHING = new Set(['unknown', 'unknownFutureValue', '']);
/** Windows 10 Mobile's last build; no desktop Windows shipped it (Graph reports both as "Windows"). */
export const WINDOWS_MOBILE_BUILD = '10.0.15254';
/** A pending (or issued) wipe, retire or delete takes precedence: Intune ignores every other action. */
const PENDING_REASON: Readonly<Record<string, NoActionReason>> = {
  wipePending: 'wipePending',
  wipeIssued: 'wipePending',
  retirePending: 'retirePending',
  retireIssued: 'retirePending',
  deletePending: 'deletePending',
};

const majorVersion = (v: string) => Number.parseInt(v.split('.')[0] ?? '', 10);

/** A value worth deciding on: declared by v1.0 (and not a "don't know"), or one only beta declares. */
function trusted(v1: readonly string[], betaOnly: readonly string[], value: string | null) {
  if (value === null || SAYS_NOTHING.has(value)) return null;
  return isMember(v1, value) || isMember(betaOnly, value) ? value : null;
}

/**
 * The facts the rule decides on, field by field: v1.0's value where it is a declared one that says something;
 * otherwise beta's; otherwise a beta-only value v1.0 itself sent (Graph's behaviour there is undocumented).
 */
export function decidingFacts(
  d: PlanFields,
  beta: BetaFacts,
): { enrollment: string | null; agent: string | null; basis: PlanBasis } {
  const pick = (
    v1: readonly string[],
    betaOnly: readonly string[],
    sent: string,
    read: string | null,
  ) => {
    const declared = isMember(v1, sent) && !SAYS_NOTHING.has(sent) ? sent : null;
    const fromBeta = trusted(v1, betaOnly, read);
    const betaSentOnV1 = isMember(betaOnly, sent) ? trusted(v1, betaOnly, sent) : null;
    return {
      value: declared ?? fromBeta ?? betaSentOnV1,
      fromBeta: declared === null && (fromBeta ?? betaSentOnV1) !== null,
    };
  };
  const enrollment = pick(
    V1_DEVICE_ENROLLMENT_TYPES,
    BETA_ONLY_DEVICE_ENROLLMENT_TYPES,
    d.deviceEnrollmentType,
    beta.deviceEnrollmentType,
  );
  const agent = pick(
    V1_MANAGEMENT_AGENTS,
    BETA_ONLY_MANAGEMENT_AGENTS,
    d.managementAgent,
    beta.managementAgent,
  );
  return {
    enrollment: enrollment.value,
    agent: agent.value,
    basis: enrollment.fromBeta || agent.fromBeta ? 'beta' : 'v1',
  };
}

/** What the device supports, before any switch of this console's and before a pending wipe or retire. */
function nativePlan(
  d: PlanFields,
  enrollment: string | null,
  agent: string | null,
): { kind: PasscodeActionKind } | { reason: NoActionReason } {
  const os = d.operatingSystem.toLowerCase();
  if (os === 'ios' || os === 'ipados') {
    if (enrollment !== null && APPLE_USER_ENROLLMENT.has(enrollment))
      return { reason: 'iosUserEnrollment' };
    // v1.0 sends unknownFutureValue for the one iOS mode it lacks, account-driven User Enrollment, which has no
    // passcode action: without beta's word the console does not send an action Intune would refuse.
    if (enrollment === null && d.deviceEnrollmentType === 'unknownFutureValue')
      return { reason: 'iosEnrollmentUnclear' };
    return { kind: 'removePasscode' };
  }
  if (os === 'android') {
    // Device administrator: Google removed passcode reset from Android 7.0 on, for every MDM vendor.
    if (agent === 'mdm')
      return majorVersion(d.osVersion) <= 6
        ? { kind: 'resetDevicePasscode' }
        : { reason: 'androidDeviceAdmin' };
    if (agent === 'intuneAosp' || (enrollment !== null && ANDROID_AOSP_ENROLLMENT.has(enrollment)))
      return { kind: 'resetDevicePasscode' };
    if (enrollment !== null && ANDROID_DEVICE_OWNER.has(enrollment))
      return { kind: 'resetDevicePasscode' };
    const workProfile =
      enrollment === 'androidEnterpriseCorporateWorkProfile' ||
      (agent === 'googleCloudDevicePolicyController' && enrollment === 'userEnrollment');
    // A work profile, corporate or personal: its passcode can be reset from Android 8.0 on.
    if (workProfile)
      return majorVersion(d.osVersion) >= 8
        ? { kind: 'resetWorkProfilePasscode' }
        : { reason: 'androidWorkProfileTooOld' };
    // Not device administrator, and nothing says which mode (v1.0 has no value for fully managed, dedicated,
    // corporate work profile or AOSP): the same resetPasscode fits each, so it is offered in words that promise
    // neither. A corporate work profile needs Android 8.0 or later, so an older one is a device owner.
    return majorVersion(d.osVersion) < 8
      ? { kind: 'resetDevicePasscode' }
      : { kind: 'resetAndroidPasscode' };
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
  beta: BetaFacts = NO_BETA_FACTS,
): PasscodePlan {
  const facts = decidingFacts(d, beta);
  const { basis } = facts;
  const native = nativePlan(d, facts.enrollment, facts.agent);
  const offer = (kind: PasscodeActionKind, beyondDocumented = false): PasscodePlan => ({
    available: true,
    kind,
    graphAction: GRAPH_ACTION_OF[kind],
    revealsPasscode: REVEALS_PASSCODE.has(kind),
    beyondDocumented,
    basis,
  });
  const pending = PENDING_REASON[d.managementState];
  if (pending)
    return {
      available: false,
      reason: pending,
      basis,
      ...('kind' in native ? { kind: native.kind } : {}),
    };
  if ('kind' in native) {
    return policy.enabled.includes(SWITCH_OF[native.kind])
      ? offer(native.kind)
      : { available: false, reason: 'switchedOff', kind: native.kind, basis };
  }
  if (policy.recoverEverywhere && policy.enabled.includes('recover'))
    return offer('recoverPin', true);
  return { available: false, reason: native.reason, basis };
}

/**
 * Whether v1.0 alone leaves the mode open where beta would tell it: an Android reset only neutral words fit, or an
 * iPhone whose enrollment type only beta names. Only then does the server read the device from beta.
 */
export function v1LeavesModeOpen(d: PlanFields): boolean {
  if (PENDING_REASON[d.managementState]) return false;
  const facts = decidingFacts(d, NO_BETA_FACTS);
  const native = nativePlan(d, facts.enrollment, facts.agent);
  return 'kind' in native
    ? native.kind === 'resetAndroidPasscode'
    : native.reason === 'iosEnrollmentUnclear';
}

/** The Android resets: one Graph POST, differing only in the words. */
const ANDROID_RESETS: ReadonlySet<PasscodeActionKind> = new Set([
  'resetDevicePasscode',
  'resetWorkProfilePasscode',
  'resetAndroidPasscode',
]);

/**
 * Whether what the agent confirmed still fits what the server decides now: the same kind, or two Android resets
 * of which one is the neutral one (the same POST; one read could tell the mode and the other could not). Two
 * exact kinds that differ are a contradiction: the device changed, or the data did.
 */
export function confirmationFits(confirmed: PasscodeActionKind, now: PasscodeActionKind): boolean {
  if (confirmed === now) return true;
  return (
    ANDROID_RESETS.has(confirmed) &&
    ANDROID_RESETS.has(now) &&
    (confirmed === 'resetAndroidPasscode' || now === 'resetAndroidPasscode')
  );
}
