// The OData query options Graph honours on managedDevices lists: $select, $top, $count, and server-driven
// paging with an opaque $skiptoken in @odata.nextLink.
import type { ManagedDevice } from '../tenant/types';

export const MAX_PAGE_SIZE = 1000;
const MANAGED_DEVICE_PROPERTIES = new Set<string>([
  'id', 'userId', 'deviceName', 'managedDeviceOwnerType', 'enrolledDateTime', 'lastSyncDateTime', 'operatingSystem',
  'complianceState', 'jailBroken', 'managementAgent', 'osVersion', 'easActivated', 'easDeviceId', 'easActivationDateTime',
  'azureADRegistered', 'deviceEnrollmentType', 'emailAddress', 'azureADDeviceId', 'deviceRegistrationState',
  'deviceCategoryDisplayName', 'isSupervised', 'exchangeLastSuccessfulSyncDateTime', 'exchangeAccessState',
  'exchangeAccessStateReason', 'isEncrypted', 'userPrincipalName', 'model', 'manufacturer', 'imei',
  'complianceGracePeriodExpirationDateTime', 'serialNumber', 'phoneNumber', 'androidSecurityPatchLevel', 'userDisplayName',
  'wiFiMacAddress', 'subscriberCarrier', 'meid', 'totalStorageSpaceInBytes', 'freeStorageSpaceInBytes', 'managedDeviceName',
  'partnerReportedThreatState', 'managementCertificateExpirationDate', 'iccid', 'udid', 'notes', 'ethernetMacAddress',
  'physicalMemoryInBytes', 'enrollmentProfileName', 'deviceActionResults',
]);

export class ODataError extends Error {}

export interface ListQuery {
  select: (keyof ManagedDevice)[] | null;
  top: number;
  offset: number;
  count: boolean;
}

export function parseListQuery(query: Record<string, string>): ListQuery {
  const select = query.$select === undefined ? null : parseSelect(query.$select);
  let top = MAX_PAGE_SIZE;
  if (query.$top !== undefined) {
    if (!/^\d+$/.test(query.$top)) throw new ODataError(`Invalid value '${query.$top}' for $top query option found. The $top query option requires a non-negative integer value.`);
    top = Math.min(Number(query.$top), MAX_PAGE_SIZE);
  }
  let offset = 0;
  if (query.$skiptoken !== undefined) offset = decodeSkipToken(query.$skiptoken);
  const countRaw = query.$count?.toLowerCase();
  if (countRaw !== undefined && countRaw !== 'true' && countRaw !== 'false') {
    throw new ODataError(`Invalid value '${query.$count}' for $count query option found. Valid values are 'true', 'false'.`);
  }
  return { select, top, offset, count: countRaw === 'true' };
}

function parseSelect(raw: string): (keyof ManagedDevice)[] {
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) {
    if (!MANAGED_DEVICE_PROPERTIES.has(name)) {
      throw new ODataError(`Could not find a property named '${name}' on type 'microsoft.graph.managedDevice'.`);
    }
  }
  return names as (keyof ManagedDevice)[];
}

export function project(device: ManagedDevice, select: ListQuery['select']): Partial<ManagedDevice> {
  if (!select) return device;
  const out: Record<string, unknown> = {};
  for (const name of select) out[name] = device[name];
  return out as Partial<ManagedDevice>;
}

// The token is opaque to clients (they must follow nextLink as given); the "v1." prefix lets us change it later.
export function encodeSkipToken(offset: number): string {
  return `v1.${Buffer.from(JSON.stringify({ o: offset })).toString('base64url')}`;
}

function decodeSkipToken(token: string): number {
  try {
    if (!token.startsWith('v1.')) throw new Error('prefix');
    const { o } = JSON.parse(Buffer.from(token.slice(3), 'base64url').toString()) as { o: unknown };
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through to the error Graph gives for a token it did not issue
  }
  throw new ODataError('The $skiptoken is invalid or has expired.');
}

export interface Page<T> {
  '@odata.context': string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: T[];
}

/** One page of `items`, with a nextLink that repeats the caller's query and carries the position. */
export function page<T>(
  items: readonly ManagedDevice[], q: ListQuery, links: { context: string; self: URL }, shape: (d: ManagedDevice) => T,
): Page<T> {
  const slice = items.slice(q.offset, q.offset + q.top);
  const result: Page<T> = {
    '@odata.context': q.select ? `${links.context}(${q.select.join(',')})` : links.context,
    value: slice.map(shape),
  };
  if (q.count) result['@odata.count'] = items.length;
  if (q.offset + q.top < items.length && q.top > 0) {
    const next = new URL(links.self);
    next.searchParams.set('$skiptoken', encodeSkipToken(q.offset + q.top));
    result['@odata.nextLink'] = next.toString();
  }
  return result;
}
