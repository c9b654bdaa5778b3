// Microsoft's answers where they are less polite than the documentation: the emulator reproduces each (on by
// default, switchable), so the console meets them here first. One test per behaviour.
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../app';
import { DEMO_ACCOUNTS } from '../constants';
import {
  SCOPES,
  authorizeUrl,
  control,
  createTestEmulator,
  fragmentOf,
  graphGet,
  graphPost,
  pkcePair,
  redeem,
  signIn,
  tokenFor,
  type GraphErrorJson,
} from '../testing';

let emu: Emulator;
beforeAll(async () => {
  emu = await createTestEmulator({ devices: 600, users: 150 });
});
beforeEach(async () => {
  await control(emu, 'POST', '/reset');
});

describe('access tokens as Microsoft issues them', () => {
  it('are v1.0 tokens from sts.windows.net with a nonce in the header that a standard JWT check cannot verify', async () => {
    const token = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, [SCOPES.read]);
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      ver: '1.0',
      iss: `https://sts.windows.net/${emu.ctx.tenant.tenantId}/`,
      aud: 'https://graph.microsoft.com',
    });
    expect(typeof decodeProtectedHeader(token).nonce).toBe('string');
    const key = await importJWK(emu.ctx.key.publicJwk, 'RS256');
    await expect(jwtVerify(token, key)).rejects.toThrow(/signature/);
    // Graph itself accepts it.
    expect(
      (await graphGet(emu, '/v1.0/deviceManagement/managedDevices?$top=1', token)).status,
    ).toBe(200);
  });

  it('can be opaque (switch): Graph accepts them, nobody else can read them', async () => {
    await control(emu, 'PUT', '/behaviour', { opaqueAccessTokens: true });
    const { tokens } = await signIn(emu, DEMO_ACCOUNTS.helpdesk);
    const token = String(tokens.access_token);
    expect(token.split('.')).toHaveLength(1);
    expect(() => decodeJwt(token)).toThrow();
    expect(
      (await graphGet(emu, '/v1.0/deviceManagement/managedDevices?$top=1', token)).status,
    ).toBe(200);
  });

  it("carry a guest's home identity in unique_name and no upn", async () => {
    const claims = decodeJwt(await tokenFor(emu, DEMO_ACCOUNTS.guest, [SCOPES.read]));
    expect(claims.upn).toBeUndefined();
    expect(claims).toMatchObject({
      unique_name: 'live.com#jane.doe@outlook.com',
      idp: 'live.com',
      name: 'Jane Doe',
    });
  });
});

describe('Entra ID for a single-page app', () => {
  it("lets a SPA's refresh token expire 24 hours after sign-in (AADSTS700084)", async () => {
    await control(emu, 'POST', '/clock', { freeze: true });
    const { tokens } = await signIn(emu, DEMO_ACCOUNTS.helpdesk);
    const renew = () =>
      redeem(emu, {
        grant_type: 'refresh_token',
        refresh_token: String(tokens.refresh_token),
        scope: 'openid profile offline_access',
      });
    expect((await renew()).status).toBe(200);
    await control(emu, 'POST', '/clock', { advanceMs: 24 * 3_600_000 + 1000 });
    const expired = await renew();
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({ error: 'invalid_grant', error_codes: [700084] });
    await control(emu, 'POST', '/clock', { freeze: false });
  });

  it('with third-party cookies blocked (switch), silent renewal in a hidden iframe needs a new sign-in', async () => {
    const { cookie } = await signIn(emu, DEMO_ACCOUNTS.helpdesk);
    const silent = (dest: string) =>
      emu.app.request(authorizeUrl(emu, { code_challenge: pkcePair().challenge, prompt: 'none' }), {
        headers: { cookie, 'sec-fetch-dest': dest },
      });
    expect(fragmentOf(await silent('iframe')).get('code')).toBeTruthy();
    await control(emu, 'PUT', '/behaviour', { thirdPartyCookiesBlocked: true });
    expect(fragmentOf(await silent('iframe')).get('error')).toBe('login_required');
    expect(fragmentOf(await silent('document')).get('code')).toBeTruthy(); // a top-level redirect still has the cookie
  });
});

