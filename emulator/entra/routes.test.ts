// The sign-in endpoints as MSAL uses them: authorize with PKCE, single-use codes, nonce and client_info,
// refresh tokens, prompt=none with the session cookie, logout, JWKS, and Entra-shaped errors.
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../app';
import { DEMO_ACCOUNTS, DEMO_CLIENT_ID } from '../constants';
import {
  TEST_ORIGIN,
  TEST_REDIRECT_URI,
  authorizeUrl,
  createTestEmulator,
  fragmentOf,
  pkcePair,
  redeem,
  signIn,
} from '../testing';

let emu: Emulator;
beforeAll(async () => {
  emu = await createTestEmulator();
});

const tenantPath = () => `${TEST_ORIGIN}/${emu.ctx.tenant.tenantId}`;

describe('authorization code flow', () => {
  it('issues an id_token with the nonce, client_info and a refresh token', async () => {
    const { tokens } = await signIn(emu, DEMO_ACCOUNTS.helpdesk);
    expect(tokens.token_type).toBe('Bearer');
    expect(String(tokens.scope).split(' ')).toContain(
      'https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All',
    );
    const id = decodeJwt(String(tokens.id_token));
    expect(id).toMatchObject({
      aud: DEMO_CLIENT_ID,
      iss: `${tenantPath()}/v2.0`,
      nonce: 'nonce-1',
      ver: '2.0',
      preferred_username: DEMO_ACCOUNTS.helpdesk,
      name: 'Hanna Berger',
      tid: emu.ctx.tenant.tenantId,
    });
    const info = JSON.parse(
      Buffer.from(String(tokens.client_info), 'base64url').toString(),
    ) as Record<string, string>;
    expect(info).toEqual({ uid: id.oid, utid: emu.ctx.tenant.tenantId });
    expect(String(tokens.refresh_token).length).toBeGreaterThan(40);
  });

  it('signs tokens with a key published at the JWKS endpoint', async () => {
    const { tokens } = await signIn(emu, DEMO_ACCOUNTS.admin);
    const jwks = (await (
      await emu.app.request(`${tenantPath()}/discovery/v2.0/keys`)
    ).json()) as Parameters<typeof createLocalJWKSet>[0];
    const { payload } = await jwtVerify(String(tokens.id_token), createLocalJWKSet(jwks), {
      audience: DEMO_CLIENT_ID,
    });
    expect(payload.preferred_username).toBe(DEMO_ACCOUNTS.admin);
  });

  it('redeems a code once only', async () => {
    const { verifier, challenge } = pkcePair();
    const code = await codeFor(challenge);
    const first = await redeem(emu, {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: TEST_REDIRECT_URI,
    });
    expect(first.status).toBe(200);
    const second = await redeem(emu, {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: TEST_REDIRECT_URI,
    });
    expect(second.status).toBe(400);
    const body = (await second.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });
    expect(String(body.error_description)).toMatch(
      /^AADSTS54005: .* Trace ID: .* Correlation ID: /,
    );
    expect(body).toHaveProperty('trace_id');
    expect(body).toHaveProperty('correlation_id');
    expect(body).toHaveProperty('timestamp');
  });

  it('refuses a code_verifier that does not match the challenge', async () => {
    const { challenge } = pkcePair();
    const code = await codeFor(challenge);
    const res = await redeem(emu, {
      grant_type: 'authorization_code',
      code,
      code_verifier: pkcePair().verifier,
      redirect_uri: TEST_REDIRECT_URI,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
  });

  it('refuses to redeem outside a cross-origin request, as Entra does for SPAs', async () => {
    const { verifier, challenge } = pkcePair();
    const code = await codeFor(challenge);
    const res = await redeem(
      emu,
      {
        grant_type: 'authorization_code',
        code,
        code_verifier: verifier,
        redirect_uri: TEST_REDIRECT_URI,
      },
      {},
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error_codes: [9002327] });
  });

  it('answers the token endpoint with CORS for the console origin and 204 to preflight', async () => {
    const pre = await emu.app.request(`${tenantPath()}/oauth2/v2.0/token`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3999', 'access-control-request-method': 'POST' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://localhost:3999');
  });

  it('requires PKCE with S256 and says so in the redirect', async () => {
    const missing = fragmentOf(await emu.app.request(authorizeUrl(emu)));
    expect(missing.get('error')).toBe('invalid_request');
    expect(missing.get('error_description')).toMatch(/^AADSTS9002325/);
    expect(missing.get('state')).toBe('state-1');
    const plain = fragmentOf(
      await emu.app.request(
        authorizeUrl(emu, { code_challenge: 'x', code_challenge_method: 'plain' }),
      ),
    );
    expect(plain.get('error_description')).toMatch(/S256/);
  });

  it('does not redirect to an unregistered redirect URI', async () => {
    const res = await emu.app.request(
      authorizeUrl(emu, {
        code_challenge: pkcePair().challenge,
        redirect_uri: 'http://localhost:3999/evil',
      }),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('AADSTS50011');
  });

  it('refuses an unknown client id with AADSTS700016', async () => {
    const res = await emu.app.request(
      authorizeUrl(emu, { client_id: '00000000-0000-0000-0000-000000000001' }),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('AADSTS700016');
  });

  it('refreshes tokens with a refresh token', async () => {
    const { tokens } = await signIn(emu, DEMO_ACCOUNTS.helpdesk);
    const res = await redeem(emu, {
      grant_type: 'refresh_token',
      refresh_token: String(tokens.refresh_token),
      scope:
        'https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All openid profile offline_access',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, string>;
    expect(decodeJwt(String(body.access_token)).upn).toBe(DEMO_ACCOUNTS.helpdesk);
    expect(body.refresh_token).toBeTruthy();
  });

  it('refuses an unknown refresh token', async () => {
    const res = await redeem(emu, { grant_type: 'refresh_token', refresh_token: 'made-up' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
  });
});

describe('silent sign-in and logout', () => {
  it('answers prompt=none with login_required without a session, and with a code with one', async () => {
    const { challenge } = pkcePair();
    const noSession = fragmentOf(
      await emu.app.request(authorizeUrl(emu, { code_challenge: challenge, prompt: 'none' })),
    );
    expect(noSession.get('error')).toBe('login_required');
    expect(noSession.get('error_description')).toMatch(/^AADSTS50058/);

    const { cookie } = await signIn(emu, DEMO_ACCOUNTS.helpdesk);
    const silent = fragmentOf(
      await emu.app.request(authorizeUrl(emu, { code_challenge: challenge, prompt: 'none' }), {
        headers: { cookie },
      }),
    );
    expect(silent.get('code')).toBeTruthy();
    expect(silent.get('client_info')).toBeTruthy();
    expect(silent.get('state')).toBe('state-1');
  });

  it('ends the session at logout and redirects to the app with the state', async () => {
    const { cookie } = await signIn(emu, DEMO_ACCOUNTS.helpdesk);
    const out = await emu.app.request(
      `${tenantPath()}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent('http://localhost:3999/')}&state=s9`,
      { headers: { cookie } },
    );
    expect(out.status).toBe(302);
    expect(out.headers.get('location')).toBe('http://localhost:3999/?state=s9');
    const after = fragmentOf(
      await emu.app.request(
        authorizeUrl(emu, { code_challenge: pkcePair().challenge, prompt: 'none' }),
        { headers: { cookie } },
      ),
    );
    expect(after.get('error')).toBe('login_required');
  });

  it('returns after logout only to a registered URI, matched exactly', async () => {
    const { cookie } = await signIn(emu, DEMO_ACCOUNTS.helpdesk);
    const unregistered = await emu.app.request(
      `${tenantPath()}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent('http://localhost:3999/elsewhere')}`,
      { headers: { cookie } },
    );
    expect(unregistered.status).toBe(200); // Entra's own "you have signed out" page, no redirect
    expect(unregistered.headers.get('location')).toBeNull();
  });

  it('asks for admin approval when a user lacks consent for a requested permission', async () => {
    const { cookie } = await signIn(emu, DEMO_ACCOUNTS.readOnly);
    const scope =
      'https://graph.microsoft.com/DeviceManagementManagedDevices.PrivilegedOperations.All openid profile';
    const silent = fragmentOf(
      await emu.app.request(
        authorizeUrl(emu, { code_challenge: pkcePair().challenge, prompt: 'none', scope }),
        { headers: { cookie } },
      ),
    );
    expect(silent.get('error')).toBe('consent_required');
    const interactive = await emu.app.request(
      authorizeUrl(emu, { code_challenge: pkcePair().challenge, scope }),
      { headers: { cookie } },
    );
    expect(interactive.status).toBe(200);
    const html = await interactive.text();
    expect(html).toContain('Need admin approval');
    expect(html).toContain('DeviceManagementManagedDevices.PrivilegedOperations.All');
  });

  it('publishes OpenID configuration with the endpoints MSAL needs', async () => {
    const res = await emu.app.request(`${tenantPath()}/v2.0/.well-known/openid-configuration`);
    expect(await res.json()).toMatchObject({
      issuer: `${tenantPath()}/v2.0`,
      authorization_endpoint: `${tenantPath()}/oauth2/v2.0/authorize`,
      token_endpoint: `${tenantPath()}/oauth2/v2.0/token`,
      end_session_endpoint: `${tenantPath()}/oauth2/v2.0/logout`,
      jwks_uri: `${tenantPath()}/discovery/v2.0/keys`,
    });
  });
});

/** A fresh code for the helpdesk agent through the login page. */
async function codeFor(challenge: string): Promise<string> {
  const page = await (
    await emu.app.request(authorizeUrl(emu, { code_challenge: challenge, prompt: 'login' }))
  ).text();
  const pending = /name="pending" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const login = await emu.app.request(`${tenantPath()}/oauth2/v2.0/login`, {
    method: 'POST',
    body: new URLSearchParams({ pending, login: DEMO_ACCOUNTS.helpdesk }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return fragmentOf(login).get('code') ?? '';
}
