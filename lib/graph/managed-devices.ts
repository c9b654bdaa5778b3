import 'server-only';
// Reading managed devices from Intune through Graph, reshaped into what the console shows: Graph's
// placeholder dates become null, missing text becomes '', unknown enum values become 'unknown'.
import { z } from 'zod';
import type { DeviceDetail, DeviceListItem } from '@/lib/devices/types';
import { graphGet } from './client';

/** The fields a helpdesk needs in the list; asking for these only keeps pages small. */
export const DEVICE_LIST_FIELDS = [
  'id', 'deviceName', 'userId', 'userPrincipalName', 'userDisplayName', 'emailAddress', 'operatingSystem', 'osVersion',
  'managementAgent', 'model', 'manufacturer', 'serialNumber', 'imei', 'managedDeviceOwnerType', 'complianceState',
  'lastSyncDateTime',
] as const;

export const DEVICE_DETAIL_FIELDS = [
  ...DEVICE_LIST_FIELDS, 'meid', 'phoneNumber', 'deviceEnrollmentType', 'enrollmentProfileName', 'isSupervised',
  'isEncrypted', 'enrolledDateTime', 'azureADDeviceId', 'deviceActionResults',
] as const;

const graphDate = z.string().nullable().optional().transform((v) => (!v || v.startsWith('0001-') ? null : v));
const text = z.string().nullable().optional().transform((v) => v ?? '');

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
  complianceState: z.enum(['unknown', 'compliant', 'noncompliant', 'conflict', 'error', 'inGracePeriod', 'configManager']).catch('unknown'),
  lastSyncDateTime: graphDate,
}) satisfies z.ZodType<DeviceListItem>;

const ActionResult = z.object({
  actionName: z.string(),
  actionState: z.enum(['none', 'pending', 'canceled', 'active', 'done', 'failed', 'notSupported']).catch('none'),
  startDateTime: graphDate,
  lastUpdatedDateTime: graphDate,
});

const ManagedDeviceDetail = ManagedDeviceListItem.extend({
  meid: text,
  phoneNumber: text,
  deviceEnrollmentType: text,
  enrollmentProfileName: text,
  isSupervised: z.boolean().nullable().optional().transform((v) => v ?? false),
  isEncrypted: z.boolean().nullable().optional().transform((v) => v ?? false),
  enrolledDateTime: graphDate,
  azureADDeviceId: text,
  deviceActionResults: z.array(ActionResult).nullable().optional().transform((v) => v ?? []),
}) satisfies z.ZodType<DeviceDetail>;

export const ManagedDevicePage = z.object({
  value: z.array(ManagedDeviceListItem),
  '@odata.nextLink': z.string().optional(),
});

export async function getManagedDevice(token: string, id: string, opts: { signal?: AbortSignal } = {}): Promise<DeviceDetail> {
  const { data } = await graphGet({
    path: `/deviceManagement/managedDevices/${encodeURIComponent(id)}`,
    query: { $select: DEVICE_DETAIL_FIELDS.join(',') },
    token, schema: ManagedDeviceDetail, signal: opts.signal,
  });
  return data;
}

const DeviceSummary = z.object({ id: z.string(), deviceName: text, userPrincipalName: text, operatingSystem: text });
export type DeviceSummary = z.infer<typeof DeviceSummary>;

/** The few fields an action needs about its device (and proof that Graph accepts the agent's token). */
export async function getDeviceSummary(token: string, id: string): Promise<DeviceSummary> {
  const { data } = await graphGet({
    path: `/deviceManagement/managedDevices/${encodeURIComponent(id)}`,
    query: { $select: 'id,deviceName,userPrincipalName,operatingSystem' },
    token, schema: DeviceSummary,
  });
  return data;
}

const ActionResults = z.object({
  id: z.string(),
  deviceActionResults: z.array(ActionResult).nullable().optional().transform((v) => v ?? []),
});

/** The device's remote-action results, which is how Microsoft reads an action's progress. */
export async function getDeviceActionResults(token: string, id: string) {
  const { data } = await graphGet({
    path: `/deviceManagement/managedDevices/${encodeURIComponent(id)}`,
    query: { $select: 'id,deviceActionResults' },
    token, schema: ActionResults,
  });
  return data.deviceActionResults;
}
