import 'server-only';
// Which requests the console refuses before any of its code reads them. Its writes are server actions, which
// Next.js runs on a POST to any page: a write must come from the console's own pages (an Origin equal to the host
// the request was sent to; Next lets a write without an Origin through) and stay within the action's body limit.
// The one exception is a service's callback (EXTERNAL_CALLBACK_PATHS), which authenticates itself.
import { SERVER_ACTION_BODY_LIMIT_BYTES } from '@/lib/shared/actions/limits';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type Refusal =
  { status: 403; reason: 'foreignOrigin' } | { status: 413; reason: 'requestTooLarge' };

/** The host the browser addressed: the one a reverse proxy forwards, else Host (as Next's own check reads it). */
function addressedHost(headers: Headers): string | null {
  return headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
}

function originHost(origin: string | null): string | null {
  if (!origin || origin === 'null') return null;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Route handlers that services outside the browser POST to, which send no Origin: each authenticates its callers
 * itself and limits its own body (the Verified ID callback: its request's api key and state).
 */
export const EXTERNAL_CALLBACK_PATHS: ReadonlySet<string> = new Set(['/api/verified-id/callback']);

export function refuseRequest(method: string, headers: Headers, pathname = ''): Refusal | null {
  if (READS.has(method.toUpperCase())) return null;
  // Never a server action there (Next runs those on pages only; the header is refused all the same).
  if (
    method.toUpperCase() === 'POST' &&
    EXTERNAL_CALLBACK_PATHS.has(pathname) &&
    !headers.has('next-action')
  )
    return null;
  const from = originHost(headers.get('origin'));
  if (from === null || from !== addressedHost(headers))
    return { status: 403, reason: 'foreignOrigin' };
  const length = Number(headers.get('content-length') ?? '0');
  if (length > SERVER_ACTION_BODY_LIMIT_BYTES) return { status: 413, reason: 'requestTooLarge' };
  return null;
}
