import 'server-only';
// The reads of four-eyes requests (GET /api/approvals, GET /api/approvals/{id}): an approver sees the open requests
// and those of the last day; everyone sees their own of the last day; one request with its requester's recent
// passcode actions only for approvers and its requester (anyone else gets the answer an unknown id gets).
import { withGuards } from '@/lib/server/actions/device-guards';
import { summarizeAll } from '@/lib/server/actions/summarize';
import type { TokenClaims } from '@/lib/server/auth/token-claims';
import type { ApprovalRow, ApprovalStore } from '@/lib/server/store/approvals';
import type { AuditStore } from '@/lib/server/store/audit-store';
import type { VerificationStore } from '@/lib/server/store/verifications';
import type { ActionStatus } from '@/lib/shared/actions/types';
import type { ApprovalList, ApprovalView } from '@/lib/shared/trust/approval';
import { approvalView, type ViewerOf } from './view';

const DAY_MS = 86_400_000;
/** How far back an approver sees the requester's passcode actions. */
const RECENT_DAYS = 30;
const RECENT_LIMIT = 50;

export interface ApprovalReadDeps {
  approvals: ApprovalStore;
  audit: AuditStore;
  verifications: Pick<VerificationStore, 'many'>;
  now?: () => Date;
}

async function viewsOf(
  rows: readonly ApprovalRow[],
  viewer: ViewerOf,
  deps: ApprovalReadDeps,
  now: Date,
): Promise<ApprovalView[]> {
  const verified = await deps.verifications.many(
    rows.flatMap((r) => (r.verification_id ? [r.verification_id] : [])),
  );
  return rows.map((r) =>
    approvalView(
      r,
      viewer,
      r.verification_id ? (verified.get(r.verification_id) ?? null) : null,
      now,
    ),
  );
}

/** The caller's list: open requests first (soonest expiry first), then the day's others, newest first. */
export async function approvalList(
  caller: TokenClaims,
  viewer: ViewerOf,
  deps: ApprovalReadDeps,
): Promise<ApprovalList> {
  const now = deps.now?.() ?? new Date();
  const since = new Date(now.getTime() - DAY_MS);
  const [open, recent] = viewer.approver
    ? await Promise.all([deps.approvals.open(), deps.approvals.since(since)])
    : [[], await deps.approvals.ofRequester(caller.oid, since)];
  const seen = new Set<string>();
  const rows = [...open, ...recent].filter((r) => !seen.has(r.id) && seen.add(r.id));
  const approvals = await viewsOf(rows, viewer, deps, now);
  return {
    approvals,
    approver: viewer.approver,
    openForMe: approvals.filter((a) => a.canDecide).length,
  };
}

/**
 * One request for an approver or its requester, with the requester's passcode actions of the last 30 days (from
 * the audit store alone: no Graph call per action). Null for anyone else, and for an unknown id alike.
 */
export async function approvalDetail(
  id: string,
  viewer: ViewerOf,
  deps: ApprovalReadDeps,
): Promise<{ approval: ApprovalView; requesterRecent: ActionStatus[] } | null> {
  const now = deps.now?.() ?? new Date();
  const row = await deps.approvals.get(id);
  if (!row) return null;
  const [approval] = await viewsOf([row], viewer, deps, now);
  if (!approval || !(viewer.approver || approval.mine)) return null;
  const { records } = await deps.audit.recordsOfActor(
    row.requester_oid,
    new Date(now.getTime() - RECENT_DAYS * DAY_MS),
    RECENT_LIMIT,
  );
  const requesterRecent = await withGuards(
    {
      store: deps.audit,
      verifications: deps.verifications,
      approvals: {
        approvals: deps.approvals,
        verifications: deps.verifications,
        viewer,
        now: () => now,
      },
    },
    summarizeAll(records, now.getTime()).filter((a) => a.actionId !== row.id),
  );
  return { approval, requesterRecent };
}
