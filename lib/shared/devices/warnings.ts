// Where an agent could act on the wrong device, or act in vain: one user with several devices of the same
// name (re-enrolment), a device that has not synced for a week, a wipe or retire pending on the device (Intune
// ignores other actions until it completes). Which action a device supports at all is the passcode rule's.
import type { DeviceListItem } from './types';

export const STALE_AFTER_DAYS = 7;
const DAY_MS = 86_400_000;

export type WarningKind = 'sameName' | 'stale' | 'managementPending';

export const PRECEDING_STATES: Readonly<Record<string, PendingManagement>> = {
  wipePending: 'wipe',
  wipeIssued: 'wipe',
  retirePending: 'retire',
  retireIssued: 'retire',
  deletePending: 'delete',
};

export type PendingManagement = 'wipe' | 'retire' | 'delete';

/** What the agent is warned of, as data: the browser words it in the agent's language. */
export type DeviceWarning =
  | { kind: 'sameName'; count: number; name: string }
  | { kind: 'stale'; days: number }
  | { kind: 'managementPending'; what: PendingManagement };

const nameKey = (d: Pick<DeviceListItem, 'userId' | 'userPrincipalName' | 'deviceName'>) =>
  `${(d.userId || d.userPrincipalName).toLowerCase()}\u0000${d.deviceName.normalize('NFC').toLowerCase()}`;

/** Whether two devices are one user's and carry the same name (the re-enrolment case). */
export function sameName(
  a: Pick<DeviceListItem, 'userId' | 'userPrincipalName' | 'deviceName'>,
  b: Pick<DeviceListItem, 'userId' | 'userPrincipalName' | 'deviceName'>,
): boolean {
  return nameKey(a) === nameKey(b);
}

/** How many devices of the same user share each name, over the devices loaded so far. */
export function countSameNames(devices: readonly DeviceListItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of devices) counts.set(nameKey(d), (counts.get(nameKey(d)) ?? 0) + 1);
  return counts;
}

/** Whole days since the device last checked in, when that is STALE_AFTER_DAYS or more; null otherwise. */
export function silentDays(lastSyncDateTime: string | null, now: number): number | null {
  if (lastSyncDateTime === null) return null;
  const days = Math.floor((now - Date.parse(lastSyncDateTime)) / DAY_MS);
  return days >= STALE_AFTER_DAYS ? days : null;
}

export function deviceWarnings(
  d: DeviceListItem,
  sameNames: Map<string, number>,
  now: number,
): DeviceWarning[] {
  const out: DeviceWarning[] = [];
  const same = sameNames.get(nameKey(d)) ?? 1;
  if (same > 1) out.push({ kind: 'sameName', count: same, name: d.deviceName });
  const days = silentDays(d.lastSyncDateTime, now);
  if (days !== null) out.push({ kind: 'stale', days });
  const pending = PRECEDING_STATES[d.managementState];
  if (pending) out.push({ kind: 'managementPending', what: pending });
  return out;
}
