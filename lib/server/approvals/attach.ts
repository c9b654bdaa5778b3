import 'server-only';
// Joins four-eyes approvals into the answers that carry actions: each action status (the tray, one action's
// status, the list's rows) and each activity row gains the approval it went through or waits for, as a view for the
// caller. A request not yet sent takes its state from the approval row at read time (an expiry no job has written
// yet reads as expired), never from Graph. One query for the rows and one for their verifications, per answer.
import {
  approvalStateAt,
  type ApprovalRow,
  type ApprovalStore,
} from '@/lib/server/store/approvals';
import type { VerificationStore } from '@/lib/server/store/verifications';
import { TERMINAL, type ActionStatus, type TrackedState } from '@/lib/shared/actions/types';
import type { ActivityRow } from '@/lib/shared/activity/types';
import type { ApprovalView } from '@/lib/shared/trust/approval';
import { REQUEST_STATES } from '@/lib/server/actions/summarize';
import { approvalView, type ViewerOf } from './view';

export interface ApprovalJoin {
  approvals: Pick<ApprovalStore, 'many'>;
  verifications: Pick<VerificationStore, 'many'>;
  viewer: ViewerOf;
  now?: () => Date;
}

/** A request's state, as an action not yet sent is tracked. */
export function trackedStateOf(row: ApprovalRow, now: Date): TrackedState {
  switch (approvalStateAt(row, now)) {
    case 'pending':
      return 'awaitingApproval';
    case 'approved':
      return 'approved';
    case 'denied':
      return 'approvalDenied';
    case 'withdrawn':
      return 'approvalWithdrawn';
    case 'expired':
      return 'approvalExpired';
    case 'sent':
      // A reveal's request is never sent as an action of its own: sent means the passcode was shown. An action's
      // request marked sent with no intent recorded went out with a fate nobody wrote down.
      return row.subject === 'reveal' ? 'done' : 'verifying';
  }
}

interface Joined {
  row: ApprovalRow;
  view: ApprovalView;
}

/** The approvals among `ids` (those that are approval requests), each with its view for the join's caller. */
async function joined(
  join: ApprovalJoin,
  ids: readonly string[],
  now: Date,
): Promise<Map<string, Joined>> {
  const rows = await join.approvals.many(ids);
  if (rows.size === 0) return new Map();
  const verified = await join.verifications.many(
    [...rows.values()].flatMap((r) => (r.verification_id ? [r.verification_id] : [])),
  );
  return new Map(
    [...rows].map(([id, row]) => {
      const verification = row.verification_id ? (verified.get(row.verification_id) ?? null) : null;
      return [id, { row, view: approvalView(row, join.viewer, verification, now) }];
    }),
  );
}

export async function withApprovals(
  join: ApprovalJoin,
  statuses: readonly ActionStatus[],
): Promise<ActionStatus[]> {
  const now = join.now?.() ?? new Date();
  const found = await joined(
    join,
    statuses.map((s) => s.actionId),
    now,
  );
  return statuses.map((s) => {
    const j = found.get(s.actionId.toLowerCase());
    if (!j) return s;
    if (!REQUEST_STATES.has(s.state)) return { ...s, approval: j.view };
    const state = trackedStateOf(j.row, now);
    return { ...s, approval: j.view, state, terminal: TERMINAL.has(state) };
  });
}

export async function activityWithApprovals(
  join: ApprovalJoin,
  rows: readonly ActivityRow[],
): Promise<ActivityRow[]> {
  const found = await joined(
    join,
    rows.map((r) => r.actionId),
    join.now?.() ?? new Date(),
  );
  return rows.map((r) => ({ ...r, approval: found.get(r.actionId.toLowerCase())?.view ?? null }));
}

/** An export's batches, each joined. */
export async function* batchesWithApprovals(
  join: ApprovalJoin,
  batches: AsyncGenerator<ActivityRow[]>,
): AsyncGenerator<ActivityRow[]> {
  try {
    for await (const rows of batches) yield await activityWithApprovals(join, rows);
  } finally {
    await batches.return(undefined);
  }
}
