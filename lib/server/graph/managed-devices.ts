import 'server-only';
// Reading managed devices from Intune through Graph, in two steps. First Graph's own shape, checked at compile
// time against Microsoft's published v1.0 types (`GraphManagedDevice` must satisfy `ManagedDevice` from
// @microsoft/microsoft-graph-types): an enum value v1.0 does not declare is mapped to the enum's sentinel
// (unknownFutureValue, or unknown where the enum has none), and the value as sent is kept in `reported`, since the
// words ("Unknown (value)") and the passcode rule (a beta value v1.0 passed through) need it. Then the console's
// shape: Graph's placeholder dates become null, missing text becomes ''.
import type { ManagedDevice } from '@microsoft/microsoft-graph-types';
import type { ManagedDevice as BetaManagedDevice } from '@microsoft/microsoft-graph-types-beta';
import { z } from 'zod';
import {
  isMember,
  V1_ACTION_STATES,
  V1_COMPLIANCE_STATES,
  V1_DEVICE_ENROLLMENT_TYPES,
  V1_MANAGEMENT_AGENTS,
  V1_MANAGEMENT_STATES,
  V1_OWNER_TYPES,
  V1_PARTNER_THREAT_STATES,
} from '@/lib/shared/devices/graph-enums';
import { deviceRisk, type DeviceRisk } from '@/lib/shared/trust/caller';
import type { DeviceActionResult, DeviceDetail, DeviceListItem } from '@/lib/shared/devices/types';
import type { PlanFields } from '@/lib/shared/devices/passcode-plan';
import { graphGet, type WaitBudget } from './client';
import { realDate } from './graph-date';

/** A v1.0 enum property: a declared member as it is; any other value (beta's, or one Microsoft adds) the fallback. */
export const declaredMember = <const T extends readonly [string, ...string[]]>(
  members: T,
  fallback: T[number],
) =>
  z
    .string()
    .nullable()
    .optional()
    .transform((v): T[number] => (v != null && isMember(members, v) ? v : fallback));

const nullableText = z.string().nullable().optional();
/** Graph declares these non-nullable; a null is read as absent rather than refusing the device. */
const optionalText = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? undefined);
const optionalBoolean = z
  .boolean()
  .nullable()
  .optional()
  .transform((v) => v ?? undefined);
const rawValue = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);

const GraphActionResult = z.preprocess(
  // Graph names the subtype `@odata.type`; the console reads it as `odataType`.
  (raw) =>
    typeof raw === 'object' && raw !== null && '@odata.type' in raw
      ? { ...raw, odataType: (raw as Record<string, unknown>)['@odata.type'] }
      : raw,
  z.object({
    actionName: nullableText,
    actionState: declaredMember(V1_ACTION_STATES, 'none'),
    startDateTime: optionalText,
    lastUpdatedDateTime: optionalText,
    odataType: rawValue,
    // resetPasscodeActionResult's own fields: Int32 errorCode, and the passcode (a secret, server-only).
    errorCode: z
      .number()
      .int()
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    passcode: rawValue,
  }),
);

/** Every managedDevice property the console reads, as v1.0 declares it. */
const GraphManagedDeviceFields = z.object({
  id: z.string(),
  deviceName: nullableText,
  userId: nullableText,
  userPrincipalName: nullableText,
  userDisplayName: nullableText,
  emailAddress: nullableText,
  operatingSystem: nullableText,
  osVersion: nullableText,
  managementAgent: declaredMember(V1_MANAGEMENT_AGENTS, 'unknown'),
  model: nullableText,
  manufacturer: nullableText,
  serialNumber: nullableText,
  imei: nullableText,
  meid: nullableText,
  phoneNumber: nullableText,
  managedDeviceOwnerType: declaredMember(V1_OWNER_TYPES, 'unknownFutureValue'),
  deviceEnrollmentType: declaredMember(V1_DEVICE_ENROLLMENT_TYPES, 'unknownFutureValue'),
  enrollmentProfileName: nullableText,
  isSupervised: optionalBoolean,
  isEncrypted: optionalBoolean,
  managementState: declaredMember(V1_MANAGEMENT_STATES, 'unknownFutureValue'),
  complianceState: declaredMember(V1_COMPLIANCE_STATES, 'unknown'),
  lastSyncDateTime: optionalText,
  enrolledDateTime: optionalText,
  azureADDeviceId: nullableText,
  jailBroken: nullableText,
  partnerReportedThreatState: declaredMember(V1_PARTNER_THREAT_STATES, 'unknown'),
  deviceActionResults: z.array(GraphActionResult).nullable().optional(),
  /** The enum values as Graph sent them, before any was mapped to a declared member. */
  reported: z.object({
    deviceEnrollmentType: rawValue,
    managementAgent: rawValue,
    managementState: rawValue,
    partnerReportedThreatState: rawValue,
  }),
});
type GraphManagedDeviceFields = z.output<typeof GraphManagedDeviceFields>;

