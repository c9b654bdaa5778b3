import 'server-only';
// Who reads an approval, for the views a route answers: the caller as Graph vouches for the token, and whether they
// hold the Approver role (only from an ID token, in the x-id-token header, that verifies and names that person).
import { ID_TOKEN_HEADER, isApprover } from '@/lib/server/auth/id-token';
import type { TokenClaims } from '@/lib/server/auth/token-claims';
import { verifiedCaller } from '@/lib/server/auth/verified-caller';
import { getApprovalStore, getVerificationStore } from '@/lib/server/store';
import type { ApprovalJoin } from './attach';
import type { ViewerOf } from './view';

export async function viewerOf(req: Request, claims: TokenClaims): Promise<ViewerOf> {
  return {
    caller: { oid: claims.oid, upn: claims.upn },
    approver: await isApprover(req.headers.get(ID_TOKEN_HEADER), claims),
  };
}

/**
 * The approvals' join for a route's answer. `caller`: the claims Graph has vouched for, where the route has them;
 * else the token is proven here (remembered, so a route that proves it again costs no second Graph call). A caller
 * Graph did not vouch for sees no approval as theirs.
 */
export async function approvalJoinFor(
  req: Request,
  caller: TokenClaims | string,
): Promise<ApprovalJoin> {
  const claims =
    typeof caller === 'string'
      ? await verifiedCaller(caller).then((c) => (c.ok ? c.claims : null))
      : caller;
  return {
    approvals: await getApprovalStore(),
    verifications: await getVerificationStore(),
    viewer: claims ? await viewerOf(req, claims) : { caller: null, approver: false },
  };
}
