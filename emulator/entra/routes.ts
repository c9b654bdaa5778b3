// Entra ID v2.0 endpoints for a single-page application using MSAL: authorize (with a login page),
// token (authorization code with PKCE, refresh token), logout, JWKS and OpenID discovery.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { EmulatorContext, Session } from '../context';
import type { DirectoryUser } from '../tenant/types';
import { ENTRA_ERRORS, entraErrorBody, type EntraError } from './errors';
import { approvalRequiredPage, errorPage, loginPage, signedOutPage } from './login-page';
import { graphScopeUris, missingConsent, parseScopes } from './scopes';
import { clientInfo, idTokenIssuer, mintAccessToken, mintIdToken } from './tokens';

const SESSION_COOKIE = 'emulator_estsauth';
const CODE_LIFETIME_MS = 10 * 60_000;
const PENDING_LIFETIME_MS = 15 * 60_000;

const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

export function entraRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono();
  const isTenant = (t: string) =>
    t === ctx.tenant.tenantId || t.toLowerCase() === ctx.tenant.domain;
  const endpoints = (tenant: string) => {
    const base = `${ctx.origin}/${tenant}`;
    return {
      issuer: idTokenIssuer(ctx),
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
    };
  };
  const findUser = (login: string): DirectoryUser | undefined => {
    const l = login.trim().toLowerCase();
    return ctx.tenant.users.find((u) => u.userPrincipalName.toLowerCase() === l || u.id === l);
  };
  const secureCookies = ctx.origin.startsWith('https:');

  app.get('/:tenant/v2.0/.well-known/openid-configuration', (c) => {
    const tenant = c.req.param('tenant');
    if (!isTenant(tenant)) return c.json(entraErrorBody(tenantNotFound(tenant)), 400);
    c.header('Access-Control-Allow-Origin', '*');
    return c.json({
      ...endpoints(ctx.tenant.tenantId),
      token_endpoint_auth_methods_supported: [
        'client_secret_post',
        'private_key_jwt',
        'client_secret_basic',
      ],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      request_uri_parameter_supported: false,
      code_challenge_methods_supported: ['S256'],
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'nbf',
        'nonce',
        'name',
        'preferred_username',
        'oid',
        'tid',
        'ver',
        'sid',
      ],
      tenant_region_scope: 'EU',
      cloud_instance_name: new URL(ctx.origin).host,
    });
  });

  app.get('/:tenant/discovery/v2.0/keys', (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    return c.json({ keys: [{ ...ctx.key.publicJwk, issuer: idTokenIssuer(ctx) }] });
  });

  app.get('/:tenant/oauth2/v2.0/authorize', async (c) => {
    const tenant = c.req.param('tenant');
    const params = c.req.query();
    if (!isTenant(tenant))
      return c.html(errorPage('Sign-in failed', describe(tenantNotFound(tenant))), 400);
    if (params.client_id !== ctx.app.clientId) {
      return c.html(
        errorPage('Sign-in failed', describe(ENTRA_ERRORS.unknownClient(params.client_id ?? ''))),
        400,
      );
    }
    const redirectUri = params.redirect_uri ?? '';
    if (!ctx.app.redirectUris.includes(redirectUri)) {
      return c.html(
        errorPage(
          'Sign-in failed',
          describe(ENTRA_ERRORS.redirectMismatch(redirectUri, ctx.app.clientId)),
        ),
        400,
      );
    }
    // From here on the redirect URI is trusted, so errors go back to the app as Entra sends them.
    const fail = (e: EntraError) => c.redirect(authResponseUrl(params, errorParams(e)), 302);
    if (params.response_type !== 'code') return fail(ENTRA_ERRORS.unsupportedResponseType());
    if (!params.code_challenge) return fail(ENTRA_ERRORS.pkceRequired());
    if (params.code_challenge_method !== 'S256') return fail(ENTRA_ERRORS.pkceMethod());
    const scopes = parseScopes(params.scope);
    if (scopes.foreign.length > 0) return fail(ENTRA_ERRORS.invalidScope(scopes.foreign));

    // With third-party cookies blocked, the hidden iframe of MSAL's silent renewal does not send our cookie.
    const blocked =
      ctx.settings.behaviour.thirdPartyCookiesBlocked &&
      c.req.header('sec-fetch-dest') === 'iframe';
    const session = blocked ? undefined : readSession(c);
    const prompt = params.prompt ?? '';
    if (prompt === 'none') {
      if (!session) return fail({ ...ENTRA_ERRORS.loginRequired() });
      const user = findUser(session.userId);
      if (!user) return fail(ENTRA_ERRORS.loginRequired());
      const missing = missingConsent(scopes, user.consentedScopes);
      if (missing.length > 0)
        return fail({ ...ENTRA_ERRORS.consentRequired(missing), error: 'consent_required' });
      return c.redirect(await issueCode(params, user, session), 302);
    }
    if (session && prompt !== 'login' && prompt !== 'select_account') {
      const user = findUser(session.userId);
      if (user) return finishInteractive(c, params, user, session);
    }
    const pendingId = randomToken(18);
    ctx.pendingLogins.set(pendingId, { params, expiresAt: ctx.clock.now() + PENDING_LIFETIME_MS });
    return c.html(
      loginPage({
        tenant: ctx.tenant.displayName,
        appName: ctx.app.displayName,
        pendingId,
        agents: ctx.tenant.users.filter((u) => u.agentRole !== undefined),
        loginHint: params.login_hint,
      }),
    );
  });

  app.post('/:tenant/oauth2/v2.0/login', async (c) => {
    const form = await c.req.parseBody();
    const pendingId = typeof form.pending === 'string' ? form.pending : '';
    const pending = ctx.pendingLogins.get(pendingId);
    if (!pending || pending.expiresAt < ctx.clock.now()) {
      return c.html(
        errorPage(
          'Sign-in expired',
          'This sign-in request is no longer valid. Go back to the application and sign in again.',
        ),
        400,
      );
    }
    const login = typeof form.login === 'string' ? form.login : '';
    const user = findUser(login);
    if (!user) {
      return c.html(
        loginPage({
          tenant: ctx.tenant.displayName,
          appName: ctx.app.displayName,
          pendingId,
          agents: ctx.tenant.users.filter((u) => u.agentRole !== undefined),
          error: `We couldn't find an account with the name ${login}. Pick one of the accounts above or enter a user of ${ctx.tenant.domain}.`,
          loginHint: login,
        }),
        200,
      );
    }
    ctx.pendingLogins.delete(pendingId);
    const session = { userId: user.id, sid: randomUUID(), signedInAt: ctx.clock.now() };
    const sessionId = randomToken();
    ctx.sessions.set(sessionId, session);
    setCookie(c, SESSION_COOKIE, sessionId, {
      path: '/',
      httpOnly: true,
      sameSite: secureCookies ? 'None' : 'Lax',
      secure: secureCookies,
    });
    return finishInteractive(c, pending.params, user, session);
  });

  app.options('/:tenant/oauth2/v2.0/token', (c) => {
    corsHeaders(c);
    return c.body(null, 204);
  });

  app.post('/:tenant/oauth2/v2.0/token', async (c) => {
    corsHeaders(c);
    const correlationId = c.req.header('client-request-id') ?? randomUUID();
    const reject = (e: EntraError, status: 400 | 401 = 400) =>
      c.json(entraErrorBody(e, correlationId), status);
    const tenant = c.req.param('tenant');
    if (!isTenant(tenant)) return reject(tenantNotFound(tenant));
    const form = Object.fromEntries(
      Object.entries(await c.req.parseBody()).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    );
    if (!form.client_id) return reject(ENTRA_ERRORS.missingParameter('client_id'));
    if (form.client_id !== ctx.app.clientId)
      return reject(ENTRA_ERRORS.unknownClient(form.client_id), 401);
    // Entra only redeems a SPA's codes and refresh tokens in a cross-origin (CORS) request.
    if (!c.req.header('origin')) return reject(ENTRA_ERRORS.crossOriginRequired());

    let userId: string;
    let sid: string;
    let signedInAt: number;
    let capabilities: string[] = [];
    let nonce: string | undefined;
    let claims = form.claims;
    const requested = parseScopes(form.scope);
    if (form.grant_type === 'authorization_code') {
      if (!form.code) return reject(ENTRA_ERRORS.missingParameter('code'));
      const code = ctx.codes.get(form.code);
      if (!code || code.expiresAt < ctx.clock.now()) return reject(ENTRA_ERRORS.badCode());
      if (code.redeemed) return reject(ENTRA_ERRORS.codeRedeemed());
      if (code.clientId !== form.client_id) return reject(ENTRA_ERRORS.clientMismatch());
      if (code.redirectUri !== form.redirect_uri) return reject(ENTRA_ERRORS.redirectChanged());
      if (!form.code_verifier) return reject(ENTRA_ERRORS.pkceRequired());
      if (
        createHash('sha256').update(form.code_verifier).digest('base64url') !== code.codeChallenge
      ) {
        return reject(ENTRA_ERRORS.verifierMismatch());
      }
      code.redeemed = true;
      ({ userId, sid, nonce, signedInAt } = code);
      claims ??= code.claims;
      if (!form.scope) form.scope = code.scope;
    } else if (form.grant_type === 'refresh_token') {
      if (!form.refresh_token) return reject(ENTRA_ERRORS.missingParameter('refresh_token'));
      const grant = ctx.refreshTokens.get(form.refresh_token);
      if (!grant) return reject(ENTRA_ERRORS.badCode());
      if (grant.clientId !== form.client_id) return reject(ENTRA_ERRORS.clientMismatch());
      const hours = ctx.settings.behaviour.spaRefreshTokenHours;
      if (ctx.clock.now() > grant.signedInAt + hours * 3_600_000)
        return reject(ENTRA_ERRORS.spaRefreshTokenExpired(hours));
      ({ userId, sid, signedInAt, capabilities } = grant);
    } else {
      return reject(ENTRA_ERRORS.unsupportedGrant(form.grant_type ?? ''));
    }
    const user = findUser(userId);
    if (!user) return reject(ENTRA_ERRORS.badCode());
    const scopes = parseScopes(form.scope);
    if (scopes.foreign.length > 0) return reject(ENTRA_ERRORS.invalidScope(scopes.foreign));
    const missing = missingConsent(
      requested.graph.length > 0 ? requested : scopes,
      user.consentedScopes,
    );
    if (missing.length > 0) return reject(ENTRA_ERRORS.consentRequired(missing));

    const granted = [...user.consentedScopes];
    // MSAL sends the app's declared capabilities (CP1: it handles CAE claims challenges) in every token request.
    capabilities = [...new Set([...capabilities, ...requestedCapabilities(claims)])];
    const refreshToken = randomToken(48);
    ctx.refreshTokens.set(refreshToken, {
      clientId: ctx.app.clientId,
      userId: user.id,
      sid,
      signedInAt,
      capabilities,
    });
    const lifetime = ctx.accessTokenLifetimeSeconds;
    return c.json({
      token_type: 'Bearer',
      scope: [...graphScopeUris(granted), ...scopes.oidc].join(' '),
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: await mintAccessToken(ctx, {
        user,
        scopes: granted,
        authContexts: requestedAuthContexts(claims),
        capabilities,
      }),
      ...(scopes.oidc.includes('offline_access') || form.grant_type === 'refresh_token'
        ? { refresh_token: refreshToken }
        : {}),
      ...(scopes.oidc.includes('openid')
        ? { id_token: await mintIdToken(ctx, user, { nonce, sid }) }
        : {}),
      ...(form.client_info === '1' ? { client_info: clientInfo(ctx, user) } : {}),
    });
  });

  app.get('/:tenant/oauth2/v2.0/logout', (c) => {
    const sessionId = getCookie(c, SESSION_COOKIE);
    if (sessionId) ctx.sessions.delete(sessionId);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    // Entra returns only to a registered redirect URI, matched exactly (not merely the same origin).
    const target = c.req.query('post_logout_redirect_uri');
    if (target && ctx.app.redirectUris.includes(target)) {
      const url = new URL(target);
      const state = c.req.query('state');
      if (state) url.searchParams.set('state', state);
      return c.redirect(url.toString(), 302);
    }
    return c.html(signedOutPage());
  });

  function readSession(c: Context) {
    const id = getCookie(c, SESSION_COOKIE);
    return id ? ctx.sessions.get(id) : undefined;
  }

  async function finishInteractive(
    c: Context,
    params: Record<string, string>,
    user: DirectoryUser,
    session: Session,
  ) {
    const missing = missingConsent(parseScopes(params.scope), user.consentedScopes);
    if (missing.length > 0) {
      const back = authResponseUrl(
        params,
        errorParams(ENTRA_ERRORS.adminApprovalRequired(missing)),
      );
      return c.html(
        approvalRequiredPage({ appName: ctx.app.displayName, user, missing, backUrl: back }),
        200,
      );
    }
    return c.redirect(await issueCode(params, user, session), 302);
  }

  async function issueCode(
    params: Record<string, string>,
    user: DirectoryUser,
    session: Session,
  ): Promise<string> {
    const { sid } = session;
    const code = randomToken(64);
    ctx.codes.set(code, {
      clientId: ctx.app.clientId,
      redirectUri: params.redirect_uri ?? '',
      codeChallenge: params.code_challenge ?? '',
      // Each authorization code starts a new chain of refresh tokens: its 24 hours count from now.
      nonce: params.nonce,
      userId: user.id,
      sid,
      scope: params.scope ?? '',
      claims: params.claims,
      signedInAt: ctx.clock.now(),
      expiresAt: ctx.clock.now() + CODE_LIFETIME_MS,
      redeemed: false,
    });
    return authResponseUrl(params, {
      code,
      client_info: clientInfo(ctx, user),
      session_state: sid,
    });
  }

  return app;
}

