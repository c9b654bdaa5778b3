'use server';
// The four-eyes server actions: an approver's decision, and the requester's withdrawal. Public POST endpoints, so
// everything is checked again inside (lib/server/approvals/decide.ts, withdraw.ts). A failing database is answered
// in words (storeUnavailable), never thrown. Reads (the list, one request) go through GET /api/approvals.
import { decideApproval as decide } from '@/lib/server/approvals/decide';
import { withdrawApproval as withdraw } from '@/lib/server/approvals/withdraw';
import { serverEnv } from '@/lib/server/config/server-env';
import { withActionLog } from '@/lib/server/http/request-log';
import { getApprovalStore, getAuditStore, getVerificationStore } from '@/lib/server/store';
import type { DecideApprovalResult, WithdrawApprovalResult } from '@/lib/shared/trust/approval';

const stores = () => ({
  approvals: getApprovalStore,
  audit: getAuditStore,
  verifications: getVerificationStore,
  env: serverEnv(),
});

export async function decideApproval(
  input: unknown,
  accessToken: unknown,
  idToken: unknown,
): Promise<DecideApprovalResult> {
  return withActionLog(
    'decideApproval',
    () => decide(input, accessToken, idToken, stores()),
    (result) =>
      result.status === 'decided'
        ? { approvalId: result.approval.id, decision: result.approval.state }
        : result.status === 'refused'
          ? { problem: result.problem }
          : {},
  );
}

export async function withdrawApproval(
  input: unknown,
  accessToken: unknown,
): Promise<WithdrawApprovalResult> {
  return withActionLog(
    'withdrawApproval',
    () => withdraw(input, accessToken, stores()),
    (result) =>
      result.status === 'withdrawn'
        ? { approvalId: result.approval.id }
        : result.status === 'refused'
          ? { problem: result.problem }
          : {},
  );
}
