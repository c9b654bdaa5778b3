// The requester's reason for the approver (sent as the action's note when the policy asks for an approval): checked
// alike in the dialog and, again, on the server, so the rule is written once.
import { invalid, valid, type Checked } from '@/lib/shared/checked';
import { MAX_APPROVAL_REASON_LENGTH, MIN_APPROVAL_REASON_LENGTH } from './approval';

/** The reason, trimmed: at least MIN_APPROVAL_REASON_LENGTH characters, at most MAX_APPROVAL_REASON_LENGTH. */
export function checkApprovalReason(raw: string): Checked<string> {
  const reason = raw.trim();
  if (reason.length < MIN_APPROVAL_REASON_LENGTH) return invalid('approvalRequest.reasonTooShort');
  if (reason.length > MAX_APPROVAL_REASON_LENGTH) return invalid('validation.noteTooLong');
  return valid(reason);
}
