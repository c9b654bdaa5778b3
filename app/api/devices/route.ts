// GET /api/devices?q=…&by=…&os=…&compliance=…&owner=…&stale=…&cursor=…: one page of a device search, read
// with the agent's own Graph token, every device checked against the search before it is returned.
import { z } from 'zod';
import { badRequest, bearerToken, graphErrorResponse, jsonOk, missingTokenResponse } from '@/lib/api/respond';
import { searchFromParams } from '@/lib/devices/search';
import { InvalidCursorError, searchDevices } from '@/lib/graph/device-search';
import { GraphError } from '@/lib/graph/errors';

export async function GET(req: Request) {
  const token = bearerToken(req);
  if (!token) return missingTokenResponse();
  const params = new URL(req.url).searchParams;
  const search = searchFromParams(params);
  if (!search.success) return badRequest('invalidSearch', z.prettifyError(search.error));
  const cursor = params.get('cursor');
  try {
    return jsonOk(await searchDevices(token, search.data, cursor, { signal: req.signal }));
  } catch (e) {
    if (e instanceof GraphError) return graphErrorResponse(e);
    if (e instanceof InvalidCursorError) return badRequest('invalidCursor', e.message);
    throw e;
  }
}
