// What each Graph version sends of a managed device. The tenant keeps a device's true values in beta's vocabulary;
// v1.0 declares fewer enum members (no Android Enterprise or AOSP enrollment types, no intuneAosp agent), and
// Graph's rule for evolvable enums is that a value a version does not declare goes out as unknownFutureValue.
// managementAgentType has no such sentinel in v1.0: what Microsoft sends there is undocumented; the emulator sends
// `unknown`. A behaviour switch (v1EnumValues: 'beta') makes v1.0 send beta's values too, since what real tenants
// send on v1.0 is undocumented either way.
//
// Every record leaving here is checked at compile time against Microsoft's published types
// (@microsoft/microsoft-graph-types for v1.0, -beta for beta), keys included: a property or an enum value the
// version does not declare fails `tsc --noEmit`.
import type * as V1 from '@microsoft/microsoft-graph-types';
import type * as Beta from '@microsoft/microsoft-graph-types-beta';
import type { DeviceActionResult, DeviceActionResultType, ManagedDevice } from '../tenant/types';

export const GRAPH_VERSIONS = ['v1.0', 'beta'] as const;
export type GraphVersion = (typeof GRAPH_VERSIONS)[number];

/** Which enum values /v1.0 sends: only v1.0's declared members (Microsoft's contract), or beta's as they are. */
export type V1EnumValues = 'declared' | 'beta';

/**
 * `value`, refused by the compiler when it has a property `Declared` lacks (Microsoft's types make every property
 * optional, so plain assignability would let any extra property through) or a property of another type.
 */
export function exactly<Declared>() {
  return <T extends Declared & Record<Exclude<keyof T, keyof Declared>, never>>(value: T): T =>
    value;
}

/**
 * v1.0's managedDevice as its metadata declares it. The types package (2.43.1) lacks `managementState`, which the
 * v1.0 metadata (msgraph-metadata clean_v10_metadata, in graph/metadata/graph-v1-managed-device.json) declares, as
 * an enum with beta's members plus unknownFutureValue; it is added here so that the check follows the metadata.
 */
export type V1ManagedDeviceDeclared = V1.ManagedDevice & {
  managementState?: Beta.ManagementState | 'unknownFutureValue';
};

/** v1.0's deviceEnrollmentType members, exhaustively: a missing or an extra member fails the type check. */
const V1_ENROLLMENT_TYPES = {
  unknown: true,
  userEnrollment: true,
  deviceEnrollmentManager: true,
  appleBulkWithUser: true,
  appleBulkWithoutUser: true,
  windowsAzureADJoin: true,
  windowsBulkUserless: true,
  windowsAutoEnrollment: true,
  windowsBulkAzureDomainJoin: true,
  windowsCoManagement: true,
  windowsAzureADJoinUsingDeviceAuth: true,
  appleUserEnrollment: true,
  appleUserEnrollmentWithServiceAccount: true,
  unknownFutureValue: true,
} as const satisfies Record<V1.DeviceEnrollmentType, true>;

/** v1.0's managementAgentType members (no unknownFutureValue among them). */
const V1_MANAGEMENT_AGENTS = {
  eas: true,
  mdm: true,
  easMdm: true,
  intuneClient: true,
  easIntuneClient: true,
  configurationManagerClient: true,
  configurationManagerClientMdm: true,
  configurationManagerClientMdmEas: true,
  unknown: true,
  jamf: true,
  googleCloudDevicePolicyController: true,
  microsoft365ManagedMdm: true,
  msSense: true,
} as const satisfies Record<V1.ManagementAgentType, true>;

const isV1EnrollmentType = (v: string): v is V1.DeviceEnrollmentType =>
  Object.hasOwn(V1_ENROLLMENT_TYPES, v);
const isV1ManagementAgent = (v: string): v is V1.ManagementAgentType =>
  Object.hasOwn(V1_MANAGEMENT_AGENTS, v);

/** A beta deviceEnrollmentType as v1.0 sends it: itself where v1.0 declares it, else the enum's sentinel. */
export function v1DeviceEnrollmentType(value: Beta.DeviceEnrollmentType): V1.DeviceEnrollmentType {
  return isV1EnrollmentType(value) ? value : 'unknownFutureValue';
}

/** A beta managementAgentType as v1.0 sends it: itself where declared, else `unknown` (v1.0 has no sentinel). */
export function v1ManagementAgent(value: Beta.ManagementAgentType): V1.ManagementAgentType {
  return isV1ManagementAgent(value) ? value : 'unknown';
}

