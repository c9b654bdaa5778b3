// The directory reads of the Caller panel as Graph answers them: permissions, Entra roles, the P2 licence, and
// Microsoft's error shapes (403 Authorization_RequestDenied, 404 Request_ResourceNotFound, the methods' accessDenied).
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../app';
import { DEMO_ACCOUNTS } from '../constants';
import {
  authorizeUrl,
  control,
  createTestEmulator,
  fragmentOf,
  pkcePair,
  redeem,
  graphGet,
  signIn,
  tokenFor,
  type GraphErrorJson,
} from '../testing';
import type { DirectoryUser } from '../tenant/types';
import { PHONE_METHOD_IDS } from '../tenant/directory';

const DIRECTORY = [
  'User.Read.All',
  'UserAuthenticationMethod.Read.All',
  'IdentityRiskyUser.Read.All',
];

describe('directory reads', () => {
  let emu: Emulator;
  let juergen: DirectoryUser;
  let helpdesk: string;
  beforeAll(async () => {
    emu = await createTestEmulator({ devices: 400, users: 120 });
    helpdesk = String((await signIn(emu, DEMO_ACCOUNTS.helpdesk)).tokens.access_token);
    const found = emu.ctx.tenant.users.find((u) =>
      u.userPrincipalName.startsWith('juergen.weiss@'),
    );
    if (!found) throw new Error('no Jürgen in the seed');
    juergen = found;
  });
  beforeEach(() => emu.ctx.reset());

  const json = async <T>(res: Response) => (await res.json()) as T;

  it('reads a profile by id or UPN with $select, and refuses an unknown property', async () => {
    const res = await graphGet(
      emu,
      `/v1.0/users/${encodeURIComponent(juergen.userPrincipalName)}?$select=displayName,accountEnabled,mobilePhone,businessPhones,employeeId`,
      helpdesk,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('request-id')).toBeTruthy();
    const body = await json<Record<string, unknown>>(res);
    expect(body).toMatchObject({
      displayName: 'Jürgen Weiß',
      accountEnabled: false,
      mobilePhone: '+49 1511 2345678',
      businessPhones: ['+49 89 4520 1187'],
    });
    expect(Object.keys(body).sort()).toEqual(
      [
        '@odata.context',
        'accountEnabled',
        'businessPhones',
        'displayName',
        'employeeId',
        'mobilePhone',
      ].sort(),
    );
    const bad = await graphGet(emu, `/v1.0/users/${juergen.id}?$select=shoeSize`, helpdesk);
    expect(bad.status).toBe(400);
    expect((await json<GraphErrorJson>(bad)).error.code).toBe('Request_BadRequest');
  });

  it('reads the manager, and answers 404 when none is set', async () => {
    const res = await graphGet(emu, `/v1.0/users/${juergen.id}/manager`, helpdesk);
    expect(res.status).toBe(200);
    const manager = await json<Record<string, unknown>>(res);
    expect(manager['@odata.type']).toBe('#microsoft.graph.user');
    expect(manager.id).toBe(juergen.managerId);
    expect(manager.mobilePhone).toBe('+49 1701 5554321');
    const agent = emu.ctx.tenant.users.find((u) => u.userPrincipalName === DEMO_ACCOUNTS.admin);
    const none = await graphGet(emu, `/v1.0/users/${agent?.id}/manager`, helpdesk);
    expect(none.status).toBe(404);
    expect((await json<GraphErrorJson>(none)).error).toMatchObject({
      code: 'Request_ResourceNotFound',
      message: expect.stringContaining("'manager'"),
    });
  });

  it('lists registered phone methods for an agent with an Entra role that may read them', async () => {
    const res = await graphGet(
      emu,
      `/v1.0/users/${juergen.id}/authentication/phoneMethods`,
      helpdesk,
    );
    expect(res.status).toBe(200);
    const { value } = await json<{ value: Record<string, unknown>[] }>(res);
    expect(value).toEqual([
      expect.objectContaining({
        id: PHONE_METHOD_IDS.mobile,
        phoneType: 'mobile',
        phoneNumber: '+49 1511 2345678',
      }),
      expect.objectContaining({
        id: PHONE_METHOD_IDS.alternateMobile,
        phoneType: 'alternateMobile',
      }),
    ]);
  });

  it('refuses phone methods to a token with the permission but no role, and to one without the permission', async () => {
    const noRole = await tokenFor(emu, DEMO_ACCOUNTS.readOnly, DIRECTORY);
    const res = await graphGet(
      emu,
      `/v1.0/users/${juergen.id}/authentication/phoneMethods`,
      noRole,
    );
    expect(res.status).toBe(403);
    expect((await json<GraphErrorJson>(res)).error.code).toBe('accessDenied');
    const noScope = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, ['User.Read.All']);
    const res2 = await graphGet(
      emu,
      `/v1.0/users/${juergen.id}/authentication/phoneMethods`,
      noScope,
    );
    expect(res2.status).toBe(403);
  });

  it('refuses every directory read without its permission, as Authorization_RequestDenied', async () => {
    const { tokens } = await signIn(emu, DEMO_ACCOUNTS.readOnly);
    const token = String(tokens.access_token);
    for (const path of [
      `/v1.0/users/${juergen.id}`,
      `/v1.0/users/${juergen.id}/manager`,
      `/v1.0/identityProtection/riskyUsers/${juergen.id}`,
    ]) {
      const res = await graphGet(emu, path, token);
      expect(res.status, path).toBe(403);
      const { error } = await json<GraphErrorJson>(res);
      expect(error).toMatchObject({
        code: 'Authorization_RequestDenied',
        message: 'Insufficient privileges to complete the operation.',
      });
      expect(error.innerError['request-id']).toBeTruthy();
    }
  });

  it('reads Identity Protection risk; 404 without a record, 403 without a security role or a P2 licence', async () => {
    const res = await graphGet(emu, `/v1.0/identityProtection/riskyUsers/${juergen.id}`, helpdesk);
    expect(res.status).toBe(200);
    expect(await json<Record<string, unknown>>(res)).toMatchObject({
      id: juergen.id,
      riskLevel: 'high',
      riskState: 'atRisk',
      riskDetail: 'none',
    });
    const zoe = emu.ctx.tenant.users.find((u) => u.userPrincipalName.startsWith('zoe.obrien@'));
    const none = await graphGet(emu, `/v1.0/identityProtection/riskyUsers/${zoe?.id}`, helpdesk);
    expect(none.status).toBe(404);
    expect((await json<GraphErrorJson>(none)).error.code).toBe('Request_ResourceNotFound');

    const noRole = await tokenFor(emu, DEMO_ACCOUNTS.readOnly, DIRECTORY);
    const denied = await graphGet(emu, `/v1.0/identityProtection/riskyUsers/${juergen.id}`, noRole);
    expect(denied.status).toBe(403);
    expect((await json<GraphErrorJson>(denied)).error.code).toBe('Authorization_RequestDenied');

    await control(emu, 'PUT', '/tenant/licences', { entraIdP2: false });
    const unlicensed = await graphGet(
      emu,
      `/v1.0/identityProtection/riskyUsers/${juergen.id}`,
      helpdesk,
    );
    expect(unlicensed.status).toBe(403);
    expect((await json<GraphErrorJson>(unlicensed)).error.code).toBe('Forbidden');
  });

  it('lets a user read their own profile with User.Read only, and nobody else', async () => {
    const own = await tokenFor(emu, DEMO_ACCOUNTS.readOnly, ['User.Read']);
    const me = emu.ctx.tenant.users.find((u) => u.userPrincipalName === DEMO_ACCOUNTS.readOnly);
    expect((await graphGet(emu, `/v1.0/users/${me?.id}`, own)).status).toBe(200);
    expect((await graphGet(emu, `/v1.0/users/${juergen.id}`, own)).status).toBe(403);
  });

  it('answers 404 Request_ResourceNotFound for a user the directory does not have', async () => {
    const res = await graphGet(emu, '/v1.0/users/nobody@contoso.com', helpdesk);
    expect(res.status).toBe(404);
    expect((await json<GraphErrorJson>(res)).error.code).toBe('Request_ResourceNotFound');
  });
});

