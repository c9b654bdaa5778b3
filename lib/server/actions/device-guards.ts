import 'server-only';
// What the database knows of each action beyond its records: whether it holds its device's guard (the guard rows,
// AuditStore.heldGuards: the one judge of whether a second request on a device needs a reason), what the owner was
// told (the notification rows), the caller verification it rests on (VerificationStore, by the intent's
// verification_id), and the four-eyes approval it went through or waits for (lib/server/approvals/attach.ts). Every
// answer that carries an action status (the tray, the list's rows, the device page, one
// action's status) goes through here; the browser only shows it.
import { withApprovals, type ApprovalJoin } from '@/lib/server/approvals/attach';
import type { AuditStore } from '@/lib/server/store/audit-store';
import type { VerificationStore } from '@/lib/server/store/verifications';
import type { ActionStatus } from '@/lib/shared/actions/types';

export interface StatusStores {
  store: AuditStore;
  verifications: Pick<VerificationStore, 'many'>;
  /** The approvals, as the route's caller sees them; every route answer gives it (tests of the guards alone may not). */
  approvals?: ApprovalJoin;
}

export async function withGuards(
  { store, verifications, approvals }: StatusStores,
  statuses: readonly ActionStatus[],
): Promise<ActionStatus[]> {
  const [held, told, verified] = await Promise.all([
    store.heldGuards(statuses.map((s) => s.deviceId)),
    store.notificationsOf(statuses.map((s) => s.actionId)),
    verifications.many(statuses.flatMap((s) => (s.verificationId ? [s.verificationId] : []))),
  ]);
  const guarded = statuses.map((s) => {
    const guard = held.get(s.deviceId);
    return {
      ...s,
      guard: guard?.actionId === s.actionId ? guard.hold : null,
      notifications: told.get(s.actionId) ?? [],
      verification: s.verificationId ? (verified.get(s.verificationId) ?? null) : null,
    };
  });
  return approvals ? withApprovals(approvals, guarded) : guarded;
}

/** One status with its guard and verification; null stays null. */
export async function withGuard(
  stores: StatusStores,
  status: ActionStatus | null,
): Promise<ActionStatus | null> {
  return status ? ((await withGuards(stores, [status]))[0] ?? null) : null;
}
