import 'server-only';
// Each step of an approval request is an audit record (kind decision, the step in action_state, the person's reason
// in detail) under the request's id, the id its action is later sent under: the trail reads as one entry. The
// audit store also queues the step for the ticket webhook (approval.requested, approval.approved, …).
import type { Actor, AuditStore } from '@/lib/server/store/audit-store';
import type { ApprovalRow } from '@/lib/server/store/approvals';

export const APPROVAL_STEPS = [
  'approvalRequested',
  'approved',
  'approvalDenied',
  'approvalWithdrawn',
  'approvalExpired',
] as const;
export type ApprovalStep = (typeof APPROVAL_STEPS)[number];

/**
 * Writes one step. `actor` is the person who took it (requester, approver) as Graph vouched for their token; null
 * for an expiry, which no person took.
 */
export async function recordApprovalStep(
  store: Pick<AuditStore, 'record'>,
  row: ApprovalRow,
  step: ApprovalStep,
  actor: Actor | null,
  reason: string | null,
): Promise<void> {
  await store.record({
    actionId: row.id,
    kind: 'decision',
    actionName: row.graph_action,
    actionKind: row.action_kind,
    deviceId: row.device_id,
    deviceName: row.device_name,
    device:
      row.device_serial || row.device_user_upn || row.device_user_name
        ? {
            serialNumber: row.device_serial ?? '',
            userPrincipalName: row.device_user_upn ?? '',
            userDisplayName: row.device_user_name ?? '',
          }
        : null,
    ticket: row.ticket,
    actor: actor ? { value: actor, verified: true } : null,
    actionState: step,
    detail: reason,
    verificationId: row.verification_id,
    approvalId: row.id,
  });
}
