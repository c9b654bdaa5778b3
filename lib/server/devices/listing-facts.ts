// Where the server decides what a list row (or the device page) says beyond the device's own record: its same-named
// twins among its user's devices (a re-enrolment leaves two records, and the agent must act on the one in the
// caller's hand), with the one that synced last first; and, in a user's list, that the searched user is not the
// device's primary user (Graph lists a device under the person who enrolled it too). Pure: the search decides which
// devices it knows; one device found by serial or IMEI gets its user's devices read for it (device-search.ts).
import 'server-only';
import type { DeviceListItem, ListingFacts, TwinRef } from '@/lib/shared/devices/types';

type Named = Pick<
  DeviceListItem,
  'id' | 'userId' | 'userPrincipalName' | 'deviceName' | 'serialNumber' | 'lastSyncDateTime'
>;

/** One user's (by object id, else UPN) devices of one name, however Graph spelled the name's case. */
export const twinKey = (d: Pick<Named, 'userId' | 'userPrincipalName' | 'deviceName'>) =>
  `${(d.userId || d.userPrincipalName).toLowerCase()}\u0000${d.deviceName.normalize('NFC').toLowerCase()}`;

const syncedAt = (d: Pick<Named, 'lastSyncDateTime'>) =>
  d.lastSyncDateTime === null ? -Infinity : Date.parse(d.lastSyncDateTime);

/** Newest sync first; a tie keeps Graph's order (sort is stable). */
const bySyncDescending = (a: Named, b: Named) => syncedAt(b) - syncedAt(a);

const refOf = (d: Named): TwinRef => ({
  id: d.id,
  serialNumber: d.serialNumber,
  lastSyncDateTime: d.lastSyncDateTime,
});

/**
 * Each device's twins among `known` (the listed devices plus, when given, their user's other devices): null without
 * a twin; `newest` for the one that synced last (a device without a name, or without a user, has no twin).
 */
export function twinsOf(device: Named, known: readonly Named[]): ListingFacts['twins'] {
  if (!device.deviceName || !(device.userId || device.userPrincipalName)) return null;
  const key = twinKey(device);
  const seen = new Set<string>();
  const group = known
    .filter((o) => twinKey(o) === key && !seen.has(o.id) && seen.add(o.id))
    .concat(seen.has(device.id) ? [] : [device])
    .sort(bySyncDescending);
  if (group.length < 2) return null;
  return {
    newest: group[0]?.id === device.id,
    others: group.filter((o) => o.id !== device.id).map(refOf),
  };
}

/**
 * Twins listed next to each other, the one that synced last first, at the place of the group's first member; every
 * other device keeps Graph's order.
 */
export function orderTwins<T extends Named>(devices: readonly T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const d of devices) {
    const key = twinKey(d);
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const placed = new Set<string>();
  const out: T[] = [];
  for (const d of devices) {
    const key = twinKey(d);
    if (placed.has(key)) continue;
    placed.add(key);
    out.push(...[...(groups.get(key) ?? [d])].sort(bySyncDescending));
  }
  return out;
}

/**
 * The user whose list holds the device while someone else (or nobody) is its primary user. `listedFor` is the UPN
 * the search read `/users/{upn}/managedDevices` with; v1.0's userPrincipalName is the primary user's.
 */
export function listedForOther(
  device: Pick<DeviceListItem, 'userPrincipalName'>,
  listedFor: string | null,
): string | null {
  if (!listedFor) return null;
  return device.userPrincipalName.toLowerCase() === listedFor.toLowerCase() ? null : listedFor;
}

/** The listing facts of every device of a page (or of one device), ordered with its twins. */
export function withListingFacts<T extends Named>(
  devices: readonly T[],
  opts: { userDevices?: readonly Named[]; listedFor?: string | null } = {},
): (T & ListingFacts)[] {
  const known = [...devices, ...(opts.userDevices ?? [])];
  return orderTwins(devices).map((d) => ({
    ...d,
    twins: twinsOf(d, known),
    listedFor: listedForOther(d, opts.listedFor ?? null),
  }));
}
