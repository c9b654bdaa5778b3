import 'server-only';
// Runs a route handler or a server action under its request's log context (route, client-request-id, and the agent's oid once Graph has
// accepted the token) and writes one line for its answer. Never the query string, headers or body: the query can
// carry a cursor and the headers a token.
import { headers } from 'next/headers';
import { routePattern, runWithLogContext } from '@/lib/server/log/context';
import { logger } from '@/lib/server/log/logger';
import { clientRequestIdOf } from './client-request-id';

export function withRequestLog<C>(
  handler: (req: Request, ctx: C) => Promise<Response>,
): (req: Request, ctx: C) => Promise<Response> {
  return (req, ctx) => {
    const context = {
      route: routePattern(new URL(req.url).pathname),
      clientRequestId: clientRequestIdOf(req.headers),
    };
    return runWithLogContext(context, async () => {
      const started = performance.now();
      const res = await handler(req, ctx);
      logger.info(
        { method: req.method, status: res.status, ms: Math.round(performance.now() - started) },
        'answered',
      );
      return res;
    });
  };
}

/** The same for a server action: its log context, and one line for its result (`status`, and the fields it names). */
export async function withActionLog<T extends { status: string }>(
  name: string,
  run: () => Promise<T>,
  fields: (result: T) => Record<string, unknown> = () => ({}),
): Promise<T> {
  const context = { route: `action:${name}`, clientRequestId: clientRequestIdOf(await headers()) };
  return runWithLogContext(context, async () => {
    const started = performance.now();
    const result = await run();
    logger.info(
      {
        method: 'POST',
        status: result.status,
        ...fields(result),
        ms: Math.round(performance.now() - started),
      },
      'answered',
    );
    return result;
  });
}
