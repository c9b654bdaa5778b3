import 'server-only';
// Who and what a log line is about: the route, the request's client-request-id and, once Graph has accepted the
// agent's token, the agent's object id. Carried through a request by AsyncLocalStorage, so every line a request
// writes says which request it belongs to without passing a logger around.
import { AsyncLocalStorage } from 'node:async_hooks';
import { decodeJwt } from 'jose';

export interface LogContext {
  route: string;
  clientRequestId: string;
  /** The agent's object id; set only after Graph has accepted the agent's token (never from an unverified claim). */
  oid?: string;
}

const storage = new AsyncLocalStorage<LogContext>();
const GUID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;

export function runWithLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...context }, fn);
}

/**
 * Runs `fn` outside any request's context: for what no request caused, although the emitter that reports it was made
 * inside one (a database connection is opened by some request, and its loss later belongs to none).
 */
export function outsideLogContext<T>(fn: () => T): T {
  return storage.exit(fn);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}

/**
 * Graph has just answered this token with a 2xx: its oid now names the agent on this request's log lines (the
 * same rule as the audit's actor). The token itself is only read, never kept.
 */
export function noteAgentFromAcceptedToken(token: string): void {
  const context = storage.getStore();
  if (!context || context.oid) return;
  try {
    const { oid } = decodeJwt(token);
    if (typeof oid === 'string' && GUID.test(oid)) context.oid = oid.toLowerCase();
  } catch {
    // An opaque token names nobody: the line goes without an oid.
  }
}

/** A route as a pattern: GUID segments become `[id]`, so lines of one route group together. */
export function routePattern(pathname: string): string {
  return pathname
    .split('/')
    .map((s) => (GUID.test(s) ? '[id]' : s))
    .join('/');
}
