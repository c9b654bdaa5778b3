// Beta's remoteActionAudits: Intune's report of remote actions started on the tenant's devices, wherever they were
// started (Graph, the admin center), with who started them and the state they are in. Derived from the one action
// store, so an audit entry and the device's deviceActionResults entry never disagree.
import type * as Beta from '@microsoft/microsoft-graph-types-beta';
import type { ActionState, StoredDevice } from '../tenant/types';
import { graphTime, REMOTE_ACTIONS, type ActionRecord } from './actions';

/** A remoteActionAudit as beta sends it in a list. */
export type RemoteActionAuditRecord = {
  '@odata.type': '#microsoft.graph.remoteActionAudit';
} & Beta.RemoteActionAudit;

export function remoteActionAudit(
  rec: ActionRecord,
  device: StoredDevice,
  state: ActionState,
): RemoteActionAuditRecord {
  return {
    '@odata.type': '#microsoft.graph.remoteActionAudit',
    id: rec.id,
    deviceDisplayName: device.graph.deviceName,
    // Deprecated in favour of initiatedByUserPrincipalName, and still filled.
    userName: rec.initiatedBy,
    initiatedByUserPrincipalName: rec.initiatedBy,
    action: REMOTE_ACTIONS[rec.actionName].remoteAction,
    requestDateTime: graphTime(rec.requestedAt),
    deviceOwnerUserPrincipalName: device.graph.userPrincipalName,
    deviceIMEI: device.graph.imei,
    actionState: state,
    managedDeviceId: device.graph.id,
    deviceActionCategory: 'single',
    bulkDeviceActionId: null,
  } satisfies RemoteActionAuditRecord;
}

/** The only $filter Intune is known to take here: one device's actions, by its id. */
const DEVICE_FILTER = /^\s*managedDeviceId\s+eq\s+'([^']*)'\s*$/;

/**
 * The device id a remoteActionAudits $filter names, null without a filter; throws Graph's refusal for any other
 * filter (a message naming what it does not support, as for managedDevices).
 */
export function auditFilterDeviceId(filter: string | undefined): string | null {
  if (filter === undefined || filter.trim() === '') return null;
  const m = DEVICE_FILTER.exec(filter);
  if (m) return (m[1] ?? '').toLowerCase();
  const property = /^\s*\(?\s*([A-Za-z]\w*)/.exec(filter)?.[1];
  throw new AuditFilterError(
    property && property !== 'managedDeviceId'
      ? `Filtering on the property '${property}' is not supported for remoteActionAudits.`
      : `Invalid filter clause: only 'managedDeviceId eq '<id>'' is supported for remoteActionAudits, got '${filter}'.`,
  );
}

export class AuditFilterError extends Error {}