/** Appends the response to the redirect URI the way the request asked: in the fragment (MSAL's default) or query. */
function authResponseUrl(params: Record<string, string>, response: Record<string, string>): string {
  const url = new URL(params.redirect_uri ?? '');
  const out = new URLSearchParams(response);
  if (params.state) out.set('state', params.state);
  if (params.response_mode === 'query') {
    for (const [k, v] of out) url.searchParams.set(k, v);
    return url.toString();
  }
  url.hash = out.toString();
  return url.toString();
}

function errorParams(e: EntraError): Record<string, string> {
  const body = entraErrorBody(e);
  return {
    error: e.error,
    error_description: body.error_description,
    error_codes: String(e.aadsts),
    timestamp: body.timestamp,
    trace_id: body.trace_id,
    correlation_id: body.correlation_id,
    ...(e.suberror ? { suberror: e.suberror } : {}),
  };
}

function corsHeaders(c: Context) {
  const origin = c.req.header('origin');
  if (origin) {
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Vary', 'Origin');
  }
  c.header('Access-Control-Allow-Methods', 'POST, OPTIONS');
  c.header(
    'Access-Control-Allow-Headers',
    c.req.header('access-control-request-headers') ?? 'content-type',
  );
  c.header('Access-Control-Max-Age', '86400');
}

/** The client capabilities (xms_cc) a claims request declares; MSAL adds CP1 when the app configures it. */
function requestedCapabilities(claims: string | undefined): string[] {
  if (!claims) return [];
  try {
    const parsed = JSON.parse(claims) as { access_token?: { xms_cc?: { values?: unknown } } };
    const values = parsed.access_token?.xms_cc?.values;
    return Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** The authentication contexts (acrs) a claims request asks for, e.g. after a Graph claims challenge. */
function requestedAuthContexts(claims: string | undefined): string[] {
  if (!claims) return [];
  try {
    const parsed = JSON.parse(claims) as {
      access_token?: { acrs?: { value?: unknown; values?: unknown } };
    };
    const acrs = parsed.access_token?.acrs;
    const values = [acrs?.value, ...(Array.isArray(acrs?.values) ? acrs.values : [])];
    return values.filter((v): v is string => typeof v === 'string');
  } catch {
    return [];
  }
}

function tenantNotFound(tenant: string): EntraError {
  return { error: 'invalid_tenant', aadsts: 90002, description: `Tenant '${tenant}' not found.` };
}

function describe(e: EntraError): string {
  return `AADSTS${e.aadsts}: ${e.description}`;
}