/**
 * @microsoft/microsoft-graph-types 2.43.1 leaves managementState out of ManagedDevice although v1.0's metadata
 * declares it: it is checked against beta's enum plus v1.0's sentinel.
 */
type V1ManagedDevice = ManagedDevice & {
  managementState?: NonNullable<BetaManagedDevice['managementState']> | 'unknownFutureValue';
};

/** One managedDevice as v1.0 declares it, the values as sent kept in `reported`. */
export const GraphManagedDevice = z.preprocess((raw) => {
  if (typeof raw !== 'object' || raw === null) return raw;
  const r = raw as Record<string, unknown>;
  const reported = {
    deviceEnrollmentType: r.deviceEnrollmentType,
    managementAgent: r.managementAgent,
    managementState: r.managementState,
    partnerReportedThreatState: r.partnerReportedThreatState,
  };
  return { ...r, reported };
}, GraphManagedDeviceFields) satisfies z.ZodType<V1ManagedDevice>;
export type GraphManagedDevice = z.output<typeof GraphManagedDevice>;

const text = (v: string | null | undefined) => v ?? '';

/** The console's shape of a device: what the list shows and the one rule reads (enum values as Graph sent them). */
export function listItemOf(g: GraphManagedDeviceFields): DeviceListItem {
  return {
    id: g.id,
    deviceName: text(g.deviceName),
    userId: text(g.userId),
    userPrincipalName: text(g.userPrincipalName),
    userDisplayName: text(g.userDisplayName),
    emailAddress: text(g.emailAddress),
    operatingSystem: text(g.operatingSystem),
    osVersion: text(g.osVersion),
    managementAgent: g.reported.managementAgent ?? '',
    model: text(g.model),
    manufacturer: text(g.manufacturer),
    serialNumber: text(g.serialNumber),
    imei: text(g.imei),
    managedDeviceOwnerType:
      g.managedDeviceOwnerType === 'unknownFutureValue' ? 'unknown' : g.managedDeviceOwnerType,
    deviceEnrollmentType: g.reported.deviceEnrollmentType ?? '',
    isSupervised: g.isSupervised ?? false,
    managementState: g.reported.managementState ?? 'managed',
    complianceState: g.complianceState,
    lastSyncDateTime: realDate(g.lastSyncDateTime),
  };
}

function actionResultOf(r: z.output<typeof GraphActionResult>): DeviceActionResult {
  return {
    actionName: text(r.actionName),
    actionState: r.actionState,
    startDateTime: realDate(r.startDateTime),
    lastUpdatedDateTime: realDate(r.lastUpdatedDateTime),
    errorCode: r.errorCode,
  };
}

/**
 * An entry as tracking and the passcode reveal read it: its subtype, and a resetPasscodeActionResult's passcode.
 * Server-only: the passcode leaves the server in one answer, the reveal's, and never through DeviceActionResult.
 */
export type TrackedActionResult = DeviceActionResult & {
  odataType: string | null;
  passcode: string | null;
};

/** The fields a helpdesk needs in the list; asking for these only keeps pages small. */
export const DEVICE_LIST_FIELDS = [
  'id',
  'deviceName',
  'userId',
  'userPrincipalName',
  'userDisplayName',
  'emailAddress',
  'operatingSystem',
  'osVersion',
  'managementAgent',
  'model',
  'manufacturer',
  'serialNumber',
  'imei',
  'managedDeviceOwnerType',
  'deviceEnrollmentType',
  'isSupervised',
  'managementState',
  'complianceState',
  'lastSyncDateTime',
] as const satisfies readonly (keyof ManagedDevice | 'managementState')[];

export const ManagedDevicePage = z.object({
  value: z.array(GraphManagedDevice.transform(listItemOf)),
  '@odata.nextLink': z.string().optional(),
});

/** The remote-action results, with the last check-in and what the one rule reads. */
export type ActionResultsView = Pick<
  DeviceListItem,
  | 'id'
  | 'userId'
  | 'operatingSystem'
  | 'osVersion'
  | 'managementAgent'
  | 'deviceEnrollmentType'
  | 'managedDeviceOwnerType'
  | 'managementState'
  | 'lastSyncDateTime'
> & { deviceActionResults: TrackedActionResult[] };

/** What the one passcode rule reads from v1.0, beside the fields the action records. */
const PLAN_FIELDS = [
  'operatingSystem',
  'osVersion',
  'managementAgent',
  'deviceEnrollmentType',
  'managedDeviceOwnerType',
  'enrollmentProfileName',
  'managementState',
] as const;

