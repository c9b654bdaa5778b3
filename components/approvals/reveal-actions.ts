'use server';
// The reveal request's server action (four-eyes for showing a temporary passcode): a public POST endpoint, so
// everything is checked again inside (lib/server/approvals/request-reveal-approval.ts). Approvers are e-mailed
// with the requester's token right after the request is written.
import { notifyApproversOfRequest } from '@/lib/server/approvals/notify-from-request';
import {
  requestRevealApprovalOnce,
  type RevealApprovalResult,
} from '@/lib/server/approvals/request-reveal-approval';
import { serverEnv } from '@/lib/server/config/server-env';
import { withActionLog } from '@/lib/server/http/request-log';
import { getApprovalStore, getAuditStore, getVerificationStore } from '@/lib/server/store';

export async function requestRevealApproval(
  input: unknown,
  accessToken: unknown,
): Promise<RevealApprovalResult> {
  return withActionLog(
    'requestRevealApproval',
    async () =>
      requestRevealApprovalOnce(input, accessToken, {
        store: await getAuditStore(),
        approvals: await getApprovalStore(),
        verifications: await getVerificationStore(),
        env: serverEnv(),
        notifyApprovers: notifyApproversOfRequest,
      }),
    (result) => (result.status === 'approvalPending' ? { approvalId: result.approval.id } : {}),
  );
}
