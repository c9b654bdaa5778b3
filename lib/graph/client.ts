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
  token: string;
  query?: Record<string, string>;
  schema: S;
  signal?: AbortSignal;
}

export interface GraphResponse<T> {
  data: T;
  requestId: string | null;
  clientRequestId: string;
}

export async function graphGet<S extends z.ZodType>(req: GraphRequest<S>): Promise<GraphResponse<z.infer<S>>> {
  const env = serverEnv();
  const url = new URL(`${env.GRAPH_BASE_URL.replace(/\/$/, '')}/v1.0${req.path}`);
  for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
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
