import 'server-only';
// Who is reading the activity, decided before the audit store is read: Graph vouches for the access token (so its
// claims name the caller), and the Auditor app role counts only from an ID token that verifies and names that
// same person. An agent sees their own actions; an auditor sees everyone's, read-only.
import { ID_TOKEN_HEADER, isAuditor } from '@/lib/server/auth/id-token';
import type { TokenClaims } from '@/lib/server/auth/token-claims';
import { verifiedCaller } from '@/lib/server/auth/verified-caller';
import type { ActivityScope } from '@/lib/server/store/activity';
import type { ActivityPage } from '@/lib/shared/activity/types';

export type ActivityAccess =
  | { ok: true; scope: ActivityScope; label: ActivityPage['scope']; claims: TokenClaims }
  | { ok: false };

export async function activityAccess(req: Request, token: string): Promise<ActivityAccess> {
  const caller = await verifiedCaller(token);
  if (!caller.ok) return { ok: false };
  const auditor = await isAuditor(req.headers.get(ID_TOKEN_HEADER), caller.claims);
  return auditor
    ? { ok: true, scope: { actorOid: null }, label: 'all', claims: caller.claims }
    : { ok: true, scope: { actorOid: caller.claims.oid }, label: 'own', claims: caller.claims };
}
