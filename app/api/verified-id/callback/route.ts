// POST /api/verified-id/callback: the Verified ID Request Service's callbacks. Not signed in as an agent: each
// callback proves itself with its request's api key and state (lib/server/verified-id/callback.ts). Answers carry
// no detail beyond a code; refusals are logged with the reason, never with the key.
import { NextResponse } from 'next/server';
import { API_CACHE_CONTROL } from '@/lib/server/http/security-headers';
import { withRequestLog } from '@/lib/server/http/request-log';
import { logger } from '@/lib/server/log/logger';
import { StoreUnavailableError } from '@/lib/server/store/database-errors';
import { getVerificationStore, getVerifiedIdRequests } from '@/lib/server/store';
import { handleCallback } from '@/lib/server/verified-id/callback';
import { serverEnv } from '@/lib/server/config/server-env';
import { verifiedIdConfig } from '@/lib/server/verified-id/config';

/** A callback with every claim of a VerifiedEmployee credential and its photo stays well below this. */
const MAX_BODY_BYTES = 256 * 1024;

const answer = (status: number, code: string) =>
  NextResponse.json({ code }, { status, headers: { 'Cache-Control': API_CACHE_CONTROL } });

export const POST = withRequestLog(async (req: Request) => {
  if (!verifiedIdConfig(serverEnv())) return answer(404, 'notConfigured');
  const text = await readCapped(req, MAX_BODY_BYTES);
  if (text === null) return answer(413, 'tooLarge');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return answer(400, 'invalidCallback');
  }
  try {
    const verdict = await handleCallback(req.headers.get('api-key'), body, {
      requests: await getVerifiedIdRequests(),
      verifications: await getVerificationStore(),
    });
    if (verdict.status !== 200)
      logger.warn(
        { source: 'verified-id', outcome: verdict.outcome },
        'verified id: callback refused',
      );
    else if (verdict.outcome === 'concluded')
      logger.info(
        { source: 'verified-id', verified: verdict.verified, failure: verdict.failure },
        'verified id: presentation concluded',
      );
    return answer(verdict.status, verdict.outcome);
  } catch (e) {
    if (e instanceof StoreUnavailableError) return answer(503, 'storeUnavailable');
    throw e;
  }
});

/** The body as text, or null once it grows past `max` bytes (read no further: a chunked body has no length). */
async function readCapped(req: Request, max: number): Promise<string | null> {
  if (Number(req.headers.get('content-length') ?? '0') > max) return null;
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
