// GET /api/actions: the signed-in agent's recoveries of the last 24 hours, rebuilt from the audit store (so
// the tray survives a reload and a new tab). GET /api/actions?deviceId=…: the newest recovery on a device.
import { summarize, summarizeAll } from '@/lib/actions/summarize';
import { badRequest, bearerToken, graphErrorResponse, jsonError, jsonOk, missingTokenResponse } from '@/lib/api/respond';
import { getAuditStore } from '@/lib/audit';
import { verifiedCaller } from '@/lib/auth/verified-caller';
import { DeviceIdSchema } from '@/lib/devices/device-id';
import { GraphError } from '@/lib/graph/errors';
import { getDeviceSummary } from '@/lib/graph/managed-devices';

const DAY_MS = 86_400_000;

export async function GET(req: Request) {
  const token = bearerToken(req);
  if (!token) return missingTokenResponse();
  const store = await getAuditStore();
  const deviceParam = new URL(req.url).searchParams.get('deviceId');
  try {
    if (deviceParam !== null) {
      const id = DeviceIdSchema.safeParse(deviceParam);
      if (!id.success) return badRequest('invalidDeviceId', 'That is not an Intune device id.');
      // Reading the device with the agent's token: Intune's RBAC decides who may see its history.
      await getDeviceSummary(token, id.data);
      return jsonOk({ action: summarize(await store.latestActionOnDevice(id.data)) });
    }
    const caller = await verifiedCaller(token);
    if (!caller.ok) {
      return jsonError(401, { code: 'invalidToken', message: 'Your session is not valid for Microsoft Graph. Sign in again.', requestId: null, clientRequestId: null, date: new Date().toUTCString(), retryAfterSeconds: null });
    }
    const records = await store.recordsOfActor(caller.claims.oid, new Date(Date.now() - DAY_MS));
    return jsonOk({ actions: summarizeAll(records).filter((a) => a.state !== 'refused') });
  } catch (e) {
    if (e instanceof GraphError) return graphErrorResponse(e);
    throw e;
  }
}
