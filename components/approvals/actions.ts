'use server';
// STAND-IN until the `decide` branch is merged: the approver's server actions with the contract's signatures
// (issue 20's shared plan), so the browser type-checks against them. The lead replaces this file with decide's.
import type { DecideApprovalResult, WithdrawApprovalResult } from '@/lib/shared/trust/approval';

/** Input: `{ approvalId, decision: 'approve' | 'deny', reason }`; the ID token carries the Approver role. */
export async function decideApproval(
  input: unknown,
  accessToken: unknown,
  idToken: unknown,
): Promise<DecideApprovalResult> {
  void [input, accessToken, idToken];
  throw new Error('not merged');
}

/** Input: `{ approvalId }`: the requester withdraws their own pending request. */
export async function withdrawApproval(
  input: unknown,
  accessToken: unknown,
): Promise<WithdrawApprovalResult> {
  void [input, accessToken];
  throw new Error('not merged');
}
