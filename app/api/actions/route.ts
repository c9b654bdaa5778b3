// GET /api/actions: the signed-in agent's recoveries of the last 24 hours, rebuilt from the audit store (so
// the tray survives a reload and a new tab). GET /api/actions?deviceId=…: the newest recovery on a device.
import { summarize, summarizeAll } from '@/lib/server/actions/summarize';
import { getAuditStore } from '@/lib/server/audit';
import { verifiedCaller } from '@/lib/server/auth/verified-caller';
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { apiText } from '@/lib/server/i18n/api-text';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id';

const DAY_MS = 86_400_000;

export const GET = graphRoute(async ({ req, token }) => {
  const store = await getAuditStore();
  const deviceParam = new URL(req.url).searchParams.get('deviceId');
  if (deviceParam !== null) {
    const id = DeviceIdSchema.safeParse(deviceParam);
    if (!id.success) return apiError(400, 'invalidDeviceId', apiText('invalidDeviceId'));
    // Reading the device with the agent's token: Intune's RBAC decides who may see its history.
    await getManagedDevice(token, id.data, 'summary');
    return jsonOk({ action: summarize(await store.latestActionOnDevice(id.data)) });
  }
  const caller = await verifiedCaller(token);
  if (!caller.ok) return apiError(401, 'invalidToken', apiText('invalidToken'));
  const records = await store.recordsOfActor(caller.claims.oid, new Date(Date.now() - DAY_MS));
  return jsonOk({ actions: summarizeAll(records).filter((a) => a.state !== 'refused') });
});
