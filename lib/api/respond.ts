import 'server-only';
// How route handlers answer: JSON with no-store, and every failure in one error shape that carries
// Graph's request-id, so the person in front of the console can quote it.
import { NextResponse } from 'next/server';
import { forbiddenReason, type GraphError } from '@/lib/graph/errors';
import type { ApiErrorBody } from '@/lib/devices/types';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function jsonOk<T>(body: T): NextResponse<T> {
  return NextResponse.json(body, { headers: NO_STORE });
}

export function jsonError(status: number, error: Omit<ApiErrorBody['error'], 'status'>): NextResponse<ApiErrorBody> {
  const headers: Record<string, string> = { ...NO_STORE };
  if (error.retryAfterSeconds !== null) headers['Retry-After'] = String(Math.ceil(error.retryAfterSeconds));
  return NextResponse.json({ error: { status, ...error } }, { status, headers });
}

/** Graph's status passes through; a Graph we could not reach becomes 502, one that did not answer 504. */
export function graphErrorResponse(e: GraphError): NextResponse<ApiErrorBody> {
  const status = e.kind === 'timeout' ? 504 : e.kind === 'network' || e.kind === 'invalidResponse' ? 502 : e.status;
  return jsonError(status, {
    code: e.code, message: e.message, requestId: e.requestId, clientRequestId: e.clientRequestId,
    date: e.date, retryAfterSeconds: e.retryAfterSeconds, reason: forbiddenReason(e), claims: e.claimsChallenge,
  });
}

export function badRequest(code: string, message: string): NextResponse<ApiErrorBody> {
  return jsonError(400, { code, message, requestId: null, clientRequestId: null, date: new Date().toUTCString(), retryAfterSeconds: null });
}

/** The agent's Graph token from `Authorization: Bearer …`; it is passed on to Graph and never kept. */
export function bearerToken(req: Request): string | null {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/.exec(req.headers.get('authorization') ?? '');
  return match?.[1] ?? null;
}

export function missingTokenResponse(): NextResponse<ApiErrorBody> {
  return jsonError(401, {
    code: 'missingToken', message: 'The request carried no access token. Sign in again.',
    requestId: null, clientRequestId: null, date: new Date().toUTCString(), retryAfterSeconds: null,
  });
}
