// The activity page's contract with its API: one row per passcode action, the filters (which are also the page's
// URL state), and a page of rows with the keyset cursor to the next.
import type { PasscodeActionKind } from '@/lib/shared/devices/passcode-plan';
import type { CallerVerification } from '@/lib/shared/trust/verification';
import type { Outcome } from './outcomes';
import type { NotificationStatus } from '@/lib/shared/notifications/types';
import type { ApprovalView } from '@/lib/shared/trust/approval';

export interface ActivityRow {
  actionId: string;
  /** When the agent confirmed (ISO 8601, UTC). */
  requestedAt: string;
  /** `verified: false`: the actor a token named that Graph never accepted (invalid input; security.md case 28). */
  agent: { upn: string | null; name: string | null; verified: boolean };
  deviceId: string;
  deviceName: string | null;
  /** The device's serial number and user when the action was requested (null for records before they were kept). */
  serialNumber: string | null;
  deviceUser: { upn: string | null; name: string | null };
  kind: PasscodeActionKind | null;
  /** Graph's action: resetPasscode or recoverPasscode (`unknown` for input refused before it was known). */
  graphAction: string;
  ticket: string | null;
  outcome: Outcome | null;
  /** The last state the device reported (pending, done, failed, …), if any was seen. */
  finalState: string | null;
  /** When the device reported the state that ended the action (ISO 8601); null while under way or if it never did. */
  finishedAt: string | null;
  graphRequestId: string | null;
  clientRequestId: string | null;
  /** The caller verification the action rested on, as the server recorded it; null when none. */
  verification: CallerVerification | null;
  /** What the device's user (and manager) was told: each e-mail sent, pending or failed (owner_notifications). */
  notifications: NotificationStatus[];
  /** The four-eyes approval the action went through or waits for (approval_requests); null when none applied. */
  approval: ApprovalView | null;
}

export interface ActivityPage {
  rows: ActivityRow[];
  /** Opaque; null on the last page. */
  nextCursor: string | null;
  /** Whose records the caller sees: their own, or everyone's (the Auditor app role). */
  scope: 'own' | 'all';
}

export const ACTIVITY_PAGE_SIZE = 50;
export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The filters (also the page's URL state); every one optional. */
export interface ActivityFilters {
  /** An agent's UPN (exact, any letter case). */
  agent?: string;
  /** A device id (exact) or the start of a device name. */
  device?: string;
  ticket?: string;
  outcome?: Outcome;
  kind?: PasscodeActionKind;
  /** From this day or instant on (a day means its start, UTC). */
  from?: string;
  /** Up to this day or instant (a day means its whole, UTC). */
  to?: string;
}
export const ACTIVITY_FILTER_KEYS = [
  'agent',
  'device',
  'ticket',
  'outcome',
  'kind',
  'from',
  'to',
] as const satisfies readonly (keyof ActivityFilters)[];
/** How long each text filter may be. */
export const FILTER_TEXT_MAX = { agent: 320, device: 128, ticket: 64 } as const;

/** A day (YYYY-MM-DD) or an instant (ISO 8601): what a date input or a deep link gives. */
export const isDayOrInstant = (v: string) =>
  /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v));

/** The time range as instants: a bare day in `to` includes the whole day. */
export function timeRange(f: Pick<ActivityFilters, 'from' | 'to'>): {
  from: string | null;
  to: string | null;
} {
  const day = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
  const from = f.from ? new Date(day(f.from) ? `${f.from}T00:00:00Z` : f.from).toISOString() : null;
  const to = f.to
    ? (day(f.to)
        ? new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000 - 1)
        : new Date(f.to)
      ).toISOString()
    : null;
  return { from, to };
}

export { isDeviceId } from '@/lib/shared/devices/device-id';
export type { Outcome, PasscodeActionKind };
