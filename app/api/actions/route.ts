// GET /api/actions: the signed-in agent's newest passcode actions of the last 24 hours (at most TRAY_LIMIT, and
// whether there are more), rebuilt from the audit store (so the tray survives a reload and a new tab).
// GET /api/actions?deviceId=…: the newest action on a device.
// GET /api/actions?deviceIds=…,…: for up to 100 listed devices, the action under way or recent enough that the
// device guard still holds (or that failed within it), so the list can say so before anyone clicks. Read-only.
import { z } from 'zod';
import { visibleRecords } from '@/lib/server/actions/status';
import { summarize, summarizeAll } from '@/lib/server/actions/summarize';
import { getAuditStore } from '@/lib/server/audit';
import { verifiedCaller } from '@/lib/server/auth/verified-caller';
import { serverEnv } from '@/lib/server/config/server-env';
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { apiText } from '@/lib/server/i18n/api-text';
import type { ActionStatus } from '@/lib/shared/actions/types';
import { MAX_DEVICE_IDS } from '@/lib/shared/devices/device-id';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';

const DAY_MS = 86_400_000;
/** The tray shows an agent's newest actions; older ones of the day are on the activity page. */
const TRAY_LIMIT = 30;
const DeviceIdsSchema = z
  .string()
  .transform((s) => s.split(','))
  .pipe(z.array(DeviceIdSchema).min(1).max(MAX_DEVICE_IDS));

export const GET = graphRoute(async ({ req, token }) => {
  const params = new URL(req.url).searchParams;
  const deviceParam = params.get('deviceId');
  const devicesParam = params.get('deviceIds');
  if (deviceParam !== null) {
    const id = DeviceIdSchema.safeParse(deviceParam);
    if (!id.success) return apiError(400, 'invalidDeviceId', apiText('invalidDeviceId'));
    // Reading the device with the agent's token: Intune's RBAC decides who may see its history.
    await getManagedDevice(token, id.data, 'summary');
    return jsonOk({
      action: summarize(await getAuditStore().then((s) => s.latestActionOnDevice(id.data))),
    });
  }
  const caller = await verifiedCaller(token);
  if (!caller.ok) return apiError(401, 'invalidToken', apiText('invalidToken'));
  const store = await getAuditStore();
  if (devicesParam !== null) {
    const ids = DeviceIdsSchema.safeParse(devicesParam);
    if (!ids.success) return apiError(400, 'invalidDeviceIds', apiText('invalidDeviceIds'));
    const now = Date.now();
    const guardMs = serverEnv().RECOVERY_GUARD_MINUTES * 60_000;
    const latest = await store.latestActionsOnDevices(
      [...new Set(ids.data)],
      new Date(now - DAY_MS),
    );
    // Few listed devices have an action; for those only, the same rule as one action's status: the requester's
    // own, or one on a device Graph lets this caller read.
    const visible = await Promise.all(
      latest.map(async (records) => {
        const actionId = records[0]?.action_id;
        const shown = actionId ? await visibleRecords(actionId, token, store) : null;
        return shown ? summarize(shown, now) : null;
      }),
    );
    const relevant = (a: ActionStatus | null): a is ActionStatus =>
      a !== null && (!a.terminal || now - Date.parse(a.requestedAt) < guardMs);
    return jsonOk({ actions: visible.filter(relevant) });
  }
  const { records, more } = await store.recordsOfActor(
    caller.claims.oid,
    new Date(Date.now() - DAY_MS),
    TRAY_LIMIT,
  );
  return jsonOk({ actions: summarizeAll(records).filter((a) => a.state !== 'refused'), more });
});
