import 'server-only';
// The console's own token for the Verified ID Request Service: Entra's client-credentials grant with the Verified ID
// app registration's secret, for the application permission VerifiableCredential.Create.All (the service takes no
// delegated token). Kept in memory until shortly before it expires; one request at a time refreshes it.
import { z } from 'zod';
import { REQUEST_SERVICE_SCOPE, type VerifiedIdConfig } from './config';

const TokenAnswer = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive(),
});
const EntraFailure = z.object({
  error: z.string(),
  error_codes: z.array(z.number()).optional(),
});

/** Entra refused the app credential (wrong secret, missing consent) or could not be reached. */
export class AppTokenError extends Error {
  constructor(
    readonly status: number,
    /** Entra's error and AADSTS number, e.g. `invalid_client AADSTS7000215`: no secret, no description text. */
    readonly reason: string,
  ) {
    super(`Entra did not issue the Verified ID app token: ${reason}`);
    this.name = 'AppTokenError';
  }
}

/** Renew this long before Entra's expiry, so a token never expires on its way to the service. */
const RENEW_EARLY_MS = 5 * 60_000;

let cached: { key: string; token: string; renewAt: number } | undefined;
let pending: { key: string; promise: Promise<string> } | undefined;

export async function appToken(
  config: VerifiedIdConfig,
  now: () => number = Date.now,
): Promise<string> {
  const key = `${config.tokenUrl}|${config.clientId}`;
  if (cached?.key === key && cached.renewAt > now()) return cached.token;
  if (pending?.key === key) return pending.promise;
  const promise = requestToken(config, now).finally(() => {
    if (pending?.key === key) pending = undefined;
  });
  pending = { key, promise };
  return promise;
}

async function requestToken(config: VerifiedIdConfig, now: () => number): Promise<string> {
  let res: Response;
  try {
    res = await fetch(config.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: config.clientId,
        client_secret: config.clientSecret,
        scope: REQUEST_SERVICE_SCOPE,
      }),
      signal: AbortSignal.timeout(config.timeoutMs),
      cache: 'no-store',
    });
  } catch (e) {
    throw new AppTokenError(
      0,
      e instanceof Error && e.name === 'TimeoutError' ? 'timeout' : 'network',
    );
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const failure = EntraFailure.safeParse(body);
    const reason = failure.success
      ? `${failure.data.error}${failure.data.error_codes?.[0] ? ` AADSTS${failure.data.error_codes[0]}` : ''}`
      : `HTTP ${res.status}`;
    throw new AppTokenError(res.status, reason);
  }
  const parsed = TokenAnswer.safeParse(body);
  if (!parsed.success) throw new AppTokenError(res.status, 'invalidResponse');
  const lifetimeMs = parsed.data.expires_in * 1000;
  cached = {
    key: `${config.tokenUrl}|${config.clientId}`,
    token: parsed.data.access_token,
    renewAt: now() + Math.max(lifetimeMs - RENEW_EARLY_MS, lifetimeMs / 2),
  };
  return parsed.data.access_token;
}

/** Forget the cached token (the service refused it: renew once). */
export function forgetAppToken(): void {
  cached = undefined;
}
