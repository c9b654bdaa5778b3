// GET /api/actions: the signed-in agent's newest recoveries of the last 24 hours (at most TRAY_LIMIT, and
// whether there are more), rebuilt from the audit store (so the tray survives a reload and a new tab).
// GET /api/actions?deviceId=…: the newest recovery on a device.
import { summarize, summarizeAll } from '@/lib/server/actions/summarize';
import { getAuditStore } from '@/lib/server/audit';
import { verifiedCaller } from '@/lib/server/auth/verified-caller';
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id';
import { messages } from '@/lib/shared/i18n/messages';

const DAY_MS = 86_400_000;
/** The tray shows an agent's newest actions; older ones of the day are on the activity page. */
const TRAY_LIMIT = 30;

export const GET = graphRoute(async ({ req, token }) => {
  const store = await getAuditStore();
  const deviceParam = new URL(req.url).searchParams.get('deviceId');
  if (deviceParam !== null) {
    const id = DeviceIdSchema.safeParse(deviceParam);
    if (!id.success) return apiError(400, 'invalidDeviceId', messages.validation.deviceId);
    // Reading the device with the agent's token: Intune's RBAC decides who may see its history.
    await getManagedDevice(token, id.data, 'summary');
    return jsonOk({ action: summarize(await store.latestActionOnDevice(id.data)) });
  }
  const caller = await verifiedCaller(token);
  if (!caller.ok) return apiError(401, 'invalidToken', messages.api.invalidToken);
  const { records, more } = await store.recordsOfActor(caller.claims.oid, new Date(Date.now() - DAY_MS), TRAY_LIMIT);
  return jsonOk({ actions: summarizeAll(records).filter((a) => a.state !== 'refused'), more });
});
