// "Send now" on an approved four-eyes request: the passcode action's input as the approval names it (its device,
// action kind, ticket, the reason as the note, the caller verification it rested on) and the approval's id, which
// the server checks and consumes once. The action then goes out under the request's id.
import type { PasscodeActionInput } from '@/lib/shared/actions/types';
import type { ApprovalView } from '@/lib/shared/trust/approval';

export function approvedSendInput(approval: ApprovalView): PasscodeActionInput {
  return {
    deviceId: approval.device.id,
    kind: approval.kind,
    ticket: approval.ticket,
    note: approval.reason,
    ...(approval.verification ? { verificationId: approval.verification.id } : {}),
    approvalId: approval.id,
  };
}
