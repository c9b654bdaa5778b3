// The approver's decision as the browser sends it, and its checks: the form runs them without zod, the server
// action runs the same ones inside its schema (approval-input-schema.ts), so each rule is written once.
import { invalid, valid, type Checked } from '@/lib/shared/checked';
import type { MessageKey } from '@/lib/shared/i18n/catalogs';
import { MAX_APPROVAL_REASON_LENGTH, MIN_APPROVAL_REASON_LENGTH } from './approval';

export const APPROVAL_DECISIONS = ['approve', 'deny'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

export interface DecideApprovalInput {
  approvalId: string;
  decision: ApprovalDecision;
  /** Shown to the requester and kept in the trail: why the approver approved or denied. */
  reason: string;
}

export interface WithdrawApprovalInput {
  approvalId: string;
}

/** The approver's reason, trimmed: at least MIN_APPROVAL_REASON_LENGTH characters, at most MAX_APPROVAL_REASON_LENGTH. */
export function checkApprovalReason(raw: string): Checked<string> {
  const reason = raw.trim();
  const errors: MessageKey[] = [];
  if (reason.length < MIN_APPROVAL_REASON_LENGTH) errors.push('validation.approvalReason');
  if (reason.length > MAX_APPROVAL_REASON_LENGTH) errors.push('validation.approvalReasonTooLong');
  return errors.length > 0 ? invalid(...errors) : valid(reason);
}
