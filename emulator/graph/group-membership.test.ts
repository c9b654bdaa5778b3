// checkMemberGroups and GET /groups/{id} as Microsoft answers them: transitive membership, the permission they need
// (403 Authorization_RequestDenied without), the 20-id limit, an unknown user or group, a group's mail.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../app';
import { DEMO_ACCOUNTS, TENANT_DOMAIN } from '../constants';
import { DEMO_GROUPS } from '../tenant/groups';
import { createTestEmulator, graphGet, graphPost, tokenFor, type GraphErrorJson } from '../testing';

let emu: Emulator;
const zoe = `zoe.obrien@${TENANT_DOMAIN}`;
const check = async (user: string, groupIds: unknown, scopes = ['GroupMember.Read.All']) => {
  const token = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, scopes);
  return graphPost(emu, `/v1.0/users/${encodeURIComponent(user)}/checkMemberGroups`, token, {
    body: JSON.stringify({ groupIds }),
    headers: { 'content-type': 'application/json' },
  });
};

beforeAll(async () => {
  emu = await createTestEmulator({ devices: 50, users: 30 });
});

describe('POST /users/{id}/checkMemberGroups', () => {
  it('answers the groups the user is in, through nested groups too, and not the others', async () => {
    const res = await check(zoe, [DEMO_GROUPS.protectedUsers, DEMO_GROUPS.finance]);
    expect(res.status).toBe(200);
    expect(res.headers.get('request-id')).toBeTruthy();
    expect(((await res.json()) as { value: string[] }).value).toEqual([DEMO_GROUPS.protectedUsers]);
    const byId = emu.ctx.tenant.users.find((u) => u.userPrincipalName === zoe)?.id ?? '';
    const again = await check(byId, [DEMO_GROUPS.executives]);
    expect(((await again.json()) as { value: string[] }).value).toEqual([DEMO_GROUPS.executives]);
  });

  it('refuses without GroupMember.Read.All with the directory 403, and more than 20 ids with 400', async () => {
    const denied = await check(
      zoe,
      [DEMO_GROUPS.executives],
      ['DeviceManagementManagedDevices.Read.All'],
    );
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as GraphErrorJson).error).toMatchObject({
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    });
    const many = await check(
      zoe,
      Array.from({ length: 21 }, () => DEMO_GROUPS.executives),
    );
    expect(many.status).toBe(400);
    const unknown = await check('00000000-0000-4000-8000-000000000000', [DEMO_GROUPS.executives]);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as GraphErrorJson).error.code).toBe('Request_ResourceNotFound');
  });
});

describe('GET /groups/{id}', () => {
  const get = async (path: string, scopes = ['GroupMember.Read.All']) =>
    graphGet(emu, path, await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, scopes));

  it("answers the approvers' mail-enabled group with its address, and a security group without one", async () => {
    const res = await get(
      `/v1.0/groups/${DEMO_GROUPS.approvers}?$select=displayName,mail,mailEnabled,securityEnabled`,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      '@odata.context': expect.stringMatching(
        /\/v1\.0\/\$metadata#groups\(displayName,mail,mailEnabled,securityEnabled\)\/\$entity$/,
      ),
      displayName: 'Passcode approvers',
      mail: `passcode-approvers@${TENANT_DOMAIN}`,
      mailEnabled: true,
      securityEnabled: true,
    });
    const executives = await get(`/v1.0/groups/${DEMO_GROUPS.executives}`, ['Group.Read.All']);
    expect(await executives.json()).toMatchObject({
      id: DEMO_GROUPS.executives,
      displayName: 'Executives',
      mail: null,
      mailEnabled: false,
    });
  });

  it('holds the two approvers as members', async () => {
    for (const upn of [DEMO_ACCOUNTS.approver, DEMO_ACCOUNTS.admin]) {
      const res = await check(upn, [DEMO_GROUPS.approvers]);
      expect(((await res.json()) as { value: string[] }).value).toEqual([DEMO_GROUPS.approvers]);
    }
    const other = await check(DEMO_ACCOUNTS.helpdesk, [DEMO_GROUPS.approvers]);
    expect(((await other.json()) as { value: string[] }).value).toEqual([]);
  });

  it("refuses without a group permission, and answers Graph's 404 and 400 for an unknown group, an id that is none, or an unknown property", async () => {
    const denied = await get(`/v1.0/groups/${DEMO_GROUPS.approvers}`, ['User.Read.All']);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as GraphErrorJson).error.code).toBe(
      'Authorization_RequestDenied',
    );
    const unknown = await get('/v1.0/groups/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    const body = (await unknown.json()) as GraphErrorJson;
    expect(body.error).toMatchObject({
      code: 'Request_ResourceNotFound',
      message:
        "Resource '00000000-0000-4000-8000-000000000000' does not exist or one of its queried reference-property objects are not present.",
    });
    expect(Object.keys(body.error.innerError).sort()).toEqual([
      'client-request-id',
      'date',
      'request-id',
    ]);
    expect((await get('/v1.0/groups/passcode-approvers')).status).toBe(400);
    expect((await get(`/v1.0/groups/${DEMO_GROUPS.approvers}?$select=colour`)).status).toBe(400);
  });
});
