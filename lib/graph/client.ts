import 'server-only';
// The one place that speaks HTTP to Microsoft Graph: fixed base URL, the caller's bearer token, a fresh
// client-request-id per call, a timeout, and every failure turned into a GraphError.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { serverEnv } from '@/lib/config/server-env';
import { GraphError, graphErrorFromResponse } from './errors';

export interface GraphRequest<S extends z.ZodType> {
  /** A path below the version segment, built from a fixed template, e.g. `/deviceManagement/managedDevices`. */
  path: string;
  query?: Record<string, string>;
  /** Instead of path and query: an @odata.nextLink Graph gave, followed exactly as given. */
  nextLink?: string;
  token: string;
  schema: S;
  signal?: AbortSignal;
}

/** The URL for a request; a nextLink must point at the configured Graph, or it is not followed. */
export function graphUrl(req: { path: string; query?: Record<string, string>; nextLink?: string }): URL {
  const base = new URL(serverEnv().GRAPH_BASE_URL);
  if (req.nextLink !== undefined) {
    const next = new URL(req.nextLink);
    if (next.origin !== base.origin || !next.pathname.startsWith(`${base.pathname.replace(/\/$/, '')}/v1.0/`)) {
      throw new RangeError('nextLink does not point at the configured Microsoft Graph');
    }
    return next;
  }
  const url = new URL(`${base.origin}${base.pathname.replace(/\/$/, '')}/v1.0${req.path}`);
  for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
  return url;
}

export interface GraphResponse<T> {
  data: T;
  requestId: string | null;
  clientRequestId: string;
}

export async function graphGet<S extends z.ZodType>(req: GraphRequest<S>): Promise<GraphResponse<z.infer<S>>> {
  const env = serverEnv();
  const url = graphUrl(req);
  const clientRequestId = randomUUID();
  const timeout = AbortSignal.timeout(env.GRAPH_TIMEOUT_MS);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;

  let res: Response;
  try {
    res = await fetch(url, {
      method: 'GET',
      headers: {
        Authorization: `Bearer ${req.token}`,
        Accept: 'application/json',
        'client-request-id': clientRequestId,
        'return-client-request-id': 'true',
      },
      signal,
      cache: 'no-store',
    });
  } catch (e) {
    const timedOut = timeout.aborted;
    throw new GraphError({
      kind: timedOut ? 'timeout' : 'network', status: 0, code: timedOut ? 'GraphTimeout' : 'GraphUnreachable',
      message: timedOut ? `Graph did not answer within ${env.GRAPH_TIMEOUT_MS / 1000} s.` : `Graph could not be reached (${e instanceof Error ? e.message : 'network error'}).`,
      requestId: null, clientRequestId, date: new Date().toUTCString(), retryAfterSeconds: null, claimsChallenge: null,
    });
  }
  if (!res.ok) throw await graphErrorFromResponse(res, clientRequestId);

  const requestId = res.headers.get('request-id');
  const parsed = req.schema.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) {
    throw new GraphError({
      kind: 'invalidResponse', status: res.status, code: 'UnexpectedResponse',
      message: 'Graph answered with data the console does not understand.',
      requestId, clientRequestId, date: res.headers.get('date'), retryAfterSeconds: null, claimsChallenge: null,
    });
  }
  return { data: parsed.data, requestId, clientRequestId };
}
