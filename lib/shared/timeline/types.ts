// A device's timeline as the server merges it and the browser shows it: one list by time (newest first) of what
// this console did, what admins started elsewhere (Intune's remoteActionAudits), what the device reports
// (deviceActionResults), Intune's audit log and the last check-in; a wipe or retire pinned above it; and, per
// source, whether it could be read: a source the agent may not read, or that failed, is said, never shown empty.
import type { ApprovalView } from '@/lib/shared/trust/approval';
import type { ActionState } from '@/lib/shared/devices/types';
import type { Outcome, PasscodeActionKind } from '@/lib/shared/activity/types';
import type { ErrorInfo } from '@/lib/shared/errors';

/** The kinds of entry, each from one source; also the timeline's filters, in the order they are offered. */
export const TIMELINE_KINDS = [
  'console',
  'adminCenter',
  'deviceReport',
  'auditLog',
  'checkIn',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

interface EntryBase {
  /** ISO time the entry is ordered by; null when the source gave none (listed last). */
  at: string | null;
}

/** An action this console recorded: the intent, with who asked, the ticket and how it ended. */
export interface ConsoleEntry extends EntryBase {
  kind: 'console';
  actionId: string;
  /** Graph's action (resetPasscode, recoverPasscode). */
  graphAction: string;
  actionKind: PasscodeActionKind | null;
  agent: { upn: string | null; name: string | null };
  ticket: string | null;
  outcome: Outcome | null;
  /** The last state the device reported for it, as the console observed it. */
  finalState: string | null;
  /** The four-eyes approval it went through or waits for, as the server read it; null when none applied. */
  approval: ApprovalView | null;
}

/** A remote action Intune's remoteActionAudits lists (the admin center, another tool, a bulk action). */
export interface AdminCenterEntry extends EntryBase {
  kind: 'adminCenter';
  /** Graph's remoteAction name (factoryReset, removeCompanyData, remoteLock, …), as Graph sent it. */
  action: string;
  actionState: ActionState;
  initiatedBy: string | null;
  /** The admin center's bulk action it was part of, if any. */
  bulkDeviceActionId: string | null;
}

/** One entry of the device's deviceActionResults: the state the device reports for an action. */
export interface DeviceReportEntry extends EntryBase {
  kind: 'deviceReport';
  actionName: string;
  actionState: ActionState;
  startDateTime: string | null;
  errorCode: number | null;
}

/** An event of Intune's own audit log that names this device. */
export interface AuditLogEntry extends EntryBase {
  kind: 'auditLog';
  activity: string;
  activityResult: string;
  actor: { upn: string | null; app: string | null };
  /** The console's action the event belongs to (its correlationId is the action's client-request-id), if any. */
  consoleActionId: string | null;
}

/** The device's last check-in with Intune. */
export interface CheckInEntry extends EntryBase {
  kind: 'checkIn';
}

export type TimelineEntry =
  ConsoleEntry | AdminCenterEntry | DeviceReportEntry | AuditLogEntry | CheckInEntry;

/**
 * Why a source could not be read: a permission the token lacks (the browser may ask for it), Intune refusing the
 * agent (RBAC, no role), Graph asking to wait, or a failure (an error answer, a timeout, beta not answering).
 */
export type UnavailableReason = 'missingPermission' | 'forbidden' | 'throttled' | 'failed';

export type SourceStatus =
  | { kind: TimelineKind; available: true; count: number }
  | {
      kind: TimelineKind;
      available: false;
      reason: UnavailableReason;
      /** Graph's (or the console's) error, with the request-id to quote. */
      error: ErrorInfo;
    };

/**
 * A wipe or retire that overrides everything else on the device: Intune ignores a passcode action while it is
 * pending, and the device is about to be erased (wipe) or released from management (retire).
 */
export interface PinnedAction {
  action: 'wipe' | 'retire';
  /** pending: started, not yet carried out; done: carried out. */
  state: 'pending' | 'done';
  /** Where the console learned of it: an admin's remote action, or only the device's managementState. */
  source: 'adminCenter' | 'managementState';
  initiatedBy: string | null;
  at: string | null;
  /** The remote action entry it is, when it came from remoteActionAudits (not repeated in `entries`). */
  entry: AdminCenterEntry | null;
}

export interface DeviceTimeline {
  deviceId: string;
  pinned: PinnedAction | null;
  /** Newest first; entries without a time last. */
  entries: TimelineEntry[];
  /** One per kind, in TIMELINE_KINDS order. */
  sources: SourceStatus[];
  /** The device has never checked in (Graph's 0001-01-01 placeholder); null when the device could not be read. */
  neverCheckedIn: boolean | null;
  /** When the server merged it (ISO). */
  readAt: string;
}
