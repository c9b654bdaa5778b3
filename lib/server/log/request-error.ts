import 'server-only';
// Next's onRequestError hook: a failure the framework caught (a render, a route handler, a server action, the proxy)
// as one JSON line with the route and the request's client-request-id. Never the request's path or headers: the
// path can carry a cursor and the headers a token.
import type { Instrumentation } from 'next';
import { logger } from './logger';

type OnRequestError = Instrumentation.onRequestError;
const GUID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;

export function logRequestError(...[error, request, context]: Parameters<OnRequestError>): void {
  const header = request.headers['client-request-id'];
  const clientRequestId = typeof header === 'string' && GUID.test(header) ? header : undefined;
  logger.error(
    {
      source: 'request',
      route: context.routePath,
      routeType: context.routeType,
      method: request.method,
      ...(clientRequestId ? { clientRequestId } : {}),
      ...(error instanceof Error ? { err: error } : { thrown: String(error) }),
    },
    'request failed',
  );
}
