// GET /api/devices/{id}: everything a helpdesk checks on one device before acting, with its action history.
import { badRequest, bearerToken, graphErrorResponse, jsonOk, missingTokenResponse } from '@/lib/api/respond';
import { DeviceIdSchema } from '@/lib/devices/device-id';
import { GraphError } from '@/lib/graph/errors';
import { getManagedDevice } from '@/lib/graph/managed-devices';

export async function GET(req: Request, ctx: RouteContext<'/api/devices/[id]'>) {
  const token = bearerToken(req);
  if (!token) return missingTokenResponse();
  const id = DeviceIdSchema.safeParse((await ctx.params).id);
  if (!id.success) return badRequest('invalidDeviceId', 'That is not an Intune device id. Open the device from the device list.');
  try {
    return jsonOk(await getManagedDevice(token, id.data, { signal: req.signal }));
  } catch (e) {
    if (e instanceof GraphError) return graphErrorResponse(e);
    throw e;
  }
}
