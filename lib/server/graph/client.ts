import 'server-only';
// The one place that speaks HTTP to Microsoft Graph: fixed base URL, the caller's bearer token, a
// client-request-id per call, a timeout, and every failure turned into a GraphError.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import { serverEnv } from '@/lib/server/config/server-env';
import { logger } from '@/lib/server/log/logger';
import { noteAgentFromAcceptedToken } from '@/lib/server/log/context';
import { InputError } from '@/lib/shared/errors';
import { apiText } from '@/lib/server/i18n/api-text';
import { GraphError, graphErrorFromResponse } from './errors';
import { ServerThrottleGate } from './throttle-gate';
import { sharedWaitOrLocal } from './shared-wait-fallback';
import { fitsBudget, type WaitBudget } from './wait-budget';

export { fitsBudget, waitBudget, type WaitBudget } from './wait-budget';

/**
 * How often a read within a budget is sent again after Graph answered it 429 (a GET changes nothing). The budget
 * bounds the time; this bounds the requests, should Graph answer "Retry-After: 0" again and again.
 */
const MAX_THROTTLED_READ_RETRIES = 10;

/**
 * v1.0 is the contract; beta only for what v1.0 lacks (Android Enterprise enrollment modes, remoteActionAudits).
 * Microsoft does not support beta in production, so every beta read must have a v1.0 fallback.
 */
export type GraphVersion = 'v1.0' | 'beta';

export interface GraphRequest<S extends z.ZodType> {
  /** Defaults to v1.0. */
  version?: GraphVersion;
  /** A path below the version segment, built from a fixed template, e.g. `/deviceManagement/managedDevices`. */
  path: string;
  query?: Record<string, string>;
  /** Instead of path and query: an @odata.nextLink Graph gave, followed exactly as given. */
  nextLink?: string;
  token: string;
  schema: S;
  signal?: AbortSignal;
  /**
   * The budget of the work this read belongs to: while the throttle gate is closed the read waits within it, and
   * a read Graph answered 429 is sent again once the gate opens, within it too. None: fail at once (lists, polls).
   */
  budget?: WaitBudget;
}

export interface GraphResponse<T> {
  data: T;
  requestId: string | null;
  clientRequestId: string;
}

/** The URL for a request; a nextLink must point at the configured Graph, or it is not followed. */
export function graphUrl(req: {
  version?: GraphVersion;
  path: string;
  query?: Record<string, string>;
  nextLink?: string;
}): URL {
  const base = new URL(serverEnv().GRAPH_BASE_URL);
  const root = `${base.pathname.replace(/\/$/, '')}/${req.version ?? 'v1.0'}`;
  if (req.nextLink !== undefined) {
    const next = new URL(req.nextLink);
    if (next.origin !== base.origin || !next.pathname.startsWith(`${root}/`)) {
      // Only a cursor can bring a nextLink here: one pointing anywhere else is forged input, never a fault.
      throw new InputError('invalidCursor', apiText('invalidCursor'));
    }
    return next;
  }
  const url = new URL(`${base.origin}${root}${req.path}`);
  for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
  return url;
}

let gate: ServerThrottleGate | undefined;

/** The console's one throttle gate for its tenant and app, shared with other instances through the database. */
function throttleGate(): ServerThrottleGate {
  const env = serverEnv();
  gate ??= new ServerThrottleGate(
    `${env.AUTH_TENANT_ID.toLowerCase()}|${env.AUTH_CLIENT_ID.toLowerCase()}`,
    sharedWaitOrLocal(async () => {
      const { getThrottleStore } = await import('@/lib/server/store');
      return getThrottleStore();
    }),
  );
  return gate;
}

/** Graph's "wait": a 429, or a 503 that says how long (both close the throttle gate). */
function throttledAnswer(e: GraphError): boolean {
  return (
    e.kind === 'http' && (e.status === 429 || (e.status === 503 && e.retryAfterSeconds !== null))
  );
}

/**
 * Sends one request, unless Graph has asked the console to wait: then it waits for the gate to open within the
 * budget, if it has one, and otherwise sends nothing (a GraphError of kind `notSent` says how long is left). A
 * non-2xx answer, a timeout or a network failure becomes a GraphError.
 */
async function send(
  url: URL,
  init: {
    method: 'GET' | 'POST';
    token: string;
    clientRequestId: string;
    signal?: AbortSignal;
    budget?: WaitBudget;
    /** A JSON body (sendMail); actions are POSTed without one. */
    json?: unknown;
  },
): Promise<Response> {
  const { GRAPH_TIMEOUT_MS } = serverEnv();
  const waitMs = await throttleGate().openWithin(init.budget, (ms) =>
    sleep(ms, undefined, { signal: init.signal }),
  );
  if (waitMs > 0) {
    throw logged(
      init.method,
      new GraphError({
        kind: 'notSent',
        status: 429,
        code: 'graphWaiting',
        message: apiText('graphWaiting', { seconds: Math.ceil(waitMs / 1000) }),
        requestId: null,
        clientRequestId: init.clientRequestId,
        date: new Date().toUTCString(),
        retryAfterSeconds: waitMs / 1000,
        claimsChallenge: null,
      }),
    );
  }
  const timeout = AbortSignal.timeout(GRAPH_TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method,
      headers: {
        Authorization: `Bearer ${init.token}`,
        Accept: 'application/json',
        'client-request-id': init.clientRequestId,
        'return-client-request-id': 'true',
        ...(init.json === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
      signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
      cache: 'no-store',
    });
  } catch (e) {
    const timedOut = timeout.aborted;
    throw logged(
      init.method,
      new GraphError({
        kind: timedOut ? 'timeout' : 'network',
        status: 0,
        code: timedOut ? 'GraphTimeout' : 'GraphUnreachable',
        // What went wrong on the wire is data for support; the agent reads the sentence for the code.
        message: timedOut
          ? `${apiText('GraphTimeout')} (${GRAPH_TIMEOUT_MS / 1000} s)`
          : `${apiText('GraphUnreachable')}${e instanceof Error ? ` (${e.message})` : ''}`,
        requestId: null,
        clientRequestId: init.clientRequestId,
        date: new Date().toUTCString(),
        retryAfterSeconds: null,
        claimsChallenge: null,
      }),
    );
  }
  if (!res.ok) {
    const error = await graphErrorFromResponse(res, init.clientRequestId);
    if (throttledAnswer(error)) await throttleGate().throttled(error.retryAfterSeconds);
    throw logged(init.method, error);
  }
  throttleGate().succeeded();
  // Graph accepted the token: from here on the request's log lines name the agent.
  noteAgentFromAcceptedToken(init.token);
  return res;
}

