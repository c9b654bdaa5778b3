// Mints the tokens Entra ID would: a v2.0 id_token for the app, a Graph access token as Microsoft issues them
// (v1.0 format, issuer sts.windows.net, a nonce in the JWT header that makes it unverifiable by anyone but Graph,
// or an opaque string when that switch is on) carrying every Graph permission the user has consented to, and
// client_info for MSAL.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import type { EmulatorContext } from '../context';
import type { DirectoryUser } from '../tenant/types';
import { GRAPH_RESOURCE } from './scopes';

/** Graph access tokens are v1.0 tokens: their issuer is sts.windows.net, whatever the login host. */
export const accessTokenIssuer = (ctx: EmulatorContext) =>
  `https://sts.windows.net/${ctx.tenant.tenantId}/`;
export const idTokenIssuer = (ctx: EmulatorContext) => `${ctx.origin}/${ctx.tenant.tenantId}/v2.0`;

export function clientInfo(ctx: EmulatorContext, user: DirectoryUser): string {
  return Buffer.from(JSON.stringify({ uid: user.id, utid: ctx.tenant.tenantId })).toString(
    'base64url',
  );
}

export async function mintIdToken(
  ctx: EmulatorContext,
  user: DirectoryUser,
  opts: { nonce?: string | undefined; sid: string },
): Promise<string> {
  const now = Math.floor(ctx.clock.now() / 1000);
  return new SignJWT({
    ver: '2.0',
    oid: user.id,
    tid: ctx.tenant.tenantId,
    preferred_username: user.userPrincipalName,
    name: user.displayName,
    sid: opts.sid,
    ...(user.appRoles?.length ? { roles: [...user.appRoles] } : {}),
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
  /** Client capabilities the app declared (`xms_cc`): CP1 means it can handle CAE claims challenges. */
  capabilities?: string[];
  /** Overrides for tests of the Graph side's checks. */
  audience?: string;
  appId?: string;
  lifetimeSeconds?: number;
  issuedAt?: number;
}

/** What an opaque access token stands for, kept by the emulator (only Graph can read such a token). */
export interface OpaqueGrant {
  payload: JWTPayload;
}

export async function mintAccessToken(
  ctx: EmulatorContext,
  claims: AccessTokenClaims,
): Promise<string> {
  const iat = claims.issuedAt ?? Math.floor(ctx.clock.now() / 1000);
  const { user } = claims;
  const exp = iat + (claims.lifetimeSeconds ?? ctx.accessTokenLifetimeSeconds);
  const payload: JWTPayload = {
    aud: claims.audience ?? GRAPH_RESOURCE,
    iss: accessTokenIssuer(ctx),
    iat,
    nbf: iat,
    exp,
    sub: pairwiseSubject(user.id, GRAPH_RESOURCE),
    ver: '1.0',
    appid: claims.appId ?? ctx.app.clientId,
    app_displayname: ctx.app.displayName,
    idtyp: 'user',
    oid: user.id,
    tid: ctx.tenant.tenantId,
    // A guest's token carries no upn: only its home identity (unique_name) and the identity provider.
    ...(user.guest
      ? { unique_name: user.guest.homeIdentity, idp: user.guest.idp }
      : { upn: user.userPrincipalName, unique_name: user.userPrincipalName }),
    name: user.displayName,
    given_name: user.givenName,
    family_name: user.surname,
    scp: claims.scopes.join(' '),
    ...(claims.authContexts && claims.authContexts.length > 0 ? { acrs: claims.authContexts } : {}),
    ...(claims.capabilities && claims.capabilities.length > 0
      ? { xms_cc: claims.capabilities }
      : {}),
    uti: randomUUID().replace(/-/g, '').slice(0, 22),
  };
  if (ctx.settings.behaviour.opaqueAccessTokens) {
    const opaque = randomBytes(48).toString('base64url');
    ctx.opaqueTokens.set(opaque, { payload });
    return opaque;
  }
  // Microsoft signs over the SHA-256 of the header's nonce and publishes the nonce itself, so a standard JWT
  // library cannot verify the token: only Graph (here, the emulator's own check) can.
  const nonce = randomBytes(32).toString('base64url');
  const signed = await new SignJWT(payload)
    .setProtectedHeader({ typ: 'JWT', nonce: hashNonce(nonce), alg: 'RS256', kid: ctx.key.kid })
    .sign(ctx.key.privateKey);
  const [, body, signature] = signed.split('.');
  const header = Buffer.from(
    JSON.stringify({ typ: 'JWT', nonce, alg: 'RS256', kid: ctx.key.kid }),
  ).toString('base64url');
  return `${header}.${body}.${signature}`;
}

export function hashNonce(nonce: string): string {
  return createHash('sha256').update(nonce).digest('base64url');
}

/** The token as it was signed: its header's nonce replaced by the nonce's hash. Graph's own first step. */
export function signedForm(token: string): string {
  const [header = '', body = '', signature = ''] = token.split('.');
  try {
    const parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    if (typeof parsed.nonce !== 'string') return token;
    const restored = { ...parsed, nonce: hashNonce(parsed.nonce) };
    return `${Buffer.from(JSON.stringify(restored)).toString('base64url')}.${body}.${signature}`;
  } catch {
    return token;
  }
}

/** Entra's `sub` is pairwise: stable per user and audience, different across audiences. */
function pairwiseSubject(userId: string, audience: string): string {
  return Buffer.from(`${userId}|${audience}`).toString('base64url').slice(0, 43);
}