/**
 * What a single-device read can ask for: everything a helpdesk checks (`detail`), the few fields an action
 * records and the one rule decides by (`summary`, also proof that Graph accepts the agent's token), or the
 * remote-action results, which is how Microsoft reads an action's progress, with the last check-in and the rule's
 * fields (`actionResults`). Each view names its `$select` and its shape.
 */
const DEVICE_VIEWS = {
  detail: {
    select: [
      ...DEVICE_LIST_FIELDS,
      'meid',
      'phoneNumber',
      'enrollmentProfileName',
      'isEncrypted',
      'enrolledDateTime',
      'azureADDeviceId',
      'deviceActionResults',
    ],
    shape: (g: GraphManagedDeviceFields): DeviceDetail => ({
      ...listItemOf(g),
      meid: text(g.meid),
      phoneNumber: text(g.phoneNumber),
      enrollmentProfileName: text(g.enrollmentProfileName),
      isEncrypted: g.isEncrypted ?? false,
      enrolledDateTime: realDate(g.enrolledDateTime),
      azureADDeviceId: text(g.azureADDeviceId),
      deviceActionResults: (g.deviceActionResults ?? []).map(actionResultOf),
    }),
  },
  summary: {
    select: [
      'id',
      'deviceName',
      'userId',
      'userPrincipalName',
      'userDisplayName',
      'serialNumber',
      ...PLAN_FIELDS,
    ],
    shape: (g: GraphManagedDeviceFields) => ({
      ...listItemOf(g),
      enrollmentProfileName: text(g.enrollmentProfileName),
    }),
  },
  /** Whose device it is and the device's own risk signals: what the Caller panel and a caller check start from. */
  caller: {
    select: [
      'id',
      'deviceName',
      'userId',
      'userPrincipalName',
      'userDisplayName',
      'jailBroken',
      'partnerReportedThreatState',
      ...PLAN_FIELDS,
    ],
    shape: (g: GraphManagedDeviceFields): DeviceOfCaller => {
      const item = listItemOf(g);
      return {
        id: g.id,
        deviceName: text(g.deviceName),
        userId: text(g.userId).toLowerCase(),
        userPrincipalName: text(g.userPrincipalName),
        userDisplayName: text(g.userDisplayName),
        risk: deviceRisk(g.jailBroken ?? null, g.reported.partnerReportedThreatState),
        plan: {
          operatingSystem: item.operatingSystem,
          osVersion: item.osVersion,
          managementAgent: item.managementAgent,
          deviceEnrollmentType: item.deviceEnrollmentType,
          managedDeviceOwnerType: item.managedDeviceOwnerType,
          managementState: item.managementState,
        },
      };
    },
  },
  actionResults: {
    select: ['id', 'userId', ...PLAN_FIELDS, 'lastSyncDateTime', 'deviceActionResults'],
    shape: (g: GraphManagedDeviceFields): ActionResultsView => ({
      ...listItemOf(g),
      deviceActionResults: (g.deviceActionResults ?? []).map((r): TrackedActionResult => ({
        ...actionResultOf(r),
        odataType: r.odataType,
        passcode: r.passcode,
      })),
    }),
  },
} as const;
export type DeviceView = keyof typeof DEVICE_VIEWS;

/**
 * A device as the Caller panel reads it: its user ('' when it has no primary user), its risk signals, and the fields
 * the one rule decides its passcode action by (which kind the four-eyes policy is asked about).
 */
export interface DeviceOfCaller {
  id: string;
  deviceName: string;
  userId: string;
  userPrincipalName: string;
  userDisplayName: string;
  risk: DeviceRisk;
  plan: PlanFields;
}
export type DeviceSummary = ReturnType<(typeof DEVICE_VIEWS)['summary']['shape']>;

export async function getManagedDevice<V extends DeviceView>(
  token: string,
  id: string,
  view: V,
  opts: { signal?: AbortSignal; budget?: WaitBudget } = {},
): Promise<ReturnType<(typeof DEVICE_VIEWS)[V]['shape']>> {
  const { select, shape } = DEVICE_VIEWS[view];
  const { data } = await graphGet({
    path: `/deviceManagement/managedDevices/${encodeURIComponent(id)}`,
    query: { $select: select.join(',') },
    token,
    schema: GraphManagedDevice,
    signal: opts.signal,
    budget: opts.budget,
  });
  // TypeScript cannot follow a shape picked by a generic key; the view's own shape made it.
  return shape(data) as ReturnType<(typeof DEVICE_VIEWS)[V]['shape']>;
}
