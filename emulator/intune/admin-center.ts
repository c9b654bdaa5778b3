// Remote actions another admin starts in the Intune admin center, not through the console: they show where Intune
// shows any action (the device's deviceActionResults, beta's remoteActionAudits, the audit log), and a wipe or a
// retire puts the device in wipePending or retirePending, ahead of every other action.
import { createHash, randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { ActionState, StoredDevice } from '../tenant/types';
import type { ActionRecord, RemoteActionName } from './actions';

/** The admin center's app as Intune's audit log names it (Microsoft Intune portal extension). */
export const ADMIN_CENTER_APP = {
  id: '5926fc8e-304e-4f59-8bed-58ca97cc39a4',
  displayName: 'Microsoft Intune portal extension',
} as const;

/** Beta's remoteAction names for the actions that Graph names otherwise, so a caller may use either. */
export const REMOTE_ACTION_ALIASES = {
  factoryReset: 'wipe',
  removeCompanyData: 'retire',
} as const satisfies Record<string, RemoteActionName>;

const PENDING_STATE_OF: Partial<Record<RemoteActionName, 'wipePending' | 'retirePending'>> = {
  wipe: 'wipePending',
  retire: 'retirePending',
};

export function startAdminCenterAction(
  ctx: EmulatorContext,
  device: StoredDevice,
  a: { action: RemoteActionName; initiatedBy: string; at: number; actionState?: ActionState },
): ActionRecord {
  const correlationId = randomUUID();
  const rec = ctx.actions.record(device, a.action, a.at, correlationId, {
    initiatedBy: a.initiatedBy,
    origin: 'adminCenter',
    pinnedState: a.actionState ?? null,
  });
  const pending = PENDING_STATE_OF[a.action];
  if (pending) {
    device.graph.managementState = pending;
    device.managementStateSince = a.at;
  }
  const admin = ctx.index.userByKey.get(a.initiatedBy.toLowerCase());
  ctx.auditEvents.record({
    action: a.action,
    device,
    user: {
      userPrincipalName: admin?.userPrincipalName ?? a.initiatedBy,
      id: admin?.id ?? guidFrom(a.initiatedBy.toLowerCase()),
    },
    appId: ADMIN_CENTER_APP.id,
    appName: ADMIN_CENTER_APP.displayName,
    correlationId,
    at: a.at,
  });
  return rec;
}

/** The seeded tenant's history of admin-center actions, replayed into Intune's stores. */
export function replaySeededAdminCenterActions(ctx: EmulatorContext): void {
  for (const a of ctx.tenant.adminCenterActions) {
    const device = ctx.index.deviceById.get(a.deviceId);
    if (device) startAdminCenterAction(ctx, device, a);
  }
}

/** A stable GUID-shaped object id for an admin outside the directory. */
function guidFrom(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
