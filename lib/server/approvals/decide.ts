import 'server-only';
// The approver's decision on a four-eyes request (security.md case 27): the token proven by Graph, the Approver role
// only from a verified ID token naming that same person, never the requester (same person in any letter case or
// guest form), and one conditional UPDATE so that two approvers at once make one decision. Each refusal is audited.
import { auditActor } from '@/lib/server/auth/audit-actor';
import { isApprover } from '@/lib/server/auth/id-token';
import type { TokenClaims } from '@/lib/server/auth/token-claims';
import { StoreUnavailableError } from '@/lib/server/store/database-errors';
import { approvalStateAt } from '@/lib/server/store/approvals';
import { samePerson } from '@/lib/server/trust/same-person';
import type { ApprovalProblem, DecideApprovalResult } from '@/lib/shared/trust/approval';
import { DecideApprovalInputSchema } from '@/lib/shared/trust/approval-input-schema';
import { provenCaller, recordRefusal, viewFor, type ApprovalCallDeps } from './approval-call';
import { recordApprovalStep } from './trail';
import { requesterOf } from './view';

export interface DecideDeps extends ApprovalCallDeps {
  /** Whether the ID token verifies and gives this caller the Approver role (isApprover by default). */
  approverRole?: (idToken: string | null, caller: TokenClaims) => Promise<boolean>;
}

type Field = 'approvalId' | 'decision' | 'reason' | 'form';
const FIELDS: readonly Field[] = ['approvalId', 'decision', 'reason'];

export async function decideApproval(
  input: unknown,
  accessToken: unknown,
  idToken: unknown,
  deps: DecideDeps,
): Promise<DecideApprovalResult> {
  const parsed = DecideApprovalInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<Field, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = FIELDS.find((f) => f === issue.path[0]) ?? 'form';
      fieldErrors[field] ??= issue.message;
    }
    return { status: 'invalid', fieldErrors };
  }
  const { approvalId, decision, reason } = parsed.data;
  try {
    const caller = await provenCaller(accessToken, deps);
    if (!caller) return { status: 'signInAgain' };
    const now = deps.now?.() ?? new Date();
    const [approvals, audit] = await Promise.all([deps.approvals(), deps.audit()]);
    const approver = await (deps.approverRole ?? isApprover)(
      typeof idToken === 'string' ? idToken : null,
      caller,
    );
    const row = await approvals.get(approvalId);
    const refuse = async (problem: ApprovalProblem): Promise<DecideApprovalResult> => {
      await recordRefusal(audit, 'decide', approvalId, row, caller, problem);
      return { status: 'refused', problem };
    };
    // Checked in this order so that nobody without the role learns whether an id exists.
    if (!approver) return await refuse('notApprover');
    if (!row) return await refuse('unknown');
    // The store compares object ids; the person is also compared by sign-in name (a guest's home address).
    if (samePerson({ oid: caller.oid, upn: caller.upn }, requesterOf(row)))
      return await refuse('ownRequest');
    const state = approvalStateAt(row, now);
    if (state === 'expired') return await refuse('expired');
    if (state !== 'pending') return await refuse('notPending');

    const actor = auditActor(caller);
    const change = await approvals.decide(
      approvalId,
      decision === 'approve' ? 'approved' : 'denied',
      actor,
      reason,
      deps.env.APPROVAL_TTL_MINUTES,
    );
    if (!change.ok) {
      // Lost to another approver, or to the clock, between the read and the UPDATE.
      const now2 = deps.now?.() ?? new Date();
      const problem: ApprovalProblem =
        change.why === 'unknown'
          ? 'unknown'
          : change.why === 'ownRequest'
            ? 'ownRequest'
            : change.row && approvalStateAt(change.row, now2) === 'expired'
              ? 'expired'
              : 'notPending';
      return await refuse(problem);
    }
    await recordApprovalStep(
      audit,
      change.row,
      decision === 'approve' ? 'approved' : 'approvalDenied',
      actor,
      reason,
    );
    return { status: 'decided', approval: await viewFor(change.row, caller, approver, deps, now) };
  } catch (e) {
    if (e instanceof StoreUnavailableError) return { status: 'storeUnavailable' };
    throw e;
  }
}