describe("Graph's answers", () => {
  it('follows a nextLink Intune re-serialised: another $filter spelling, a user by id instead of UPN', async () => {
    const token = await tokenFor(emu, DEMO_ACCOUNTS.admin, [SCOPES.read]);
    const upn =
      emu.ctx.tenant.devices.find(
        (d) => (emu.ctx.index.devicesByUser.get(d.graph.userId)?.length ?? 0) > 1,
      )?.graph.userPrincipalName ?? '';
    const first = await graphGet(
      emu,
      `/v1.0/users/${encodeURIComponent(upn)}/managedDevices?$top=1&$filter=${encodeURIComponent("startswith(operatingSystem,'i') or operatingSystem eq 'Android'")}`,
      token,
    );
    const next = ((await first.json()) as { '@odata.nextLink'?: string })['@odata.nextLink'] ?? '';
    const url = new URL(next);
    const user = emu.ctx.index.userByKey.get(upn.toLowerCase());
    expect(decodeURIComponent(url.pathname)).toBe(`/v1.0/users/${user?.id}/managedDevices`);
    expect(url.searchParams.get('$filter')).toBe(
      "startswith(operatingSystem, 'i') or operatingSystem eq 'Android'",
    );
    expect((await graphGet(emu, next, token)).status).toBe(200);
    await control(emu, 'PUT', '/behaviour', { nextLinkRewritten: false });
    const plain = await graphGet(
      emu,
      `/v1.0/users/${encodeURIComponent(upn)}/managedDevices?$top=1`,
      token,
    );
    expect(
      decodeURIComponent(
        new URL(((await plain.json()) as { '@odata.nextLink': string })['@odata.nextLink'])
          .pathname,
      ),
    ).toBe(`/v1.0/users/${upn}/managedDevices`);
  });

  it('answers unknown routes, on v1.0 and beta, with Graph-shaped 404s carrying a request-id', async () => {
    const token = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, [SCOPES.read]);
    for (const path of [
      '/beta/deviceManagement/detectedApps',
      '/v1.0/deviceManagement/somethingElse',
    ]) {
      const res = await graphGet(emu, path, token);
      expect(res.status, path).toBe(404);
      const body = (await res.json()) as GraphErrorJson;
      expect(body.error.code).toBe('ResourceNotFound');
      expect(body.error.innerError['request-id']).toBe(res.headers.get('request-id'));
    }
  });

  it("stores iOS IMEIs as Apple prints them, Android ones as digits, and many users' mail apart from their UPN", () => {
    const ios = emu.ctx.tenant.devices.filter(
      (d) => d.graph.operatingSystem === 'iOS' && d.graph.imei,
    );
    expect(ios.length).toBeGreaterThan(0);
    for (const d of ios) expect(d.graph.imei).toMatch(/^\d{2} \d{6} \d{6} \d$/);
    const android = emu.ctx.tenant.devices.filter(
      (d) => d.graph.operatingSystem === 'Android' && d.graph.imei,
    );
    for (const d of android) expect(d.graph.imei).toMatch(/^\d{15}$/);
    const differing = emu.ctx.tenant.users.filter(
      (u) => u.mail.toLowerCase() !== u.userPrincipalName.toLowerCase(),
    );
    expect(differing.length / emu.ctx.tenant.users.length).toBeGreaterThan(0.2);
    expect(emu.ctx.index.userByKey.get('sean.oconnor@contoso.com')?.mail).toBe(
      'sean.oconnor@contoso.ie',
    );
  });

  it("lists Intune's own audit event for an action, by the caller's client-request-id, for DeviceManagementApps.Read.All", async () => {
    const device = emu.ctx.tenant.devices.find(
      (d) => d.scopeTag === 'EMEA' && d.mode === 'androidFullyManaged',
    );
    const agent = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk);
    const correlation = '0d5e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(
      (
        await graphPost(
          emu,
          `/v1.0/deviceManagement/managedDevices/${device?.graph.id}/resetPasscode`,
          agent,
          { headers: { 'client-request-id': correlation } },
        )
      ).status,
    ).toBe(204);
    const auditor = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, [
      SCOPES.read,
      'DeviceManagementApps.Read.All',
    ]);
    const res = await graphGet(
      emu,
      `/v1.0/deviceManagement/auditEvents?$filter=${encodeURIComponent(`correlationId eq ${correlation}`)}`,
      auditor,
    );
    expect(res.status).toBe(200);
    const { value } = (await res.json()) as {
      value: {
        correlationId: string;
        activity: string;
        actor: { userPrincipalName: string; applicationDisplayName: string };
        resources: { resourceId: string }[];
      }[];
    };
    expect(value).toHaveLength(1);
    expect(value[0]).toMatchObject({
      correlationId: correlation,
      activity: 'resetPasscode ManagedDevice',
      actor: { userPrincipalName: DEMO_ACCOUNTS.helpdesk, applicationDisplayName: 'Passcode Desk' },
      resources: [{ resourceId: device?.graph.id }],
    });
    const withoutPermission = await graphGet(
      emu,
      '/v1.0/deviceManagement/auditEvents',
      await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, [SCOPES.read]),
    );
    expect(withoutPermission.status).toBe(403);
  });
});
