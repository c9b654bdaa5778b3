// What the console knows about the person a device belongs to, as GET /api/devices/{id}/caller answers it (the
// Caller panel shows it; trust.md). Each Graph read is a part that is either its value or why it could not be read:
// a part that could not be read is never shown as "no risk" or "no number". Numbers of record travel with an
// opaque ref: the browser names a number by its ref only, and the server resolves the ref by reading Graph again.
import type { PhoneSource, VerificationPolicy } from './verification';
import type { ApprovalPolicy } from './approval';

/** Why a part is not there: no permission in the token, Graph's refusal, no licence, nothing recorded, a failure. */
export const UNAVAILABLE_REASONS = [
  'consentRequired',
  'notPermitted',
  'notLicensed',
  'none',
  'failed',
] as const;
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

export interface Unavailable {
  unavailable: UnavailableReason;
  /** Graph's request-id, where Graph answered. */
  requestId?: string | null;
}

/** A Graph read's value, or why there is none. */
export type Part<T> = T | Unavailable;

export function isUnavailable<T extends object>(part: Part<T>): part is Unavailable {
  return 'unavailable' in part;
}

/** A phone number of record and the ref the browser names it by ("mobilePhone", "phoneMethods/<id>", …). */
export interface NumberOfRecord {
  ref: string;
  number: string;
  source: PhoneSource;
  /** A registered method's authenticationPhoneType (mobile, alternateMobile, office); null for directory phones. */
  phoneType: string | null;
}

export interface CallerProfile {
  id: string;
  displayName: string | null;
  userPrincipalName: string | null;
  mail: string | null;
  /** false: the account is disabled, the caller may no longer be an employee. */
  accountEnabled: boolean | null;
  preferredLanguage: string | null;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  /** Context only: knowledge facts are no verification (trust.md). */
  employeeId: string | null;
  userType: string | null;
  /** The directory's phones (mobilePhone, businessPhones). */
  phones: NumberOfRecord[];
}

export interface CallerManager {
  id: string;
  displayName: string | null;
  jobTitle: string | null;
  /** The manager's directory phones, refs under `manager/`. */
  phones: NumberOfRecord[];
}

export interface UserRisk {
  riskLevel: string;
  riskState: string;
  riskDetail: string | null;
  riskLastUpdatedDateTime: string | null;
}

/** The device's own risk signals (managedDevice v1.0), read with the device. */
export interface DeviceRisk {
  jailBroken: string | null;
  partnerReportedThreatState: string | null;
  /** Jailbroken, or a threat state of compromised, high or highSeverity: warn before unlocking. */
  warn: boolean;
}

/** The console's own passcode actions on this user's devices in the last 30 days (its audit store). */
export interface RecentUserActions {
  count: number;
  latestAt: string | null;
}

export interface CallerFacts {
  deviceId: string;
  /** The device's user as the device names them; null when the device has no primary user. */
  user: { id: string; upn: string | null; displayName: string | null } | null;
  profile: Part<CallerProfile>;
  manager: Part<CallerManager>;
  phoneMethods: Part<{ numbers: NumberOfRecord[] }>;
  risk: Part<UserRisk>;
  device: DeviceRisk;
  recentActions: Part<RecentUserActions>;
  /** What the server will ask of a passcode action for this user. */
  policy: VerificationPolicy;
  /** Whether a passcode action on this device (the kind it supports now) needs a second agent's approval first. */
  approval: ApprovalPolicy;
}

/** Threat states a device's partner reports that mean "do not unlock without a second look". */
const ALARMING_THREAT_STATES = new Set(['compromised', 'high', 'highSeverity']);

export function isAlarmingThreat(threat: string | null): boolean {
  return threat !== null && ALARMING_THREAT_STATES.has(threat);
}

export function deviceRisk(jailBroken: string | null, threat: string | null): DeviceRisk {
  return {
    jailBroken,
    partnerReportedThreatState: threat,
    warn: jailBroken === 'True' || isAlarmingThreat(threat),
  };
}

/** A ref names a manager's number when it starts with this. */
export const MANAGER_REF_PREFIX = 'manager/';

/** The longest statement or reason an agent can record with a verification. */
export const MAX_VERIFICATION_TEXT = 500;
