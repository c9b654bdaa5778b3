'use server';
// PLACEHOLDER until the `decide` branch is merged, which owns this file: the server actions on an approval request
// (decide it as an approver, withdraw it as its requester), with the shared plan's signatures. Public POST endpoints
// like every server action, so they take `unknown` and decide's versions check everything inside. The lead replaces
// this file with decide's; these two only refuse.
import type { DecideApprovalResult, WithdrawApprovalResult } from '@/lib/shared/trust/approval';

/** input: `{approvalId, decision: 'approve' | 'deny', reason}`. */
export async function decideApproval(
  input: unknown,
  accessToken: unknown,
  idToken: unknown,
): Promise<DecideApprovalResult> {
  void [input, accessToken, idToken];
  throw new Error('not merged');
}

/** input: `{approvalId}`. */
export async function withdrawApproval(
  input: unknown,
  accessToken: unknown,
): Promise<WithdrawApprovalResult> {
  void [input, accessToken];
  throw new Error('not merged');
}
