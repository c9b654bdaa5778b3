import 'server-only';
// One device's timeline from what each source answered: ordered by time (newest first), a wipe or retire pinned
// above everything, the admin center's record of an action this console sent folded into the console's entry, and
// for every source whether it could be read. Pure: the reads happen in read-timeline.ts.
import type { ActivityRow } from '@/lib/shared/activity/types';
import type { DeviceActionResult } from '@/lib/shared/devices/types';
import type { ErrorInfo } from '@/lib/shared/errors';
import { homeIdentity } from '@/lib/shared/identity';
import {
  TIMELINE_KINDS,
  type AdminCenterEntry,
  type AuditLogEntry,
  type ConsoleEntry,
  type DeviceTimeline,
  type PinnedAction,
  type SourceStatus,
  type TimelineEntry,
  type TimelineKind,
  type UnavailableReason,
} from '@/lib/shared/timeline/types';
import type { RemoteActionAuditRecord } from '@/lib/server/graph/remote-action-audits';
import type { IntuneAuditEvent } from '@/lib/server/graph/audit-events';

export type SourceRead<T> =
  { ok: true; value: T } | { ok: false; reason: UnavailableReason; error: ErrorInfo };

export interface DeviceState {
  deviceActionResults: DeviceActionResult[];
  /** Null where Graph sent its 0001-01-01 placeholder: never checked in. */
  lastSyncDateTime: string | null;
  managementState: string;
}

export interface TimelineInputs {
  deviceId: string;
  console: SourceRead<ActivityRow[]>;
  adminCenter: SourceRead<RemoteActionAuditRecord[]>;
  device: SourceRead<DeviceState>;
  auditLog: SourceRead<IntuneAuditEvent[]>;
  now: Date;
}

/** Graph's remoteAction names for a wipe and a retire (deviceActionResults may use the short names). */
const WIPE_ACTIONS = new Set(['factoryReset', 'factoryResetKeepEnrollmentData', 'wipe']);
const RETIRE_ACTIONS = new Set(['removeCompanyData', 'retire']);
/** A wipe or retire in these states is not going to happen: listed, not pinned. */
const ABANDONED = new Set(['failed', 'canceled', 'notSupported']);
const PENDING_STATES: Record<string, PinnedAction['action']> = {
  wipePending: 'wipe',
  wipeIssued: 'wipe',
  retirePending: 'retire',
  retireIssued: 'retire',
};
/**
 * How far apart the console's record and Intune's remote action audit of the same POST may be: the console
 * records its intent just before it sends, Intune stamps the request when it accepts it.
 */
const SAME_ACTION_WINDOW_MS = 5 * 60_000;

export function mergeTimeline(inputs: TimelineInputs): DeviceTimeline {
  const consoleRows = inputs.console.ok ? inputs.console.value : [];
  const consoleEntries = consoleRows.map(consoleEntry);

  const audits = inputs.adminCenter.ok ? inputs.adminCenter.value.map(adminCenterEntry) : [];
  const device = inputs.device.ok ? inputs.device.value : null;
  const pinned = pinnedAction(audits, device?.managementState ?? null);
  const sentByConsole = matchConsoleActions(audits, consoleRows);
  const adminEntries = audits.filter((a) => a !== pinned?.entry && !sentByConsole.has(a));

  const reports: TimelineEntry[] = (device?.deviceActionResults ?? []).map((r) => ({
    kind: 'deviceReport',
    at: r.lastUpdatedDateTime ?? r.startDateTime,
    actionName: r.actionName,
    actionState: r.actionState,
    startDateTime: r.startDateTime,
    errorCode: r.errorCode === 0 ? null : r.errorCode,
  }));
  const checkIns: TimelineEntry[] = device?.lastSyncDateTime
    ? [{ kind: 'checkIn', at: device.lastSyncDateTime }]
    : [];
  const consoleIds = new Map(
    consoleRows.flatMap((r) =>
      [r.actionId, r.clientRequestId]
        .filter((id): id is string => id !== null)
        .map((id) => [id.toLowerCase(), r.actionId] as const),
    ),
  );
  const events = (inputs.auditLog.ok ? inputs.auditLog.value : []).map((e): AuditLogEntry => ({
    kind: 'auditLog',
    at: e.activityDateTime,
    activity: e.activity,
    activityResult: e.activityResult,
    actor: { upn: e.actor.userPrincipalName, app: e.actor.applicationDisplayName },
    consoleActionId: consoleIds.get(e.correlationId.toLowerCase()) ?? null,
  }));

  const entries = newestFirst([
    ...consoleEntries,
    ...adminEntries,
    ...reports,
    ...events,
    ...checkIns,
  ]);
  const counts: Record<TimelineKind, number> = {
    console: consoleEntries.length,
    adminCenter: adminEntries.length + (pinned?.entry ? 1 : 0),
    deviceReport: reports.length,
    auditLog: events.length,
    checkIn: checkIns.length,
  };
  const reads: Record<TimelineKind, SourceRead<unknown>> = {
    console: inputs.console,
    adminCenter: inputs.adminCenter,
    deviceReport: inputs.device,
    auditLog: inputs.auditLog,
    checkIn: inputs.device,
  };
  const sources = TIMELINE_KINDS.map((kind): SourceStatus => {
    const read = reads[kind];
    return read.ok
      ? { kind, available: true, count: counts[kind] }
      : { kind, available: false, reason: read.reason, error: read.error };
  });
  return {
    deviceId: inputs.deviceId,
    pinned,
    entries,
    sources,
    neverCheckedIn: device ? device.lastSyncDateTime === null : null,
    readAt: inputs.now.toISOString(),
  };
}