/** One log line for a Graph failure, with Graph's ids for support; never the token or the answer's body. */
function logged(method: string, e: GraphError): GraphError {
  logger.warn(
    {
      graph: {
        method,
        status: e.status,
        code: e.code,
        requestId: e.requestId,
        clientRequestId: e.clientRequestId,
      },
    },
    'Graph did not accept a request',
  );
  return e;
}

export async function graphGet<S extends z.ZodType>(
  req: GraphRequest<S>,
): Promise<GraphResponse<z.infer<S>>> {
  const url = graphUrl(req);
  let clientRequestId = randomUUID();
  let res: Response;
  for (let retries = 0; ; retries++) {
    try {
      res = await send(url, {
        method: 'GET',
        token: req.token,
        clientRequestId,
        signal: req.signal,
        budget: req.budget,
      });
      break;
    } catch (e) {
      // Within a budget, Graph's "wait" on a read is waited out like the gate's: the read is sent again once the
      // gate Graph just closed opens, if that is within the budget. Beyond it, the agent gets Graph's own answer.
      if (
        !(e instanceof GraphError) ||
        req.budget === undefined ||
        !throttledAnswer(e) ||
        retries >= MAX_THROTTLED_READ_RETRIES ||
        !fitsBudget(req.budget, await throttleGate().remainingMs())
      )
        throw e;
      clientRequestId = randomUUID();
    }
  }
  return answerOf(res, req.schema, clientRequestId);
}

export interface GraphPostResult {
  status: number;
  requestId: string | null;
  date: string | null;
}

/**
 * POSTs a JSON body (sendMail) and expects no answer body (202). Never retried here: the caller decides, and its
 * record of the send keeps it from sending twice.
 */
export async function graphPostJson(req: {
  path: string;
  token: string;
  body: unknown;
  signal?: AbortSignal;
}): Promise<GraphPostResult> {
  const res = await send(graphUrl({ path: req.path }), {
    method: 'POST',
    token: req.token,
    clientRequestId: randomUUID(),
    signal: req.signal,
    json: req.body,
  });
  await res.body?.cancel();
  return {
    status: res.status,
    requestId: res.headers.get('request-id'),
    date: res.headers.get('date'),
  };
}

/**
 * POSTs a Graph action with no body, under the caller's client-request-id (so Intune's audit log carries
 * our action id). Never retried here: whether to send it again is the caller's decision.
 */
export async function graphPostAction(req: {
  path: string;
  token: string;
  clientRequestId: string;
  signal?: AbortSignal;
  /** The budget of the action: the POST waits for a closed gate within it (nothing was sent, so that is safe). */
  budget?: WaitBudget;
}): Promise<GraphPostResult> {
  const res = await send(graphUrl({ path: req.path }), { method: 'POST', ...req });
  await res.body?.cancel();
  return {
    status: res.status,
    requestId: res.headers.get('request-id'),
    date: res.headers.get('date'),
  };
}

/**
 * POSTs one of Graph's functions that read (checkMemberGroups) with a JSON body, and checks its answer like a GET.
 * Sent once: a read may be asked again by its caller, but not here.
 */
export async function graphPostRead<S extends z.ZodType>(req: {
  path: string;
  token: string;
  body: unknown;
  schema: S;
  signal?: AbortSignal;
  budget?: WaitBudget;
}): Promise<GraphResponse<z.infer<S>>> {
  const clientRequestId = randomUUID();
  const res = await send(graphUrl({ path: req.path }), {
    method: 'POST',
    token: req.token,
    clientRequestId,
    signal: req.signal,
    budget: req.budget,
    json: req.body,
  });
  return answerOf(res, req.schema, clientRequestId);
}

/** A 2xx answer's body, checked against what the caller expects; anything else is Graph's unexpected answer. */
async function answerOf<S extends z.ZodType>(
  res: Response,
  schema: S,
  clientRequestId: string,
): Promise<GraphResponse<z.infer<S>>> {
  const requestId = res.headers.get('request-id');
  const parsed = schema.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) {
    throw new GraphError({
      kind: 'invalidResponse',
      status: res.status,
      code: 'UnexpectedResponse',
      message: apiText('UnexpectedResponse'),
      requestId,
      clientRequestId,
      date: res.headers.get('date'),
      retryAfterSeconds: null,
      claimsChallenge: null,
    });
  }
  return { data: parsed.data, requestId, clientRequestId };
}
