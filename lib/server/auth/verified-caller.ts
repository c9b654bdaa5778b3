import 'server-only';
// Who is calling, as far as Graph vouches for it: the token's claims count only once Graph has accepted the same
// token. One cheap Graph read proves it; the answer is remembered per token (by its hash, never the token itself)
// until the token expires, so a tray refresh does not cost a Graph call each time. A token the console cannot
// read (Microsoft may make them opaque) is identified by Graph itself (GET /me).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { serverEnv } from '@/lib/server/config/server-env';
import { graphGet, type WaitBudget } from '@/lib/server/graph/client';
import { getMe, type Me } from '@/lib/server/graph/me';
import { homeIdentity } from '@/lib/shared/identity';
import { checkTokenShape, type TokenClaims } from './token-claims';

const verified = new Map<string, { claims: TokenClaims; until: number }>();
const MAX_ENTRIES = 5000;
/** How long an opaque token's identity is remembered: its expiry is unknown to the console. */
const OPAQUE_TTL_SECONDS = 300;
const Probe = z.object({ value: z.array(z.unknown()) });

export type CallerCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: string };

const keyOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Graph has just accepted this token (for another read): remember it, so the next check costs no Graph call. */
export function rememberVerified(token: string, claims: TokenClaims): void {
  if (verified.size >= MAX_ENTRIES) verified.clear();
  verified.set(keyOf(token), { claims, until: claims.exp * 1000 });
}

/** The caller as Graph's /me describes it, for a token the console cannot read. */
export function claimsFromMe(me: Me, tenantId: string, now: number = Date.now()): TokenClaims {
  const guest = me.userPrincipalName.includes('#EXT#');
  return {
    oid: me.id,
    upn: guest ? homeIdentity(me.userPrincipalName) : me.userPrincipalName,
    name: me.displayName,
    guest,
    tid: tenantId,
    scopes: new Set(),
    exp: Math.floor(now / 1000) + OPAQUE_TTL_SECONDS,
  };
}

/** `budget`: the wait budget of the passcode action asking, if one is (see lib/server/graph/wait-budget.ts). */
export async function verifiedCaller(token: string, budget?: WaitBudget): Promise<CallerCheck> {
  const env = serverEnv();
  const shape = checkTokenShape(token, { tenantId: env.AUTH_TENANT_ID });
  if (!shape.ok && shape.reason !== 'malformed') return { ok: false, reason: shape.reason };
  const hit = verified.get(keyOf(token));
  if (hit && hit.until > Date.now()) return { ok: true, claims: hit.claims };
  // Throws GraphError when Graph refuses the token; the caller maps it.
  if (!shape.ok) {
    const claims = claimsFromMe(await getMe(token, budget), env.AUTH_TENANT_ID);
    rememberVerified(token, claims);
    return { ok: true, claims };
  }
  await graphGet({
    path: '/deviceManagement/managedDevices',
    query: { $top: '1', $select: 'id' },
    token,
    schema: Probe,
    budget,
  });
  rememberVerified(token, shape.claims);
  return { ok: true, claims: shape.claims };
}

/**
 * The caller's claims right after Graph accepted `token` for another read (a 2xx): a readable token's own claims,
 * remembered, with no further Graph call; an opaque one's from Graph's /me. Null when /me does not identify it.
 */
export async function claimsOfAcceptedToken(
  token: string,
  budget?: WaitBudget,
): Promise<TokenClaims | null> {
  const shape = checkTokenShape(token, { tenantId: serverEnv().AUTH_TENANT_ID });
  if (shape.ok) {
    rememberVerified(token, shape.claims);
    return shape.claims;
  }
  const check = await verifiedCaller(token, budget);
  return check.ok ? check.claims : null;
}