function consoleEntry(r: ActivityRow): ConsoleEntry {
  return {
    kind: 'console',
    at: r.requestedAt,
    actionId: r.actionId,
    graphAction: r.graphAction,
    actionKind: r.kind,
    agent: r.agent,
    ticket: r.ticket,
    outcome: r.outcome,
    finalState: r.finalState,
    approval: r.approval,
  };
}

function adminCenterEntry(a: RemoteActionAuditRecord): AdminCenterEntry {
  return {
    kind: 'adminCenter',
    at: a.requestDateTime,
    action: a.action,
    actionState: a.actionState,
    // A guest admin's UPN (jane_outlook.com#EXT#@contoso.com) reads as their home identity, as everywhere else.
    initiatedBy:
      a.initiatedByUserPrincipalName === null ? null : homeIdentity(a.initiatedByUserPrincipalName),
    bulkDeviceActionId: a.bulkDeviceActionId,
  };
}

const wipeOrRetire = (action: string): PinnedAction['action'] | null =>
  WIPE_ACTIONS.has(action) ? 'wipe' : RETIRE_ACTIONS.has(action) ? 'retire' : null;

/**
 * The wipe or retire to pin: the one the device's managementState says is pending (with the admin's remote
 * action that started it, where the audit lists one), else the newest one an admin started that has not failed.
 */
function pinnedAction(
  audits: AdminCenterEntry[],
  managementState: string | null,
): PinnedAction | null {
  const started = newestFirst(
    audits.filter((a) => wipeOrRetire(a.action) !== null && !ABANDONED.has(a.actionState)),
  ) as AdminCenterEntry[];
  const pendingOnDevice = managementState ? PENDING_STATES[managementState] : undefined;
  const fromAudit = (entry: AdminCenterEntry, pending: boolean): PinnedAction => ({
    action: wipeOrRetire(entry.action) ?? 'wipe',
    state: pending || entry.actionState !== 'done' ? 'pending' : 'done',
    source: 'adminCenter',
    initiatedBy: entry.initiatedBy,
    at: entry.at,
    entry,
  });
  if (pendingOnDevice) {
    const entry = started.find((a) => wipeOrRetire(a.action) === pendingOnDevice);
    return entry
      ? fromAudit(entry, true)
      : {
          action: pendingOnDevice,
          state: 'pending',
          source: 'managementState',
          initiatedBy: null,
          at: null,
          entry: null,
        };
  }
  const newest = started[0];
  return newest ? fromAudit(newest, false) : null;
}

/**
 * Intune's audits of the POSTs this console sent (same action, same agent, within minutes of the console's
 * record): the console's own entry already says it, with the ticket. Each console record claims one audit.
 */
function matchConsoleActions(
  audits: AdminCenterEntry[],
  rows: ActivityRow[],
): Set<AdminCenterEntry> {
  const claimed = new Set<AdminCenterEntry>();
  for (const row of rows) {
    const upn = row.agent.upn ? homeIdentity(row.agent.upn).toLowerCase() : null;
    if (!upn) continue;
    const at = Date.parse(row.requestedAt);
    const match = audits.find(
      (a) =>
        !claimed.has(a) &&
        a.action === row.graphAction &&
        a.initiatedBy !== null &&
        homeIdentity(a.initiatedBy).toLowerCase() === upn &&
        a.at !== null &&
        Math.abs(Date.parse(a.at) - at) <= SAME_ACTION_WINDOW_MS,
    );
    if (match) claimed.add(match);
  }
  return claimed;
}

/** Newest first by time; entries without a time last; ties keep their order (the sources' order). */
function newestFirst<E extends { at: string | null }>(entries: E[]): E[] {
  const time = (e: E) => {
    const t = e.at === null ? Number.NaN : Date.parse(e.at);
    return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
  };
  return entries
    .map((e, i) => ({ e, i, t: time(e) }))
    .sort((a, b) => (a.t === b.t ? a.i - b.i : b.t - a.t))
    .map(({ e }) => e);
}
