import 'server-only';
// The requester takes back their own approval request, pending or approved and not yet sent or expired: one
// conditional UPDATE (so a withdrawal and a send, or a withdrawal and a decision, cannot both win), then the step
// in the trail. Anyone else's attempt is refused and audited.
import { auditActor } from '@/lib/server/auth/audit-actor';
import { StoreUnavailableError } from '@/lib/server/store/database-errors';
import { approvalStateAt, type ApprovalRow } from '@/lib/server/store/approvals';
import type { ApprovalProblem, WithdrawApprovalResult } from '@/lib/shared/trust/approval';
import { WithdrawApprovalInputSchema } from '@/lib/shared/trust/approval-input-schema';
import { provenCaller, recordRefusal, viewFor, type ApprovalCallDeps } from './approval-call';
import { recordApprovalStep } from './trail';

export async function withdrawApproval(
  input: unknown,
  accessToken: unknown,
  deps: ApprovalCallDeps,
): Promise<WithdrawApprovalResult> {
  const parsed = WithdrawApprovalInputSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid' };
  const { approvalId } = parsed.data;
  try {
    const caller = await provenCaller(accessToken, deps);
    if (!caller) return { status: 'signInAgain' };
    const now = deps.now?.() ?? new Date();
    const [approvals, audit] = await Promise.all([deps.approvals(), deps.audit()]);
    const row = await approvals.get(approvalId);
    const refuse = async (problem: ApprovalProblem): Promise<WithdrawApprovalResult> => {
      await recordRefusal(audit, 'withdraw', approvalId, row, caller, problem);
      return { status: 'refused', problem };
    };
    // Someone else's request reads as no request at all: ids cannot be probed. Permission goes by object id only
    // (the one Graph vouched for when the request was written); a look-alike sign-in name is not the requester.
    if (!row || row.requester_oid !== caller.oid.toLowerCase()) return await refuse('unknown');
    const before = endedProblem(row, now);
    if (before) return await refuse(before);

    const change = await approvals.withdraw(approvalId, caller.oid);
    if (!change.ok)
      return await refuse(change.row ? (endedProblem(change.row, now) ?? 'notPending') : 'unknown');
    await recordApprovalStep(audit, change.row, 'approvalWithdrawn', auditActor(caller), null);
    return {
      status: 'withdrawn',
      approval: await viewFor(change.row, caller, false, deps, now),
    };
  } catch (e) {
    if (e instanceof StoreUnavailableError) return { status: 'storeUnavailable' };
    throw e;
  }
}

/** Why a request can no longer be withdrawn, or null while it can (pending or approved, before its expiry). */
function endedProblem(row: ApprovalRow, now: Date): ApprovalProblem | null {
  const state = approvalStateAt(row, now);
  if (state === 'pending' || state === 'approved') return null;
  if (state === 'expired') return 'expired';
  if (state === 'sent') return 'alreadySent';
  return 'notPending';
}
