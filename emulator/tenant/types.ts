// The emulated tenant: Graph-shaped managed devices and directory users, plus what only the emulator knows
// about them (scope tag, enrollment mode, demo agent permissions).
import type * as V1 from '@microsoft/microsoft-graph-types';
import type * as Beta from '@microsoft/microsoft-graph-types-beta';
import type { PasscodeActionName, RemoteActionName } from '../intune/actions';
import type { EnrollmentModeKey } from './enrollment';

export type ComplianceState = V1.ComplianceState;
export type OwnerType = 'company' | 'personal' | 'unknown';
export type ActionState = V1.ActionState;

/** Graph's deviceActionResult subtypes the emulator reports (each declared in v1.0 and beta alike). */
export type DeviceActionResultType =
  | '#microsoft.graph.deviceActionResult'
  | '#microsoft.graph.resetPasscodeActionResult'
  | '#microsoft.graph.remoteLockActionResult';

/** Graph's deviceActionResult, or one of its subtypes (resetPasscodeActionResult with the generated passcode). */
export interface DeviceActionResult {
  '@odata.type': DeviceActionResultType;
  actionName: string;
  actionState: ActionState;
  startDateTime: string;
  lastUpdatedDateTime: string;
  /** resetPasscodeActionResult only: null for an iOS removal, after seven days, and before the device reports. */
  passcode?: string | null;
  /** resetPasscodeActionResult only (Int32, not nullable): 0 unless the device failed it. */
  errorCode?: number;
  /** remoteLockActionResult only: the PIN Intune generates for a Windows 10 lock; null on phones. */
  unlockPin?: string | null;
}

/**
 * managedDevice.managementState, in beta's members (v1.0's metadata declares the same plus unknownFutureValue; the
 * v1.0 types package omits the property, see graph/versions.ts). A pending wipe or retire takes precedence.
 */
export type ManagementState = Beta.ManagementState;

/**
 * microsoft.graph.managedDevice as the tenant knows it: every property v1.0 declares, with each enum in beta's
 * vocabulary (the device's true values: beta names Android Enterprise and AOSP enrollments, v1.0 does not).
 * What each version sends is `asSentBy` (graph/versions.ts), checked at compile time against Microsoft's types.
 */
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
  managementAgent: Beta.ManagementAgentType;
  osVersion: string;
  easActivated: boolean;
  easDeviceId: string;
  easActivationDateTime: string;
  azureADRegistered: boolean;
  deviceEnrollmentType: Beta.DeviceEnrollmentType;
  emailAddress: string;
  azureADDeviceId: string;
  deviceRegistrationState: V1.DeviceRegistrationState;
  deviceCategoryDisplayName: string;
  isSupervised: boolean;
  exchangeLastSuccessfulSyncDateTime: string;
  exchangeAccessState: V1.DeviceManagementExchangeAccessState;
  exchangeAccessStateReason: V1.DeviceManagementExchangeAccessStateReason;
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
  partnerReportedThreatState: V1.ManagedDevicePartnerReportedHealthState;
  managementCertificateExpirationDate: string;
  iccid: string;
  udid: string;
  notes: string | null;
  ethernetMacAddress: string;
  physicalMemoryInBytes: number;
  enrollmentProfileName: string;
  managementState: ManagementState;
  deviceActionResults: DeviceActionResult[];
  // Declared, and null on every device here: Intune fills them only for what the emulator does not play
  // (Activation Lock bypass of supervised Macs, Configuration Manager co-management, Windows health attestation,
  // TeamViewer sessions, Apple user-approval enrolment).
  activationLockBypassCode: string | null;
  configurationManagerClientEnabledFeatures: V1.ConfigurationManagerClientEnabledFeatures | null;
  deviceHealthAttestationState: V1.DeviceHealthAttestationState | null;
  remoteAssistanceSessionErrorDetails: string | null;
  remoteAssistanceSessionUrl: string | null;
  requireUserEnrollmentApproval: boolean | null;
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
  /**
   * Who enrolled it, when that is not its primary user (`graph.userId`, `graph.userPrincipalName`): an admin or a
   * colleague enrolled it and it was assigned to someone else. Graph lists the device under both people
   * (/users/{id}/managedDevices); only beta names the enroller (`enrolledByUserPrincipalName`); v1.0 names the
   * primary user alone. Null when the primary user enrolled it.
   */
  enrolledBy: { id: string; userPrincipalName: string } | null;
}

