import 'server-only';
// Reading managed devices from Intune through Graph, reshaped into what the console shows.
import { z } from 'zod';
import type { DeviceListItem, DeviceListPage } from '@/lib/devices/types';
import { graphGet } from './client';

/** The fields a helpdesk needs in the list; asking for these only keeps pages small. */
export const DEVICE_LIST_FIELDS = [
  'id', 'deviceName', 'userPrincipalName', 'userDisplayName', 'operatingSystem', 'osVersion', 'model',
  'manufacturer', 'serialNumber', 'complianceState', 'lastSyncDateTime',
] as const;

const PLACEHOLDER_YEAR = '0001-';
const graphDate = z.string().nullable().optional().transform((v) => (!v || v.startsWith(PLACEHOLDER_YEAR) ? null : v));
const text = z.string().nullable().optional().transform((v) => v ?? '');

const ManagedDeviceListItem = z.object({
  id: z.string(),
  deviceName: text,
  userPrincipalName: text,
  userDisplayName: text,
  operatingSystem: text,
  osVersion: text,
  model: text,
  manufacturer: text,
  serialNumber: text,
  complianceState: z.enum(['unknown', 'compliant', 'noncompliant', 'conflict', 'error', 'inGracePeriod', 'configManager']).catch('unknown'),
  lastSyncDateTime: graphDate,
});

const ManagedDevicePage = z.object({
  value: z.array(ManagedDeviceListItem),
  '@odata.nextLink': z.string().optional(),
});

export const FIRST_PAGE_SIZE = 100;

export async function listManagedDevices(token: string, opts: { signal?: AbortSignal } = {}): Promise<DeviceListPage> {
  const { data } = await graphGet({
    path: '/deviceManagement/managedDevices',
    token,
    query: { $select: DEVICE_LIST_FIELDS.join(','), $top: String(FIRST_PAGE_SIZE) },
    schema: ManagedDevicePage,
    signal: opts.signal,
  });
  const devices: DeviceListItem[] = data.value;
  return { devices, hasMore: data['@odata.nextLink'] !== undefined };
}
