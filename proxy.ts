// Next.js Proxy: runs before every request the console serves (pages, route handlers, server actions, static files).
// It refuses writes from elsewhere and bodies over the action's limit before any of the console's code reads them,
// gives each request a client-request-id for its log lines, and puts the security headers with a fresh
// Content-Security-Policy nonce on every answer (Next.js reads the nonce from the request's policy and gives it to
// its own scripts). Every page renders per request, so each gets its own nonce.
import { NextResponse, type NextRequest } from 'next/server';
import { serverEnv } from '@/lib/server/config/server-env';
import { CLIENT_REQUEST_ID_HEADER, clientRequestIdOf } from '@/lib/server/http/client-request-id';
import { refuseRequest } from '@/lib/server/http/request-guard';
import {
  API_CACHE_CONTROL,
  identityProviderOrigins,
  newNonce,
  NONCE_HEADER,
  securityHeaders,
} from '@/lib/server/http/security-headers';
import { routePattern } from '@/lib/server/log/context';
import { logger } from '@/lib/server/log/logger';
import { SERVER_ACTION_BODY_LIMIT_BYTES } from '@/lib/shared/actions/limits';
import { localText } from '@/lib/server/i18n/api-text';
import { negotiateLocale } from '@/lib/server/i18n/negotiate';
import { LOCALE_COOKIE } from '@/lib/shared/i18n/locales';

export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const clientRequestId = clientRequestIdOf(request.headers);
  const headers = securityHeaders({
    nonce,
    pathname: request.nextUrl.pathname,
    identityOrigins: identityProviderOrigins(serverEnv()),
    development: process.env.NODE_ENV === 'development',
  });

  const refusal = refuseRequest(request.method, request.headers, request.nextUrl.pathname);
  if (refusal) {
    logger.warn(
      {
        route: routePattern(request.nextUrl.pathname),
        clientRequestId,
        method: request.method,
        status: refusal.status,
        reason: refusal.reason,
      },
      'request refused',
    );
    // text/plain, exactly: Next's browser side then rejects the server action call with this text as its message.
    // Shown as it is, so in the agent's language.
    const locale = negotiateLocale(
      request.cookies.get(LOCALE_COOKIE)?.value,
      request.headers.get('accept-language'),
    );
    const text =
      refusal.reason === 'requestTooLarge'
        ? localText(locale, 'requestTooLarge', { kb: SERVER_ACTION_BODY_LIMIT_BYTES / 1024 })
        : localText(locale, 'foreignOrigin');
    const answer = new NextResponse(text, {
      status: refusal.status,
      headers: { 'Content-Type': 'text/plain', 'Cache-Control': API_CACHE_CONTROL },
    });
    for (const [name, value] of Object.entries(headers)) answer.headers.set(name, value);
    answer.headers.set(CLIENT_REQUEST_ID_HEADER, clientRequestId);
    return answer;
  }

  const forwarded = new Headers(request.headers);
  forwarded.set('Content-Security-Policy', headers['Content-Security-Policy'] ?? '');
  forwarded.set(CLIENT_REQUEST_ID_HEADER, clientRequestId);
  // For the console's own inline script (the theme's no-flash script in the root layout), which must carry it.
  forwarded.set(NONCE_HEADER, nonce);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set(CLIENT_REQUEST_ID_HEADER, clientRequestId);
  return response;
}
