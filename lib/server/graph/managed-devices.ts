import 'server-only';
// Reading managed devices from Intune through Graph, reshaped into what the console shows: Graph's
// placeholder dates become null, missing text becomes '', unknown enum values become 'unknown'.
import { z } from 'zod';
import type { DeviceActionResult, DeviceDetail, DeviceListItem } from '@/lib/shared/devices/types';
import { graphGet, type WaitBudget } from './client';

const graphDate = z
  .string()
  .nullable()
  .optional()
  .transform((v) => (!v || v.startsWith('0001-') ? null : v));
const text = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? '');

export const ManagedDeviceListItem = z.object({
  id: z.string(),
  deviceName: text,
  userId: text,
  userPrincipalName: text,
  userDisplayName: text,
  emailAddress: text,
  operatingSystem: text,
  osVersion: text,
  managementAgent: text,
  model: text,
  manufacturer: text,
  serialNumber: text,
  imei: text,
  managedDeviceOwnerType: z.enum(['company', 'personal', 'unknown']).catch('unknown'),
  deviceEnrollmentType: text,
  isSupervised: z
    .boolean()
    .nullable()
    .optional()
    .transform((v) => v ?? false),
  managementState: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? 'managed'),
  complianceState: z
    .enum([
      'unknown',
      'compliant',
      'noncompliant',
      'conflict',
      'error',
      'inGracePeriod',
      'configManager',
    ])
    .catch('unknown'),
  lastSyncDateTime: graphDate,
}) satisfies z.ZodType<DeviceListItem>;

/** The fields a helpdesk needs in the list; asking for these only keeps pages small. */
export const DEVICE_LIST_FIELDS = Object.keys(ManagedDeviceListItem.shape);

const ActionResult = z.object({
  actionName: z.string(),
  actionState: z
    .enum(['none', 'pending', 'canceled', 'active', 'done', 'failed', 'notSupported'])
    .catch('none'),
  startDateTime: graphDate,
  lastUpdatedDateTime: graphDate,
  errorCode: z
    .number()
    .int()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
}) satisfies z.ZodType<DeviceActionResult>;

/**
 * An entry as tracking and the passcode reveal read it: its subtype, and a resetPasscodeActionResult's passcode.
 * Server-only: the passcode leaves the server in one answer, the reveal's, and never through DeviceActionResult.
 */
const TrackedActionResult = ActionResult.extend({
  odataType: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  passcode: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type TrackedActionResult = z.infer<typeof TrackedActionResult>;

const ManagedDeviceDetail = ManagedDeviceListItem.extend({
  meid: text,
  phoneNumber: text,
  enrollmentProfileName: text,
  isEncrypted: z
    .boolean()
    .nullable()
    .optional()
    .transform((v) => v ?? false),
  enrolledDateTime: graphDate,
  azureADDeviceId: text,
  deviceActionResults: z
    .array(ActionResult)
    .nullable()
    .optional()
    .transform((v) => v ?? []),
}) satisfies z.ZodType<DeviceDetail>;

export const ManagedDevicePage = z.object({
  value: z.array(ManagedDeviceListItem),
  '@odata.nextLink': z.string().optional(),
});

/** What the passcode action records and decides by (the one rule needs the enrollment fields). */
const DeviceSummary = ManagedDeviceListItem.pick({
  id: true,
  deviceName: true,
  userPrincipalName: true,
  userDisplayName: true,
  serialNumber: true,
  operatingSystem: true,
  osVersion: true,
  managementAgent: true,
  deviceEnrollmentType: true,
  managedDeviceOwnerType: true,
  managementState: true,
});
export type DeviceSummary = z.infer<typeof DeviceSummary>;

/** Graph names the subtype `@odata.type`; the console reads it as `odataType`. */
const TrackedEntry = z.preprocess(
  (raw) =>
    typeof raw === 'object' && raw !== null && '@odata.type' in raw
      ? { ...raw, odataType: (raw as Record<string, unknown>)['@odata.type'] }
      : raw,
  TrackedActionResult,
);

const DeviceActionResults = ManagedDeviceListItem.pick({
  operatingSystem: true,
  osVersion: true,
  managementAgent: true,
  deviceEnrollmentType: true,
  managedDeviceOwnerType: true,
}).extend({
  id: z.string(),
  managementState: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? 'managed'),
  lastSyncDateTime: graphDate,
  deviceActionResults: z
    .array(TrackedEntry)
    .nullable()
    .optional()
    .transform((v) => v ?? []),
});

/**
 * What a single-device read can ask for: everything a helpdesk checks (`detail`), the few fields an action
 * records (`summary`, also proof that Graph accepts the agent's token), or the remote-action results, which is
 * how Microsoft reads an action's progress, with the last check-in and the fields the one passcode rule reads
 * (`actionResults`). `$select` is the schema's own keys, so what is
 * asked and what is read cannot drift apart.
 */
const DEVICE_VIEWS = {
  detail: ManagedDeviceDetail,
  summary: DeviceSummary,
  actionResults: DeviceActionResults,
} as const;
export type DeviceView = keyof typeof DEVICE_VIEWS;

export async function getManagedDevice<V extends DeviceView>(
  token: string,
  id: string,
  view: V,
  opts: { signal?: AbortSignal; budget?: WaitBudget } = {},
): Promise<z.infer<(typeof DEVICE_VIEWS)[V]>> {
  const select = Object.keys(DEVICE_VIEWS[view].shape).join(',');
  // TypeScript cannot follow a schema picked by a generic key; the schema of `view` parsed `data`.
  const schema: z.ZodType = DEVICE_VIEWS[view];
  const { data } = await graphGet({
    path: `/deviceManagement/managedDevices/${encodeURIComponent(id)}`,
    query: { $select: select },
    token,
    schema,
    signal: opts.signal,
    budget: opts.budget,
  });
  return data as z.infer<(typeof DEVICE_VIEWS)[V]>;
}
