// Graph's token checks: only a token the emulator itself signed, for Graph, for this tenant, unexpired, with
// the permission the endpoint needs, gets data; everything else gets Graph's 401 or 403.
import { SignJWT, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../app';
import { DEMO_ACCOUNTS } from '../constants';
import { mintAccessToken } from '../entra/tokens';
import { createTestEmulator, graphGet, redeem, signIn } from '../testing';

const LIST = '/v1.0/deviceManagement/managedDevices?$top=5';
const READ = 'DeviceManagementManagedDevices.Read.All';
const PRIVILEGED = 'DeviceManagementManagedDevices.PrivilegedOperations.All';

let emu: Emulator;
let helpdeskToken: string;

beforeAll(async () => {
  emu = await createTestEmulator();
  helpdeskToken = String((await signIn(emu, DEMO_ACCOUNTS.helpdesk)).tokens.access_token);
});

const user = (upn: string) => {
  const u = emu.ctx.tenant.users.find((x) => x.userPrincipalName === upn);
  if (!u) throw new Error(upn);
  return u;
};

async function expectGraph401(res: Response, message: RegExp) {
  expect(res.status).toBe(401);
  const body = (await res.json()) as {
    error: { code: string; message: string; innerError: Record<string, string> };
  };
  expect(body.error.code).toBe('InvalidAuthenticationToken');
  expect(body.error.message).toMatch(message);
  expect(body.error.innerError['request-id']).toBe(res.headers.get('request-id'));
  expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
  return body;
}

describe('Graph access token checks', () => {
  it('serves devices to a token from the emulator sign-in', async () => {
    const res = await graphGet(emu, LIST, helpdeskToken);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { value: unknown[] }).value).toHaveLength(5);
  });

  it('answers 401 to a request without a token', async () => {
    await expectGraph401(await graphGet(emu, LIST), /Access token is empty/);
  });

  it('answers 401 to a tampered token (payload changed, signature kept)', async () => {
    const [header, payload, signature] = helpdeskToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    claims.scp = `${READ} ${PRIVILEGED} DeviceManagementManagedDevices.ReadWrite.All`;
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    await expectGraph401(await graphGet(emu, LIST, forged), /Invalid signature/);
  });

  it('answers 401 to a token signed by another key', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const now = Math.floor(Date.now() / 1000);
    const foreign = await new SignJWT({
      scp: READ,
      oid: user(DEMO_ACCOUNTS.admin).id,
      tid: emu.ctx.tenant.tenantId,
    })
      .setProtectedHeader({ alg: 'RS256', kid: emu.ctx.key.kid })
      .setAudience('https://graph.microsoft.com')
      .setIssuer(`${emu.ctx.origin}/${emu.ctx.tenant.tenantId}/`)
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(privateKey);
    await expectGraph401(await graphGet(emu, LIST, foreign), /Invalid signature/);
  });

  it('answers 401 to an expired token', async () => {
    const expired = await mintAccessToken(emu.ctx, {
      user: user(DEMO_ACCOUNTS.helpdesk),
      scopes: [READ],
      issuedAt: Math.floor(Date.now() / 1000) - 7200,
      lifetimeSeconds: 3600,
    });
    await expectGraph401(await graphGet(emu, LIST, expired), /token is expired/);
  });

  it('answers 401 to a token for another audience', async () => {
    const other = await mintAccessToken(emu.ctx, {
      user: user(DEMO_ACCOUNTS.helpdesk),
      scopes: [READ],
      audience: 'api://something',
    });
    await expectGraph401(await graphGet(emu, LIST, other), /Invalid audience/);
  });

  it('answers 401 to something that is not a JWT', async () => {
    await expectGraph401(await graphGet(emu, LIST, 'not-a-token'), /not well formed/);
  });

  it("echoes the caller's client-request-id on errors and in the body", async () => {
    const res = await graphGet(emu, LIST, undefined, {
      'client-request-id': 'ticket-INC-42-call-1',
    });
    expect(res.headers.get('client-request-id')).toBe('ticket-INC-42-call-1');
    const body = await expectGraph401(res, /empty/);
    expect(body.error.innerError['client-request-id']).toBe('ticket-INC-42-call-1');
    expect(res.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers 403 with Intune's message to a valid token without a device permission", async () => {
    const noScope = await mintAccessToken(emu.ctx, {
      user: user(DEMO_ACCOUNTS.helpdesk),
      scopes: ['User.Read'],
    });
    const res = await graphGet(emu, LIST, noScope);
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('Forbidden');
    const inner = JSON.parse(body.error.message) as { Message: string };
    expect(inner.Message).toMatch(
      /must have one of the following scopes: DeviceManagementManagedDevices\.Read\.All/,
    );
  });
});

describe('scopes in issued access tokens', () => {
  const scpOf = (token: string) =>
    String(
      (
        JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
          scp: string;
        }
      ).scp,
    ).split(' ');

  it("gives the helpdesk agent the read and privileged permissions, the one for Intune's audit log, the owner's notification's, the Caller panel's and the group rules' (GroupMember.Read.All)", () => {
    expect(scpOf(helpdeskToken).sort()).toEqual(
      [
        'User.Read',
        READ,
        PRIVILEGED,
        'DeviceManagementApps.Read.All',
        'User.Read.All',
        'Mail.Send',
        'Mail.Send.Shared',
        'UserAuthenticationMethod.Read.All',
        'IdentityRiskyUser.Read.All',
        'GroupMember.Read.All',
      ].sort(),
    );
  });

  it('gives the read-only agent no privileged permission, and refuses it on request', async () => {
    const { tokens } = await signIn(emu, DEMO_ACCOUNTS.readOnly);
    expect(scpOf(String(tokens.access_token)).sort()).toEqual(['User.Read', READ].sort());
    expect(String(tokens.scope)).not.toContain(PRIVILEGED);

    const res = await redeem(emu, {
      grant_type: 'refresh_token',
      refresh_token: String(tokens.refresh_token),
      scope: `https://graph.microsoft.com/${PRIVILEGED} openid profile offline_access`,
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; suberror: string; error_codes: number[] };
    expect(body).toMatchObject({
      error: 'invalid_grant',
      suberror: 'consent_required',
      error_codes: [65001],
    });
  });
});