describe('consent to the directory permissions', () => {
  it('refuses a silent request of an agent without the grant (AADSTS65001) and shows the admin approval page', async () => {
    const emu = await createTestEmulator({ devices: 50, users: 40 });
    const { tokens, cookie } = await signIn(emu, DEMO_ACCOUNTS.readOnly);
    const silent = await redeem(emu, {
      grant_type: 'refresh_token',
      refresh_token: String(tokens.refresh_token),
      scope: 'https://graph.microsoft.com/User.Read.All offline_access',
    });
    expect(silent.status).toBe(400);
    expect(await silent.json()).toMatchObject({
      error: 'invalid_grant',
      error_codes: [65001],
      suberror: 'consent_required',
    });
    const page = await emu.app.request(
      authorizeUrl(emu, {
        code_challenge: pkcePair().challenge,
        scope: 'openid https://graph.microsoft.com/User.Read.All',
      }),
      { headers: { cookie } },
    );
    const html = await page.text();
    expect(html).toContain('Need admin approval');
    expect(html).toContain('User.Read.All');
    expect(html).toContain('AADSTS90094');
  });

  it('refuses a scope Graph does not publish (AADSTS70011)', async () => {
    const emu = await createTestEmulator({ devices: 50, users: 40 });
    const res = await emu.app.request(
      authorizeUrl(emu, {
        code_challenge: pkcePair().challenge,
        scope: 'openid https://graph.microsoft.com/Phones.Read.Everything',
      }),
    );
    expect(fragmentOf(res).get('error')).toBe('invalid_scope');
  });
});
