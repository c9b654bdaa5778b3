import 'server-only';
// Reads a device's timeline, every source at once and each with the agent's own token, so Intune decides what the
// agent may see: the device (its deviceActionResults and last check-in, v1.0), the admin center's remote actions
// (remoteActionAudits, beta), Intune's audit log (v1.0, only with its permission in the token), and this console's
// records. A source that fails or is refused is reported as such; it never fails the others.
import { activityAccess } from '@/lib/server/activity/activity-access';
import { activityWithApprovals } from '@/lib/server/approvals/attach';
import { approvalJoinFor } from '@/lib/server/approvals/viewer';
import { checkTokenShape } from '@/lib/server/auth/token-claims';
import { serverEnv } from '@/lib/server/config/server-env';
import { AUDIT_LOG_SCOPE, getDeviceAuditEvents } from '@/lib/server/graph/audit-events';
import { GraphError } from '@/lib/server/graph/errors';
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { getRemoteActionAudits } from '@/lib/server/graph/remote-action-audits';
import { apiText } from '@/lib/server/i18n/api-text';
import { logger } from '@/lib/server/log/logger';
import { describeDatabaseError, getActivityLog } from '@/lib/server/store';
import type { ActivityScope } from '@/lib/server/store/activity';
import type { ActivityRow } from '@/lib/shared/activity/types';
import { errorInfo } from '@/lib/shared/errors';
import type { DeviceTimeline } from '@/lib/shared/timeline/types';
import { mergeTimeline, type DeviceState, type SourceRead } from './merge';

/** The console's newest actions on the device that the timeline lists. */
export const CONSOLE_ENTRIES_MAX = 50;

export async function readDeviceTimeline(
  req: Request,
  token: string,
  deviceId: string,
): Promise<DeviceTimeline> {
  const { signal } = req;
  const device = settle(
    getManagedDevice(token, deviceId, 'detail', { signal }).then((d): DeviceState => ({
      deviceActionResults: d.deviceActionResults,
      lastSyncDateTime: d.lastSyncDateTime,
      managementState: d.managementState,
    })),
  );
  const [deviceRead, adminCenter, auditLog, consoleRows] = await Promise.all([
    device,
    settle(getRemoteActionAudits(token, deviceId, { signal })),
    readAuditLog(token, deviceId, signal),
    // Whose records: decided once Graph has said whether the agent may read the device.
    device.then(async (d) => {
      const read = await settle(consoleRecords(req, token, deviceId, d.ok), 'store');
      return read.ok ? read.value : read;
    }),
  ]);
  return mergeTimeline({
    deviceId,
    console: consoleRows,
    adminCenter,
    device: deviceRead,
    auditLog,
    now: new Date(),
  });
}

/** Intune's audit log needs its own permission; without it in the token, Graph is not asked. */
function readAuditLog(token: string, deviceId: string, signal: AbortSignal) {
  const shape = checkTokenShape(token, {
    tenantId: serverEnv().AUTH_TENANT_ID,
    requiredScope: AUDIT_LOG_SCOPE,
  });
  if (!shape.ok && shape.reason === 'scopeMissing')
    return Promise.resolve({
      ok: false as const,
      reason: 'missingPermission' as const,
      error: errorInfo(403, 'auditScopeMissing', apiText('auditScopeMissing'), {
        reason: 'missingPermission',
      }),
    });
  return settle(getDeviceAuditEvents(token, deviceId, { signal }));
}

/**
 * The console's records of the device, by the rules the rest of the console applies: an agent sees their own
 * actions, an auditor everyone's (activity page), and anyone whom Graph lets read the device sees the actions on
 * it (an action's status, lib/server/actions/status.ts).
 */
async function consoleRecords(
  req: Request,
  token: string,
  deviceId: string,
  deviceReadable: boolean,
): Promise<SourceRead<ActivityRow[]>> {
  const access = await activityAccess(req, token);
  if (!access.ok)
    return {
      ok: false,
      reason: 'forbidden',
      error: errorInfo(401, 'invalidToken', apiText('invalidToken')),
    };
  const scope: ActivityScope = deviceReadable ? { actorOid: null } : access.scope;
  const log = await getActivityLog();
  const { rows } = await log.page({ device: deviceId }, scope, null, CONSOLE_ENTRIES_MAX);
  // A four-eyes request says how it stands (waiting, denied, …), as on the activity page.
  return { ok: true, value: await activityWithApprovals(await approvalJoinFor(req, token), rows) };
}

/**
 * A source's answer, or why there is none: Graph's refusal or failure with its ids, or (`from` says where else it
 * could fail) the console's store failing or Graph's answer leading somewhere the console does not follow.
 */
async function settle<T>(
  read: Promise<T>,
  from: 'graph' | 'store' = 'graph',
): Promise<SourceRead<T>> {
  try {
    return { ok: true, value: await read };
  } catch (e) {
    if (e instanceof GraphError) {
      const info = e.info();
      const reason =
        e.kind === 'notSent' || e.status === 429
          ? 'throttled'
          : info.reason === 'missingPermission'
            ? 'missingPermission'
            : e.status === 403 || (e.status === 401 && e.intuneRealm)
              ? 'forbidden'
              : 'failed';
      return { ok: false, reason, error: info };
    }
    // Said plainly in the timeline without internals; logged without the database's address or password.
    logger.error(
      { source: 'device-timeline', from, reason: describeDatabaseError(e) },
      'a timeline source could not be read',
    );
    return {
      ok: false,
      reason: 'failed',
      error:
        from === 'store'
          ? errorInfo(500, 'auditStoreUnavailable', apiText('auditStoreUnavailable'))
          : errorInfo(502, 'UnexpectedResponse', apiText('UnexpectedResponse')),
    };
  }
}