/** The enum-typed fields whose vocabulary differs between the versions. */
export interface VersionedEnums {
  deviceEnrollmentType: Beta.DeviceEnrollmentType;
  managementAgent: Beta.ManagementAgentType;
}
type WithV1Enums<T> = Omit<T, keyof VersionedEnums> & {
  deviceEnrollmentType: V1.DeviceEnrollmentType;
  managementAgent: V1.ManagementAgentType;
};

/** `record` with v1.0's members for the versioned enums (its return type is what the compiler holds it to). */
function withV1Enums<T extends VersionedEnums>(record: T): WithV1Enums<T> {
  return {
    ...record,
    deviceEnrollmentType: v1DeviceEnrollmentType(record.deviceEnrollmentType),
    managementAgent: v1ManagementAgent(record.managementAgent),
  };
}

/**
 * A device's Graph record (or any part of it that has the two versioned enums) as `version` sends it: /beta sends
 * the tenant's values; /v1.0 only its declared members unless `v1EnumValues` is 'beta'. Pure; the console's tests
 * read the enrollment table through it.
 */
export function asSentBy<T extends VersionedEnums>(
  record: T,
  version: 'v1.0',
  v1EnumValues?: 'declared',
): WithV1Enums<T>;
export function asSentBy<T extends VersionedEnums>(
  record: T,
  version: GraphVersion,
  v1EnumValues?: V1EnumValues,
): T | WithV1Enums<T>;
export function asSentBy<T extends VersionedEnums>(
  record: T,
  version: GraphVersion,
  v1EnumValues: V1EnumValues = 'declared',
): T | WithV1Enums<T> {
  return version === 'v1.0' && v1EnumValues === 'declared' ? withV1Enums(record) : record;
}

type ActionResultTypes = {
  '#microsoft.graph.deviceActionResult': [V1.DeviceActionResult, Beta.DeviceActionResult];
  '#microsoft.graph.resetPasscodeActionResult': [
    V1.ResetPasscodeActionResult,
    Beta.ResetPasscodeActionResult,
  ];
  '#microsoft.graph.remoteLockActionResult': [
    V1.RemoteLockActionResult,
    Beta.RemoteLockActionResult,
  ];
};

/**
 * A deviceActionResults entry of one subtype as both versions declare it, with its `@odata.type` (the subtypes the
 * emulator reports exist alike in v1.0 and beta).
 */
export type ActionResultDeclared<K extends DeviceActionResultType> = {
  '@odata.type': K;
} & ActionResultTypes[K][0] &
  ActionResultTypes[K][1];

// The tenant's own type of an entry must stay within what both versions declare for some subtype.
const _entries = (r: DeviceActionResult): ActionResultDeclared<DeviceActionResultType> => r;

/** A device as /v1.0 sends it by default: v1.0's properties, v1.0's enum members (compile-time checked). */
export function v1Record(device: ManagedDevice) {
  return exactly<V1ManagedDeviceDeclared>()(withV1Enums(device));
}

/** A device as /beta sends it (and /v1.0 with v1EnumValues 'beta'): beta's values (compile-time checked). */
export function betaRecord(device: ManagedDevice) {
  return exactly<Beta.ManagedDevice>()(device);
}

/** Properties only beta declares, which the tenant keeps beside the device's record. */
export interface BetaOnlyFields {
  /** beta: "the UPN of the user responsible for the enrollment"; v1.0 has no such property. */
  enrolledByUserPrincipalName: string;
}

/** A device as /beta sends it, with the properties only beta declares (compile-time checked). */
export function betaRecordWith(device: ManagedDevice, betaOnly: BetaOnlyFields) {
  return exactly<Beta.ManagedDevice>()({ ...device, ...betaOnly });
}

/**
 * What `version` sends of `device` under the v1EnumValues switch (which is about enum values only: /v1.0 never sends
 * a property v1.0 does not declare).
 */
export function recordFor(
  device: ManagedDevice,
  version: GraphVersion,
  v1EnumValues: V1EnumValues,
  betaOnly: BetaOnlyFields,
): ReturnType<typeof v1Record> | ReturnType<typeof betaRecord> | ReturnType<typeof betaRecordWith> {
  if (version === 'beta') return betaRecordWith(device, betaOnly);
  return v1EnumValues === 'declared' ? v1Record(device) : betaRecord(device);
}
