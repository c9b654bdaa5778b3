import 'server-only';
// The console's app roles come from the agent's ID token (the `roles` claim Entra ID puts there for the console's
// app registration). The browser's word is not enough: the ID token is verified here (signature against the
// identity provider's published keys, issuer, audience = this console, expiry), and it must name the same person
// Graph has just vouched for with the access token. Only then does a role count.
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { serverEnv } from '@/lib/server/config/server-env';
import type { TokenClaims } from './token-claims';

/** The header the browser sends its ID token in, for the routes that honour app roles. */
export const ID_TOKEN_HEADER = 'x-id-token';
const CLOCK_TOLERANCE_SECONDS = 60;

const keySets = new Map<string, JWTVerifyGetKey>();

function keysAt(url: string): JWTVerifyGetKey {
  let keys = keySets.get(url);
  if (!keys) {
    // jose caches the key set and refetches it (at most every 30 s) when a token names an unknown key id.
    keys = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000 });
    keySets.set(url, keys);
  }
  return keys;
}

/** Where the ID tokens' issuer and keys live: the endpoints origin the browser uses, or the Entra instance. */
function identityBase(): string {
  const env = serverEnv();
  return (env.AUTH_ENDPOINTS_ORIGIN ?? env.AUTH_AUTHORITY).replace(/\/$/, '');
}

/**
 * The app roles of `caller` (whom Graph has accepted) according to `idToken`; none when the ID token is missing,
 * does not verify, or names someone else.
 */
export async function verifiedAppRoles(
  idToken: string | null,
  caller: TokenClaims,
): Promise<string[]> {
  if (!idToken) return [];
  const env = serverEnv();
  const base = identityBase();
  try {
    const { payload } = await jwtVerify(
      idToken,
      keysAt(`${base}/${env.AUTH_TENANT_ID}/discovery/v2.0/keys`),
      {
        issuer: `${base}/${caller.tid}/v2.0`,
        audience: env.AUTH_CLIENT_ID,
        algorithms: ['RS256'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      },
    );
    if (typeof payload.oid !== 'string' || payload.oid.toLowerCase() !== caller.oid.toLowerCase())
      return [];
    if (typeof payload.tid !== 'string' || payload.tid.toLowerCase() !== caller.tid.toLowerCase())
      return [];
    return Array.isArray(payload.roles)
      ? payload.roles.filter((r): r is string => typeof r === 'string')
      : [];
  } catch {
    return [];
  }
}

export async function isAuditor(idToken: string | null, caller: TokenClaims): Promise<boolean> {
  return (await verifiedAppRoles(idToken, caller)).includes(serverEnv().AUDITOR_ROLE);
}

/** Whether `caller` holds the Approver app role (APPROVER_ROLE): four-eyes decisions (security.md case 27). */
export async function isApprover(idToken: string | null, caller: TokenClaims): Promise<boolean> {
  return (await verifiedAppRoles(idToken, caller)).includes(serverEnv().APPROVER_ROLE);
}
