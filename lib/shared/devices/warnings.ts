// Where an agent could act on the wrong device, or act in vain: one user with several devices of the same
// name (re-enrolment), a device listed for someone who is not its primary user, a device that has not synced for a
// week, a wipe or retire pending on the device (Intune ignores other actions until it completes). Which action a
// device supports at all is the passcode rule's. Twins and the listing's user are the server's word (the browser
// sees one page, or one device); this module only turns those facts and the device into warnings.
import type { DeviceListItem, ListingFacts } from './types';

export const STALE_AFTER_DAYS = 7;
const DAY_MS = 86_400_000;

export type WarningKind = 'sameName' | 'otherPrimaryUser' | 'stale' | 'managementPending';

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
  | { kind: 'sameName'; count: number; name: string; newest: boolean }
  | { kind: 'otherPrimaryUser'; listedFor: string; primary: string | null }
  | { kind: 'stale'; days: number }
  | { kind: 'managementPending'; what: PendingManagement };

/** Whole days since the device last checked in, when that is STALE_AFTER_DAYS or more; null otherwise. */
export function silentDays(lastSyncDateTime: string | null, now: number): number | null {
  if (lastSyncDateTime === null) return null;
  const days = Math.floor((now - Date.parse(lastSyncDateTime)) / DAY_MS);
  return days >= STALE_AFTER_DAYS ? days : null;
}

export function deviceWarnings(d: DeviceListItem & ListingFacts, now: number): DeviceWarning[] {
  const out: DeviceWarning[] = [];
  if (d.twins)
    out.push({
      kind: 'sameName',
      count: d.twins.others.length + 1,
      name: d.deviceName,
      newest: d.twins.newest,
    });
  if (d.listedFor)
    out.push({
      kind: 'otherPrimaryUser',
      listedFor: d.listedFor,
      primary: d.userDisplayName || d.userPrincipalName || null,
    });
  const days = silentDays(d.lastSyncDateTime, now);
  if (days !== null) out.push({ kind: 'stale', days });
  const pending = PRECEDING_STATES[d.managementState];
  if (pending) out.push({ kind: 'managementPending', what: pending });
  return out;
}
