import 'server-only';
// A fail-fast look at the agent's Graph token before calling Graph: no token, not for Graph, another tenant,
// expired, or without the permission the call needs means Graph would refuse it anyway. These claims are
// NOT verified (only Graph can verify its tokens): never an authorization decision, never an audit actor
// until Graph has accepted the same token.
import { decodeJwt } from 'jose';
import { homeIdentity } from '@/lib/shared/identity';
import { GRAPH_RESOURCE } from '@/lib/shared/auth/scopes';

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const CLOCK_SKEW_SECONDS = 30;

export interface TokenClaims {
  oid: string;
  /** The person's sign-in name; for a B2B guest (no `upn` claim) the home identity from `unique_name`. */
  upn: string;
  name: string | null;
  /** A guest from outside the tenant (its token has no `upn`, or an `#EXT#` one). */
  guest: boolean;
  tid: string;
  scopes: Set<string>;
  /** Seconds since the epoch. */
  exp: number;
}

export type TokenRefusal =
  'missing' | 'malformed' | 'wrongAudience' | 'wrongTenant' | 'expired' | 'scopeMissing';
export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: TokenRefusal };

const GUID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;

export function checkTokenShape(
  token: unknown,
  opts: { tenantId: string; requiredScope?: string; now?: number },
): TokenCheck {
  if (typeof token !== 'string' || token.trim() === '') return { ok: false, reason: 'missing' };
  let payload: ReturnType<typeof decodeJwt>;
  try {
    payload = decodeJwt(token);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!aud.some((a) => a === GRAPH_RESOURCE || a === `${GRAPH_RESOURCE}/` || a === GRAPH_APP_ID))
    return { ok: false, reason: 'wrongAudience' };
  const tid = typeof payload.tid === 'string' ? payload.tid : '';
  // A tenant configured by domain name cannot be compared with the token's tenant id; Graph will check it.
  if (GUID.test(opts.tenantId) && tid.toLowerCase() !== opts.tenantId.toLowerCase())
    return { ok: false, reason: 'wrongTenant' };
  const now = Math.floor((opts.now ?? Date.now()) / 1000);
  if (typeof payload.exp !== 'number' || payload.exp <= now + CLOCK_SKEW_SECONDS)
    return { ok: false, reason: 'expired' };
  const scopes = new Set(typeof payload.scp === 'string' ? payload.scp.split(' ') : []);
  if (opts.requiredScope && !scopes.has(opts.requiredScope))
    return { ok: false, reason: 'scopeMissing' };
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const upn = str(payload.upn);
  const guest = upn === '' || upn.includes('#EXT#');
  return {
    ok: true,
    claims: {
      oid: str(payload.oid),
      upn: guest
        ? homeIdentity(str(payload.unique_name) || str(payload.preferred_username) || upn)
        : upn,
      name: str(payload.name) || null,
      guest,
      tid,
      scopes,
      exp: payload.exp,
    },
  };
}
