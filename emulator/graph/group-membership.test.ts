// checkMemberGroups as Microsoft answers it: transitive membership, the permission it needs (403
// Authorization_RequestDenied without), the 20-id limit, an unknown user.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../app';
import { DEMO_ACCOUNTS, TENANT_DOMAIN } from '../constants';
import { DEMO_GROUPS } from '../tenant/groups';
import { createTestEmulator, graphPost, tokenFor, type GraphErrorJson } from '../testing';

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
