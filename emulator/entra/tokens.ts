// Mints the tokens Entra ID would: a v2.0 id_token for the app, a Graph access token (v1.0 format, like the
// real ones) carrying every Graph permission the user has consented to, and client_info for MSAL.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { EmulatorContext } from '../context';
import type { DirectoryUser } from '../tenant/types';
import { GRAPH_RESOURCE } from './scopes';

export const accessTokenIssuer = (ctx: EmulatorContext) => `${ctx.origin}/${ctx.tenant.tenantId}/`;
export const idTokenIssuer = (ctx: EmulatorContext) => `${ctx.origin}/${ctx.tenant.tenantId}/v2.0`;

export function clientInfo(ctx: EmulatorContext, user: DirectoryUser): string {
  return Buffer.from(JSON.stringify({ uid: user.id, utid: ctx.tenant.tenantId })).toString('base64url');
}

export async function mintIdToken(
  ctx: EmulatorContext, user: DirectoryUser, opts: { nonce?: string | undefined; sid: string },
): Promise<string> {
  const now = Math.floor(ctx.clock.now() / 1000);
  return new SignJWT({
    ver: '2.0',
    oid: user.id,
    tid: ctx.tenant.tenantId,
    preferred_username: user.userPrincipalName,
    name: user.displayName,
    sid: opts.sid,
    ...(opts.nonce ? { nonce: opts.nonce } : {}),
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: ctx.key.kid })
    .setIssuer(idTokenIssuer(ctx))
    .setAudience(ctx.app.clientId)
    .setSubject(pairwiseSubject(user.id, ctx.app.clientId))
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + 3600)
    .sign(ctx.key.privateKey);
}

export interface AccessTokenClaims {
  user: DirectoryUser;
  scopes: readonly string[];
  /** Authentication contexts satisfied (the `acrs` claim), after a claims challenge. */
  authContexts?: string[];
  /** Overrides for tests of the Graph side's checks. */
  audience?: string;
  appId?: string;
  lifetimeSeconds?: number;
  issuedAt?: number;
}

export async function mintAccessToken(ctx: EmulatorContext, claims: AccessTokenClaims): Promise<string> {
  const iat = claims.issuedAt ?? Math.floor(ctx.clock.now() / 1000);
  const { user } = claims;
  return new SignJWT({
    ver: '1.0',
    appid: claims.appId ?? ctx.app.clientId,
    app_displayname: ctx.app.displayName,
    idtyp: 'user',
    oid: user.id,
    tid: ctx.tenant.tenantId,
    upn: user.userPrincipalName,
    unique_name: user.userPrincipalName,
    name: user.displayName,
    given_name: user.givenName,
    family_name: user.surname,
    scp: claims.scopes.join(' '),
    ...(claims.authContexts && claims.authContexts.length > 0 ? { acrs: claims.authContexts } : {}),
    uti: randomUUID().replace(/-/g, '').slice(0, 22),
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: ctx.key.kid })
    .setIssuer(accessTokenIssuer(ctx))
    .setAudience(claims.audience ?? GRAPH_RESOURCE)
    .setSubject(pairwiseSubject(user.id, GRAPH_RESOURCE))
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + (claims.lifetimeSeconds ?? ctx.accessTokenLifetimeSeconds))
    .sign(ctx.key.privateKey);
}

/** Entra's `sub` is pairwise: stable per user and audience, different across audiences. */
function pairwiseSubject(userId: string, audience: string): string {
  return Buffer.from(`${userId}|${audience}`).toString('base64url').slice(0, 43);
}
