// Graph's enum members the passcode rule reads, as v1.0 declares them and as beta adds to them. The lists are
// checked against Microsoft's published types at compile time (type imports only: nothing of the packages ships),
// so a value v1.0 does not declare cannot slip into a v1.0 list, and a member Microsoft adds to v1.0 fails the
// exhaustiveness checks until the console has decided what it means.
import type * as V1 from '@microsoft/microsoft-graph-types';
import type * as Beta from '@microsoft/microsoft-graph-types-beta';

/** Fails to compile unless every member of `All` is listed. */
type Exhaustive<All extends string, Listed extends All> = [Exclude<All, Listed>] extends [never]
  ? true
  : { missing: Exclude<All, Listed> };

export const V1_DEVICE_ENROLLMENT_TYPES = [
  'unknown',
  'userEnrollment',
  'deviceEnrollmentManager',
  'appleBulkWithUser',
  'appleBulkWithoutUser',
  'windowsAzureADJoin',
  'windowsBulkUserless',
  'windowsAutoEnrollment',
  'windowsBulkAzureDomainJoin',
  'windowsCoManagement',
  'windowsAzureADJoinUsingDeviceAuth',
  'appleUserEnrollment',
  'appleUserEnrollmentWithServiceAccount',
  'unknownFutureValue',
] as const satisfies readonly V1.DeviceEnrollmentType[];
export type V1DeviceEnrollmentType = (typeof V1_DEVICE_ENROLLMENT_TYPES)[number];
export const v1EnrollmentTypesListed: Exhaustive<V1.DeviceEnrollmentType, V1DeviceEnrollmentType> =
  true;

/** What beta adds before its unknownFutureValue (graph-intune.md, "v1.0's declared contract"). */
export const BETA_ONLY_DEVICE_ENROLLMENT_TYPES = [
  'azureAdJoinUsingAzureVmExtension',
  'androidEnterpriseDedicatedDevice',
  'androidEnterpriseFullyManaged',
  'androidEnterpriseCorporateWorkProfile',
  'androidAOSPUserOwnedDeviceEnrollment',
  'androidAOSPUserlessDeviceEnrollment',
  'appleAccountDrivenUserEnrollment',
] as const satisfies readonly Exclude<Beta.DeviceEnrollmentType, V1.DeviceEnrollmentType>[];
export type BetaDeviceEnrollmentType = Beta.DeviceEnrollmentType;
export const BETA_DEVICE_ENROLLMENT_TYPES = [
  ...V1_DEVICE_ENROLLMENT_TYPES,
  ...BETA_ONLY_DEVICE_ENROLLMENT_TYPES,
] as const satisfies readonly Beta.DeviceEnrollmentType[];
export const betaEnrollmentTypesListed: Exhaustive<
  Beta.DeviceEnrollmentType,
  (typeof BETA_DEVICE_ENROLLMENT_TYPES)[number]
> = true;

export const V1_MANAGEMENT_AGENTS = [
  'eas',
  'mdm',
  'easMdm',
  'intuneClient',
  'easIntuneClient',
  'configurationManagerClient',
  'configurationManagerClientMdm',
  'configurationManagerClientMdmEas',
  'unknown',
  'jamf',
  'googleCloudDevicePolicyController',
  'microsoft365ManagedMdm',
  'msSense',
] as const satisfies readonly V1.ManagementAgentType[];
export type V1ManagementAgent = (typeof V1_MANAGEMENT_AGENTS)[number];
export const v1AgentsListed: Exhaustive<V1.ManagementAgentType, V1ManagementAgent> = true;

export const BETA_ONLY_MANAGEMENT_AGENTS = [
  'intuneAosp',
  'google',
  'unknownFutureValue',
] as const satisfies readonly Exclude<Beta.ManagementAgentType, V1.ManagementAgentType>[];
export type BetaManagementAgent = Beta.ManagementAgentType;
export const BETA_MANAGEMENT_AGENTS = [
  ...V1_MANAGEMENT_AGENTS,
  ...BETA_ONLY_MANAGEMENT_AGENTS,
] as const satisfies readonly Beta.ManagementAgentType[];
export const betaAgentsListed: Exhaustive<
  Beta.ManagementAgentType,
  (typeof BETA_MANAGEMENT_AGENTS)[number]
> = true;

/**
 * managementState: declared by v1.0's metadata (graph-v1-managed-device.json) but missing from
 * @microsoft/microsoft-graph-types 2.43.1, so it is checked against beta's type plus v1.0's sentinel.
 */
export const V1_MANAGEMENT_STATES = [
  'managed',
  'retirePending',
  'retireFailed',
  'wipePending',
  'wipeFailed',
  'unhealthy',
  'deletePending',
  'retireIssued',
  'wipeIssued',
  'wipeCanceled',
  'retireCanceled',
  'discovered',
  'unknownFutureValue',
] as const satisfies readonly (Beta.ManagementState | 'unknownFutureValue')[];
export type V1ManagementState = (typeof V1_MANAGEMENT_STATES)[number];

export const V1_OWNER_TYPES = [
  'unknown',
  'company',
  'personal',
  'unknownFutureValue',
] as const satisfies readonly V1.ManagedDeviceOwnerType[];
export const v1OwnerTypesListed: Exhaustive<
  V1.ManagedDeviceOwnerType,
  (typeof V1_OWNER_TYPES)[number]
> = true;

export const V1_COMPLIANCE_STATES = [
  'unknown',
  'compliant',
  'noncompliant',
  'conflict',
  'error',
  'inGracePeriod',
  'configManager',
] as const satisfies readonly V1.ComplianceState[];
export const v1ComplianceListed: Exhaustive<
  V1.ComplianceState,
  (typeof V1_COMPLIANCE_STATES)[number]
> = true;

export const V1_ACTION_STATES = [
  'none',
  'pending',
  'canceled',
  'active',
  'done',
  'failed',
  'notSupported',
] as const satisfies readonly V1.ActionState[];
export const v1ActionStatesListed: Exhaustive<V1.ActionState, (typeof V1_ACTION_STATES)[number]> =
  true;

/** managedDevice.partnerReportedThreatState: what a Mobile Threat Defense partner reports (the Caller panel's signal). */
export const V1_PARTNER_THREAT_STATES = [
  'unknown',
  'activated',
  'deactivated',
  'secured',
  'lowSeverity',
  'mediumSeverity',
  'highSeverity',
  'unresponsive',
  'compromised',
  'misconfigured',
] as const satisfies readonly V1.ManagedDevicePartnerReportedHealthState[];
export const v1PartnerThreatStatesListed: Exhaustive<
  V1.ManagedDevicePartnerReportedHealthState,
  (typeof V1_PARTNER_THREAT_STATES)[number]
> = true;

/** Whether `value` is one of `members` (narrowing a string Graph sent). */
export function isMember<T extends string>(members: readonly T[], value: string): value is T {
  return (members as readonly string[]).includes(value);
}
