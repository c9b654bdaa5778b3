// GET /api/actions/{id}: where one recovery stands, read from the audit store and the device's
// deviceActionResults with the agent's token. Polled by the browser; never a server action.
import { actionStatus } from '@/lib/actions/status';
import { badRequest, bearerToken, graphErrorResponse, jsonError, jsonOk, missingTokenResponse } from '@/lib/api/respond';
import { getAuditStore } from '@/lib/audit';
import { serverEnv } from '@/lib/config/server-env';
import { DeviceIdSchema } from '@/lib/devices/device-id';
import { GraphError } from '@/lib/graph/errors';

export async function GET(req: Request, ctx: RouteContext<'/api/actions/[id]'>) {
  const token = bearerToken(req);
  if (!token) return missingTokenResponse();
  const id = DeviceIdSchema.safeParse((await ctx.params).id); // action ids are GUIDs too
  if (!id.success) return badRequest('invalidActionId', 'That is not an action id of this console.');
  try {
    const status = await actionStatus(id.data, token, { store: await getAuditStore(), env: serverEnv() });
    if (!status) {
      return jsonError(404, { code: 'actionNotFound', message: 'No such action in the audit trail.', requestId: null, clientRequestId: null, date: new Date().toUTCString(), retryAfterSeconds: null });
    }
    return jsonOk(status);
  } catch (e) {
    if (e instanceof GraphError) return graphErrorResponse(e);
    throw e;
  }
}
