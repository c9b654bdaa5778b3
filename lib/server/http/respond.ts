import 'server-only';
// How route handlers answer: JSON with no-store, and every failure in the console's one error shape, with
// Graph's request-id where Graph was asked, so the person in front of the console can quote it.
import { NextResponse } from 'next/server';
import type { GraphError } from '@/lib/server/graph/errors';
import { API_CACHE_CONTROL } from './security-headers';
import { errorInfo, type ApiErrorBody, type ErrorInfo } from '@/lib/shared/errors';

const NO_STORE = { 'Cache-Control': API_CACHE_CONTROL };

export function jsonOk<T>(body: T): NextResponse<T> {
  return NextResponse.json(body, { headers: NO_STORE });
}

/** An error answer; its HTTP status is the one in `info`, and a Retry-After travels as the header too. */
export function jsonError(info: ErrorInfo): NextResponse<ApiErrorBody> {
  const headers: Record<string, string> = { ...NO_STORE };
  if (info.retryAfterSeconds !== null)
    headers['Retry-After'] = String(Math.ceil(info.retryAfterSeconds));
  return NextResponse.json({ error: info }, { status: info.status, headers });
}

/** An error the console found itself (no Graph request-id). */
export function apiError(
  status: number,
  code: string,
  message: string,
  extra: Partial<ErrorInfo> = {},
): NextResponse<ApiErrorBody> {
  return jsonError(errorInfo(status, code, message, extra));
}

/**
 * Graph's status passes through; a Graph we could not reach becomes 502, one that did not answer 504. Intune's
 * 401 for a user without licence or role becomes 403: for the browser it is a permission to get, not a session
 * to renew (renewing would loop).
 */
export function graphErrorResponse(e: GraphError): NextResponse<ApiErrorBody> {
  const status =
    e.kind === 'timeout'
      ? 504
      : e.kind === 'network' || e.kind === 'invalidResponse'
        ? 502
        : e.status === 401 && e.intuneRealm
          ? 403
          : e.status;
  return jsonError({ ...e.info(), status });
}
