import 'server-only';
// The Verified ID part of the configuration, whole or absent (server-env.ts checks it is all or nothing). The app
// credential lives here and in the token request only: never in the browser, never in a log line.
import type { ServerEnv } from '@/lib/server/config/server-env';

export interface VerifiedIdConfig {
  clientId: string;
  clientSecret: string;
  /** The verifier's DID; also the accepted issuer of VerifiedEmployee (the tenant issues its own). */
  authority: string;
  /** The Request Service's base URL, without a trailing slash. */
  endpoint: string;
  /** Entra's v2.0 token endpoint of the console's tenant. */
  tokenUrl: string;
  callbackUrl: string;
  threshold: number;
  timeoutMs: number;
}

/** The Request Service's application id: the client-credentials scope is `<it>/.default`. */
export const REQUEST_SERVICE_SCOPE = '3db474b9-6a0c-4840-96ac-1fceb342124f/.default';

export function verifiedIdConfig(env: ServerEnv): VerifiedIdConfig | null {
  const { VERIFIED_ID_CLIENT_ID, VERIFIED_ID_CLIENT_SECRET, VERIFIED_ID_AUTHORITY } = env;
  const callbackUrl = env.VERIFIED_ID_CALLBACK_URL;
  if (
    !VERIFIED_ID_CLIENT_ID ||
    !VERIFIED_ID_CLIENT_SECRET ||
    !VERIFIED_ID_AUTHORITY ||
    !callbackUrl
  )
    return null;
  const authorityBase = (
    env.VERIFIED_ID_TOKEN_AUTHORITY ??
    env.AUTH_ENDPOINTS_ORIGIN ??
    env.AUTH_AUTHORITY
  ).replace(/\/+$/, '');
  return {
    clientId: VERIFIED_ID_CLIENT_ID,
    clientSecret: VERIFIED_ID_CLIENT_SECRET,
    authority: VERIFIED_ID_AUTHORITY,
    endpoint: env.VERIFIED_ID_ENDPOINT.replace(/\/+$/, ''),
    tokenUrl: `${authorityBase}/${encodeURIComponent(env.AUTH_TENANT_ID)}/oauth2/v2.0/token`,
    callbackUrl,
    threshold: env.VERIFIED_ID_FACE_CHECK_THRESHOLD,
    timeoutMs: env.GRAPH_TIMEOUT_MS,
  };
}
