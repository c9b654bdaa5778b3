import 'server-only';
// Whether each action holds its device's guard, as the database's guard rows say (AuditStore.heldGuards): the one
// judge of whether a second request on a device needs a reason. Every answer that carries an action status (the
// tray, the list's rows, the device page, one action's status) goes through here; the browser only shows it. What
// the owner was told (the notification rows) is added here too, for the same reason.
import type { AuditStore } from '@/lib/server/store/audit-store';
import type { ActionStatus } from '@/lib/shared/actions/types';

export async function withGuards(
  store: AuditStore,
  statuses: readonly ActionStatus[],
): Promise<ActionStatus[]> {
  const held = await store.heldGuards(statuses.map((s) => s.deviceId));
  const told = await store.notificationsOf(statuses.map((s) => s.actionId));
  return statuses.map((s) => {
    const guard = held.get(s.deviceId);
    return {
      ...s,
      guard: guard?.actionId === s.actionId ? guard.hold : null,
      notifications: told.get(s.actionId) ?? [],
    };
  });
}

/** One status with its guard; null stays null. */
export async function withGuard(
  store: AuditStore,
  status: ActionStatus | null,
): Promise<ActionStatus | null> {
  return status ? ((await withGuards(store, [status]))[0] ?? null) : null;
}
