import 'server-only';
// The one shape of the console's GET route handlers: the agent's Graph token from `Authorization: Bearer …`,
// the same fail-fast token checks before any Graph call, Graph's failures, refused input and a failing audit
// database turned into the console's error answer, no-store on everything, and a log line for every answer. A
// handler only says what it reads.
import { checkTokenShape } from '@/lib/server/auth/token-claims';
import { serverEnv } from '@/lib/server/config/server-env';
import { GraphError } from '@/lib/server/graph/errors';
import { logger } from '@/lib/server/log/logger';
import { StoreUnavailableError } from '@/lib/server/store/database-errors';
import { InputError } from '@/lib/shared/errors';
import { apiText } from '@/lib/server/i18n/api-text';
import { withRequestLog } from './request-log';
import { apiError, graphErrorResponse } from './respond';

export interface RouteCall<P> {
  req: Request;
  /** The agent's Graph token: passed on to Graph, never kept, logged or returned. */
  token: string;
  params: P;
}

/** The agent's Graph token from `Authorization: Bearer …`, or null. */
export function bearerToken(req: Request): string | null {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/.exec(req.headers.get('authorization') ?? '');
  return match?.[1] ?? null;
}

export function graphRoute<P extends Record<string, string> = Record<string, never>>(
  handler: (call: RouteCall<P>) => Promise<Response>,
): (req: Request, ctx: { params: Promise<P> }) => Promise<Response> {
  return withRequestLog(async (req, ctx) => {
    const token = bearerToken(req);
    if (!token) return apiError(401, 'missingToken', apiText('missingToken'));
    // A token Graph would surely refuse (another tenant or audience, expired) never reaches Graph. A token the
    // console cannot read at all is Graph's to judge: Microsoft may make its tokens opaque.
    const shape = checkTokenShape(token, { tenantId: serverEnv().AUTH_TENANT_ID });
    if (!shape.ok && shape.reason !== 'malformed')
      return apiError(401, 'invalidToken', apiText('invalidToken'));
    try {
      return await handler({ req, token, params: await ctx.params });
    } catch (e) {
      if (e instanceof GraphError) return graphErrorResponse(e);
      if (e instanceof InputError) return apiError(400, e.code, e.message);
      if (e instanceof StoreUnavailableError) {
        // The console's own database, not Graph and not the agent: 503, and why in the log (never the driver's error).
        logger.warn(
          { source: 'audit-db', code: e.code, error: e.reason },
          'answered 503: the audit database failed',
        );
        return apiError(503, 'storeUnavailable', apiText('storeUnavailable'));
      }
      throw e;
    }
  });
}
