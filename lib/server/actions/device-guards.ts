import 'server-only';
// What the database knows of each action beyond its records: whether it holds its device's guard (the guard rows,
// AuditStore.heldGuards: the one judge of whether a second request on a device needs a reason), what the owner was
// told (the notification rows), and the caller verification it rests on (VerificationStore, by the intent's
// verification_id). Every answer that carries an action status (the tray, the list's rows, the device page, one
// action's status) goes through here; the browser only shows it.
import type { AuditStore } from '@/lib/server/store/audit-store';
import type { VerificationStore } from '@/lib/server/store/verifications';
import type { ActionStatus } from '@/lib/shared/actions/types';

export interface StatusStores {
  store: AuditStore;
  verifications: Pick<VerificationStore, 'many'>;
}

export async function withGuards(
  { store, verifications }: StatusStores,
  statuses: readonly ActionStatus[],
): Promise<ActionStatus[]> {
  const [held, told, verified] = await Promise.all([
    store.heldGuards(statuses.map((s) => s.deviceId)),
    store.notificationsOf(statuses.map((s) => s.actionId)),
    verifications.many(statuses.flatMap((s) => (s.verificationId ? [s.verificationId] : []))),
  ]);
  return statuses.map((s) => {
    const guard = held.get(s.deviceId);
    return {
      ...s,
      guard: guard?.actionId === s.actionId ? guard.hold : null,
      notifications: told.get(s.actionId) ?? [],
      verification: s.verificationId ? (verified.get(s.verificationId) ?? null) : null,
    };
  });
}

/** One status with its guard and verification; null stays null. */
export async function withGuard(
  stores: StatusStores,
  status: ActionStatus | null,
): Promise<ActionStatus | null> {
  return status ? ((await withGuards(stores, [status]))[0] ?? null) : null;
}
