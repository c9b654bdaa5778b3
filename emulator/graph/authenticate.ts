// Verifies a Graph bearer token the way Graph does: our own signature, audience Graph, this tenant, not
// expired; then checks the delegated permission the endpoint needs.
import { errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { Context } from 'hono';
import type { EmulatorContext } from '../context';
import { accessTokenIssuer, signedForm } from '../entra/tokens';
import { GRAPH_APP_ID, GRAPH_RESOURCE } from '../entra/scopes';
import type { DirectoryUser } from '../tenant/types';
import { graphError, intuneMessage, requestIds } from './errors';

export interface Caller {
  user: DirectoryUser;
  scopes: Set<string>;
  claims: JWTPayload;
}

export type AuthResult = { ok: true; caller: Caller } | { ok: false; response: Response };

/** Permissions that each let a caller read managed devices; Graph accepts any one of them. */
export const READ_PERMISSIONS = [
  'DeviceManagementManagedDevices.Read.All',
  'DeviceManagementManagedDevices.ReadWrite.All',
] as const;
/** GET /me: the signed-in user's own profile. */
export const USER_READ_PERMISSIONS = [
  'User.Read',
  'User.ReadBasic.All',
  'User.Read.All',
  'Directory.Read.All',
] as const;
/** Intune's audit log: Microsoft documents DeviceManagementApps.Read.All or ReadWrite.All for listing auditEvents. */
export const AUDIT_PERMISSIONS = [
  'DeviceManagementApps.Read.All',
  'DeviceManagementApps.ReadWrite.All',
] as const;
/** Intune's role-based access (getEffectivePermissions, roleDefinitions): DeviceManagementRBAC.Read.All or ReadWrite.All. */
export const RBAC_READ_PERMISSIONS = [
  'DeviceManagementRBAC.Read.All',
  'DeviceManagementRBAC.ReadWrite.All',
] as const;
/** Remote actions such as recoverPasscode need this one; ReadWrite.All does not cover them. */
export const PRIVILEGED_PERMISSIONS = [
  'DeviceManagementManagedDevices.PrivilegedOperations.All',
] as const;

/** The claims a challenged user's token must carry: an authentication context, as Conditional Access asks. */
export const CHALLENGE_CLAIMS = JSON.stringify({
  access_token: { acrs: { essential: true, value: 'c1' } },
});

/**
 * `forbidden`: how the service answers a token without any of the permissions (Intune's wrapped 403 unless the
 * caller says otherwise: directory reads answer Authorization_RequestDenied).
 */
export async function authenticate(
  ctx: EmulatorContext,
  c: Context,
  anyOf: readonly string[],
  forbidden?: (c: Context) => Response,
): Promise<AuthResult> {
  const challenge = `Bearer realm="", authorization_uri="${ctx.origin}/common/oauth2/authorize", client_id="${GRAPH_APP_ID}"`;
  const unauthorized = (message: string, extra = '') => ({
    ok: false as const,
    response: graphError(c, {
      status: 401,
      code: 'InvalidAuthenticationToken',
      message,
      headers: { 'WWW-Authenticate': challenge + extra },
    }),
  });
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return unauthorized('Access token is empty.');
  let claims: JWTPayload;
  const opaque = ctx.opaqueTokens.get(match[1]);
  if (opaque) {
    claims = opaque.payload;
    const now = Math.floor(ctx.clock.now() / 1000);
    if (typeof claims.exp === 'number' && claims.exp <= now)
      return unauthorized('Lifetime validation failed, the token is expired.');
  } else {
    try {
      // Graph's own first step: put back the hash of the header's nonce, which is what was signed.
      ({ payload: claims } = await jwtVerify(signedForm(match[1]), ctx.key.publicKey, {
        algorithms: ['RS256'],
        issuer: accessTokenIssuer(ctx),
        currentDate: new Date(ctx.clock.now()),
      }));
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired)
        return unauthorized('Lifetime validation failed, the token is expired.');
      if (e instanceof joseErrors.JWSSignatureVerificationFailed)
        return unauthorized('Access token validation failure. Invalid signature.');
      if (e instanceof joseErrors.JWTClaimValidationFailed && e.claim === 'iss')
        return unauthorized('Access token validation failure. Invalid issuer.');
      if (e instanceof joseErrors.JWTClaimValidationFailed && e.claim === 'nbf')
        return unauthorized('Lifetime validation failed, the token is not yet valid.');
      return unauthorized('IDX14100: JWT is not well formed, there are no dots (.).');
    }
  }
  const aud = claims.aud;
  if (aud !== GRAPH_RESOURCE && aud !== GRAPH_APP_ID)
    return unauthorized('Access token validation failure. Invalid audience.');
  if (claims.tid !== ctx.tenant.tenantId)
    return unauthorized('Access token validation failure. Invalid tenant.');
  const user = ctx.tenant.users.find((u) => u.id === claims.oid);
  if (!user)
    return unauthorized('Access token validation failure. The user does not exist in the tenant.');
  // Continuous Access Evaluation: Graph challenges only tokens of clients that declared they handle it (CP1).
  const caeCapable = Array.isArray(claims.xms_cc) && claims.xms_cc.includes('CP1');
  if (
    caeCapable &&
    ctx.settings.claimsChallengeUsers.has(user.id) &&
    !(Array.isArray(claims.acrs) && claims.acrs.includes('c1'))
  ) {
    return unauthorized(
      'Continuous access evaluation resulted in challenge with result: InteractionRequired and code: InsufficientClaims',
      `, error="insufficient_claims", claims="${Buffer.from(CHALLENGE_CLAIMS).toString('base64')}"`,
    );
  }
  const scopes = new Set(typeof claims.scp === 'string' ? claims.scp.split(' ') : []);
  if (!anyOf.some((p) => scopes.has(p))) {
    if (forbidden) return { ok: false, response: forbidden(c) };
    const { requestId } = requestIds(c);
    return {
      ok: false,
      response: graphError(c, {
        status: 403,
        code: 'Forbidden',
        message: intuneMessage(
          'Forbidden',
          `Application is not authorized to perform this operation. Application must have one of the following scopes: ${anyOf.join(', ')}`,
          requestId,
          c.req.path.replace(/^\/(v1\.0|beta)/, ''),
        ),
      }),
    };
  }
  return { ok: true, caller: { user, scopes, claims } };
}
