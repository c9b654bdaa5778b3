// GET /api/devices: the first page of the tenant's managed devices, read with the agent's own Graph token.
import { bearerToken, graphErrorResponse, jsonOk, missingTokenResponse } from '@/lib/api/respond';
import { GraphError } from '@/lib/graph/errors';
import { listManagedDevices } from '@/lib/graph/managed-devices';

export async function GET(req: Request) {
  const token = bearerToken(req);
  if (!token) return missingTokenResponse();
  try {
    return jsonOk(await listManagedDevices(token, { signal: req.signal }));
  } catch (e) {
    if (e instanceof GraphError) return graphErrorResponse(e);
    throw e;
  }
}
