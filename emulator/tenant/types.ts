// The emulated tenant: Graph-shaped managed devices and directory users, plus what only the emulator knows
// about them (scope tag, enrollment mode, demo agent permissions).
import type { EnrollmentModeKey } from './enrollment';

export type ComplianceState =
  | 'unknown'
  | 'compliant'
  | 'noncompliant'
  | 'conflict'
  | 'error'
  | 'inGracePeriod'
  | 'configManager';
export type OwnerType = 'company' | 'personal' | 'unknown';
export type ActionState =
  'none' | 'pending' | 'canceled' | 'active' | 'done' | 'failed' | 'notSupported';

/** Graph's deviceActionResult, or its resetPasscodeActionResult subtype (with the generated passcode). */
export interface DeviceActionResult {
  '@odata.type':
    '#microsoft.graph.deviceActionResult' | '#microsoft.graph.resetPasscodeActionResult';
  actionName: string;
  actionState: ActionState;
  startDateTime: string;
  lastUpdatedDateTime: string;
  /** resetPasscodeActionResult only: null for an iOS removal, after seven days, and before the device reports. */
  passcode?: string | null;
  /** resetPasscodeActionResult only (Int32, not nullable): 0 unless the device failed it. */
  errorCode?: number;
}

/** managedDevice.managementState (v1.0 enum); a pending wipe or retire takes precedence over other actions. */
export type ManagementState =
  | 'managed'
  | 'retirePending'
  | 'retireFailed'
  | 'wipePending'
  | 'wipeFailed'
  | 'unhealthy'
  | 'deletePending'
  | 'retireIssued'
  | 'wipeIssued'
  | 'wipeCanceled'
  | 'retireCanceled'
  | 'discovered';

/** microsoft.graph.managedDevice as v1.0 returns it (the properties a console can see). */
export interface ManagedDevice {
  id: string;
  userId: string;
  deviceName: string;
  managedDeviceOwnerType: OwnerType;
  enrolledDateTime: string;
  lastSyncDateTime: string;
  operatingSystem: string;
  complianceState: ComplianceState;
  jailBroken: string;
  managementAgent: string;
  osVersion: string;
  easActivated: boolean;
  easDeviceId: string;
  easActivationDateTime: string;
  azureADRegistered: boolean;
  deviceEnrollmentType: string;
  emailAddress: string;
  azureADDeviceId: string;
  deviceRegistrationState: string;
  deviceCategoryDisplayName: string;
  isSupervised: boolean;
  exchangeLastSuccessfulSyncDateTime: string;
  exchangeAccessState: string;
  exchangeAccessStateReason: string;
  isEncrypted: boolean;
  userPrincipalName: string;
  model: string;
  manufacturer: string;
  imei: string;
  complianceGracePeriodExpirationDateTime: string;
  serialNumber: string;
  phoneNumber: string;
  androidSecurityPatchLevel: string;
  userDisplayName: string;
  wiFiMacAddress: string;
  subscriberCarrier: string;
  meid: string;
  totalStorageSpaceInBytes: number;
  freeStorageSpaceInBytes: number;
  managedDeviceName: string;
  partnerReportedThreatState: string;
  managementCertificateExpirationDate: string;
  iccid: string;
  udid: string;
  notes: string | null;
  ethernetMacAddress: string;
  physicalMemoryInBytes: number;
  enrollmentProfileName: string;
  managementState: ManagementState;
  deviceActionResults: DeviceActionResult[];
}

/** Intune scope tags used to partition the seeded tenant by region. */
export const SCOPE_TAGS = ['EMEA', 'AMER', 'APAC'] as const;
export type ScopeTag = (typeof SCOPE_TAGS)[number];

/**
 * How a device answers remote actions: online devices carry them out within seconds; offline ones keep them
 * pending until they check in; a failing device lacks what the action needs (a passcode policy on Android, a
 * valid unlock token on iOS) and ends in failed. Whether an action is supported at all follows its enrollment mode.
 */
export const ACTION_SCENARIOS = ['online', 'offline', 'failing'] as const;
export type ActionScenario = (typeof ACTION_SCENARIOS)[number];

export interface StoredDevice {
  graph: ManagedDevice;
  /** How Intune enrolled it (emulator-only: Graph shows only the fields the mode implies). */
  mode: EnrollmentModeKey;
  scopeTag: ScopeTag;
  scenario: ActionScenario;
  /** When the scenario last changed (emulator clock, ms); actions progress from then at the earliest. */
  scenarioSince: number;
  /** When managementState last changed (emulator clock, ms): a wipe pending since then holds back later actions. */
  managementStateSince: number;
}

export interface DirectoryUser {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  userPrincipalName: string;
  mail: string;
  scopeTag: ScopeTag;
  /** Delegated Graph permissions this user has consented to for the console (bare names, e.g. `X.Read.All`). */
  consentedScopes: readonly string[];
  /** Scope tags whose devices this user may see and act on; empty for a user with no Intune role (or licence). */
  intuneScopeTags: readonly ScopeTag[];
  /** Whether the Intune role includes Remote tasks (Reset passcode); a read-only operator's does not. */
  intuneRemoteTasks: boolean;
  /** Whether the Intune role includes Audit data: Read (Intune's own audit log). */
  intuneAuditRead: boolean;
  /**
   * A B2B guest from outside the tenant: the home identity Entra puts into `unique_name` (e.g.
   * `live.com#jane@outlook.com`) and the identity provider; such tokens carry no `upn`.
   */
  guest?: { homeIdentity: string; idp: string };
  /** App roles assigned to this user for the console's app registration (the ID token's `roles` claim). */
  appRoles?: readonly string[];
  /** A short description for the login page, for the demo agents only. */
  agentRole?: string;
}

export interface Tenant {
  tenantId: string;
  domain: string;
  displayName: string;
  users: DirectoryUser[];
  devices: StoredDevice[];
}
