import 'server-only';
// The approval requests whose time ran out: marked expired (each by one conditional UPDATE, so whichever instance
// gets there first marks it, once) and each recorded as an approvalExpired step, which queues its webhook event.
// Reads do not wait for this: a request past its expiry already reads expired (approvalStateAt).
import type { AuditStore } from '@/lib/server/store/audit-store';
import type { ApprovalStore } from '@/lib/server/store/approvals';
import { recordApprovalStep } from './trail';

/** Expires what is due and records each expiry this call made; returns how many. */
export async function expireApprovals(
  approvals: Pick<ApprovalStore, 'expireDue'>,
  store: Pick<AuditStore, 'record'>,
): Promise<number> {
  const changed = await approvals.expireDue();
  for (const row of changed) await recordApprovalStep(store, row, 'approvalExpired', null, null);
  return changed.length;
}