/** Graph's authenticationPhoneType. */
export type AuthenticationPhoneType = V1.AuthenticationPhoneType;

/** A registered phone authentication method (Graph's phoneAuthenticationMethod). */
export interface PhoneMethod {
  /** Graph's fixed id for each phone type (graph/directory.ts). */
  id: string;
  phoneNumber: string;
  phoneType: Exclude<AuthenticationPhoneType, 'unknownFutureValue'>;
  smsSignInState: V1.AuthenticationMethodSignInState;
}

/** What Identity Protection holds on a user (Graph's riskyUser); absent when the user never had a risk record. */
export interface UserRisk {
  riskLevel: V1.RiskLevel;
  riskState: V1.RiskState;
  riskDetail: V1.RiskDetail;
  riskLastUpdatedDateTime: string;
}

/** The Entra directory roles the emulator knows, by display name: they decide what a delegated caller may read. */
export const DIRECTORY_ROLES = [
  'Global Administrator',
  'Global Reader',
  'Authentication Administrator',
  'Privileged Authentication Administrator',
  'Security Administrator',
  'Security Operator',
  'Security Reader',
  'Intune Administrator',
  'Helpdesk Administrator',
] as const;
export type DirectoryRoleName = (typeof DIRECTORY_ROLES)[number];

/** The user's profile as Graph's user resource names it (the properties the console reads, trust.md). */
export interface DirectoryProfile {
  accountEnabled: boolean;
  /** ISO 639-1 language and ISO 3166 country, e.g. `de-DE`; null when unset. */
  preferredLanguage: string | null;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  employeeId: string | null;
  mobilePhone: string | null;
  businessPhones: readonly string[];
  userType: 'Member' | 'Guest';
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
  /** Graph's profile fields (preferredLanguage, job, phones, …): the directory's one home for them. */
  profile: DirectoryProfile;
  /** The manager's object id (Graph's `manager` reference), null when none is set. */
  managerId: string | null;
  phoneMethods: readonly PhoneMethod[];
  risk: UserRisk | null;
  /** Entra directory roles assigned to the user (e.g. Authentication Administrator reads others' methods). */
  directoryRoles: readonly DirectoryRoleName[];
}

/** A shared mailbox (Exchange Online) and who may send as it (user object ids). */
export interface SharedMailbox {
  id: string;
  address: string;
  displayName: string;
  sendAs: readonly string[];
}

/** A remote action another admin started in the admin center before the emulator started (the seed's history). */
export interface SeededAdminCenterAction {
  deviceId: string;
  /** Graph's name of the action (`wipe`, `retire`, `syncDevice`, …). */
  action: RemoteActionName;
  /** Who started it (UPN). */
  initiatedBy: string;
  /** When (emulator ms). */
  at: number;
}

/**
 * A group of the directory: its direct members, users and groups (groups nest). Security groups have no mail; a
 * mail-enabled one has an SMTP address that mail can be sent to (Exchange delivers to its members).
 */
export interface DirectoryGroup {
  id: string;
  displayName: string;
  mail: string | null;
  mailEnabled: boolean;
  securityEnabled: boolean;
  memberUserIds: readonly string[];
  memberGroupIds: readonly string[];
}

export interface Tenant {
  tenantId: string;
  domain: string;
  displayName: string;
  users: DirectoryUser[];
  groups: DirectoryGroup[];
  devices: StoredDevice[];
  /** Licences bought for the tenant: Identity Protection's riskyUsers needs Microsoft Entra ID P2. */
  licences: { entraIdP2: boolean };
  /** Replayed into Intune's action store, remoteActionAudits and audit events whenever the tenant is seeded. */
  adminCenterActions: SeededAdminCenterAction[];
  /** Shared mailboxes the demo agents may send as (sendMail from /users/{mailbox}). */
  sharedMailboxes: SharedMailbox[];
  /**
   * Intune Multi Admin Approval's access policies: the remote actions (Graph's names) whose POST Intune answers 403
   * ApprovalRequired instead of queueing. None when seeded; tests and demos switch it (/_emulator/tenant).
   */
  multiAdminApproval: { actions: PasscodeActionName[] };
}
