import 'server-only';
// Who an audit record names as its actor. Claims read from a token are only a hint until Graph has accepted that
// same token (a 2xx answer); callers build the actor here, and only after such an answer.
import type { Actor } from '@/lib/server/store/audit-store';
import type { TokenClaims } from './token-claims';

/** The actor for claims of a token Graph has just accepted. */
export function auditActor(claims: TokenClaims): Actor {
  return { oid: claims.oid, upn: claims.upn, name: claims.name, tenant: claims.tid };
}
