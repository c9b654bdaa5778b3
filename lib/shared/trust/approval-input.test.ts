import { describe, expect, it } from 'vitest';
import { MAX_APPROVAL_REASON_LENGTH, MIN_APPROVAL_REASON_LENGTH } from './approval';
import { checkApprovalReason } from './approval-input';

// One rule for the requester's reason (the dialog and the passcode action) and the approver's (the decision form and
// decideApproval).
describe('checkApprovalReason', () => {
  it('refuses a reason shorter than the minimum, counting only what is left after trimming', () => {
    const short = 'x'.repeat(MIN_APPROVAL_REASON_LENGTH - 1);
    expect(checkApprovalReason(`  ${short}   `)).toEqual({
      ok: false,
      errors: ['validation.approvalReason'],
    });
    expect(checkApprovalReason('')).toEqual({ ok: false, errors: ['validation.approvalReason'] });
  });

  it('takes a reason of the minimum length, trimmed', () => {
    const reason = 'y'.repeat(MIN_APPROVAL_REASON_LENGTH);
    expect(checkApprovalReason(` ${reason}\n`)).toEqual({ ok: true, value: reason });
  });

  it('refuses a reason longer than the maximum', () => {
    expect(checkApprovalReason('z'.repeat(MAX_APPROVAL_REASON_LENGTH + 1))).toEqual({
      ok: false,
      errors: ['validation.approvalReasonTooLong'],
    });
  });
});
