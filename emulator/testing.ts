// Helpers for the emulator's own tests: an in-process instance with a fixed clock and seed, and a sign-in
// that walks the real authorize → login → token flow with PKCE, as MSAL does.
import { createHash, randomBytes } from 'node:crypto';
import { createEmulator, type Emulator } from './app';
import { DEMO_CLIENT_ID } from './constants';
import { mintAccessToken, type AccessTokenClaims } from './entra/tokens';

export const TEST_ORIGIN = 'http://localhost:4999';
export const TEST_REDIRECT_URI = 'http://localhost:3999/redirect';
/** Where the console returns after sign-out: registered too, as Entra matches post-logout URIs exactly. */
export const TEST_POST_LOGOUT_URI = 'http://localhost:3999/';
export const TEST_CONSOLE_ORIGIN = 'http://localhost:3999';
export const TEST_EPOCH = new Date('2026-11-28T09:00:00Z');

export function createTestEmulator(
  seed: { devices?: number; users?: number; seed?: number } = {},
  mode: 'test' | 'standalone' = 'test',
): Promise<Emulator> {
  return createEmulator({
    origin: TEST_ORIGIN,
    mode,
    seed: {
      seed: seed.seed ?? 4242,
      devices: seed.devices ?? 300,
      users: seed.users ?? 100,
      epoch: TEST_EPOCH,
    },
    app: {
      clientId: DEMO_CLIENT_ID,
      displayName: 'Passcode Desk',
      redirectUris: [TEST_REDIRECT_URI, TEST_POST_LOGOUT_URI],
    },
  });
}

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(emu: Emulator, params: Record<string, string> = {}): string {
  const q = new URLSearchParams({
    client_id: DEMO_CLIENT_ID,
    redirect_uri: TEST_REDIRECT_URI,
    response_type: 'code',
    response_mode: 'fragment',
    scope:
      'https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All openid profile offline_access',
    state: 'state-1',
    nonce: 'nonce-1',
    code_challenge_method: 'S256',
    ...params,
  });
  return `${TEST_ORIGIN}/${emu.ctx.tenant.tenantId}/oauth2/v2.0/authorize?${q}`;
}

/** The fragment parameters of a redirect back to the app. */
export function fragmentOf(res: Response): URLSearchParams {
  const location = res.headers.get('location');
  if (!location) throw new Error(`expected a redirect, got ${res.status}`);
  return new URLSearchParams(new URL(location).hash.slice(1));
}

export interface SignInResult {
  tokens: Record<string, string | number>;
  cookie: string;
}

/** Signs `upn` in through the login page and redeems the code; throws if any step does not behave. */
export async function signIn(
  emu: Emulator,
  upn: string,
  scope?: string,
  claims?: string,
): Promise<SignInResult> {
  const { verifier, challenge } = pkcePair();
  const page = await emu.app.request(
    authorizeUrl(emu, {
      code_challenge: challenge,
      ...(scope ? { scope } : {}),
      ...(claims ? { claims } : {}),
    }),
  );
  const html = await page.text();
  const pending = /name="pending" value="([^"]+)"/.exec(html)?.[1];
  if (!pending) throw new Error('login page did not render');
  const login = await emu.app.request(
    `${TEST_ORIGIN}/${emu.ctx.tenant.tenantId}/oauth2/v2.0/login`,
    {
      method: 'POST',
      body: new URLSearchParams({ pending, login: upn }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    },
  );
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const code = fragmentOf(login).get('code');
  if (!code) throw new Error(`no code: ${fragmentOf(login).toString()}`);
  const tokens = await redeem(emu, {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: TEST_REDIRECT_URI,
  });
  return { tokens: (await tokens.json()) as Record<string, string | number>, cookie };
}

export function redeem(
  emu: Emulator,
  form: Record<string, string>,
  headers: Record<string, string> = { origin: TEST_CONSOLE_ORIGIN },
) {
  return emu.app.request(`${TEST_ORIGIN}/${emu.ctx.tenant.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: DEMO_CLIENT_ID, client_info: '1', ...form }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
}

export function graphGet(
  emu: Emulator,
  pathOrUrl: string,
  token?: string,
  headers: Record<string, string> = {},
) {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${TEST_ORIGIN}${pathOrUrl}`;
  return emu.app.request(url, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
}

export const SCOPES = {
  read: 'DeviceManagementManagedDevices.Read.All',
  privileged: 'DeviceManagementManagedDevices.PrivilegedOperations.All',
} as const;

/** A Graph token for `upn` straight from the emulator's key (the sign-in flow has tests of its own). */
export function tokenFor(
  emu: Emulator,
  upn: string,
  scopes: string[] = [SCOPES.read, SCOPES.privileged],
  extra: Omit<AccessTokenClaims, 'user' | 'scopes'> = {},
) {
  const user = emu.ctx.index.userByKey.get(upn.toLowerCase());
  if (!user) throw new Error(`no user ${upn}`);
  return mintAccessToken(emu.ctx, { user, scopes, ...extra });
}

export function graphPost(
  emu: Emulator,
  path: string,
  token?: string,
  init: { body?: string; headers?: Record<string, string> } = {},
) {
  return emu.app.request(`${TEST_ORIGIN}${path}`, {
    method: 'POST',
    body: init.body,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
  });
}

/** Calls the control API and returns its JSON (or null for 204). */
export async function control<T = unknown>(
  emu: Emulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await emu.app.request(`${TEST_ORIGIN}/_emulator${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? null : await res.json()) as T;
}

export interface GraphErrorJson {
  error: { code: string; message: string; innerError: Record<string, string> };
}
