// Listing and reading managed devices: $select, $top, nextLink paging to the end, per-user lists.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../app';
import { DEMO_ACCOUNTS } from '../constants';
import { createTestEmulator, graphGet, signIn } from '../testing';

interface DevicePage {
  value: Record<string, unknown>[];
  '@odata.nextLink'?: string;
  '@odata.count'?: number;
  '@odata.context': string;
}

async function readAll(emu: Emulator, token: string, firstUrl: string) {
  const ids: string[] = [];
  let pages = 0;
  let next: string | undefined = firstUrl;
  while (next) {
    const res = await graphGet(emu, next, token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as DevicePage;
    ids.push(...body.value.map((d) => String(d.id)));
    next = body['@odata.nextLink'];
    pages++;
    if (pages > 10_000) throw new Error('paging does not end');
  }
  return { ids, pages };
}

describe('paging through the default tenant', () => {
  let emu: Emulator;
  let token: string;
  beforeAll(async () => {
    emu = await createTestEmulator({ devices: 2500, users: 800 });
    token = String((await signIn(emu, DEMO_ACCOUNTS.admin)).tokens.access_token);
  });

  it('follows nextLink to the end and counts exactly the seeded devices, each once', async () => {
    const { ids, pages } = await readAll(
      emu,
      token,
      '/v1.0/deviceManagement/managedDevices?$select=id,deviceName',
    );
    expect(ids).toHaveLength(2500);
    expect(new Set(ids).size).toBe(2500);
    expect(pages).toBe(3); // pages of at most 1000
  });

  it('pages by $top and keeps $select in every nextLink', async () => {
    const first = (await (
      await graphGet(
        emu,
        '/v1.0/deviceManagement/managedDevices?$top=999&$select=id,serialNumber',
        token,
      )
    ).json()) as DevicePage;
    expect(first.value).toHaveLength(999);
    expect(Object.keys(first.value[0] ?? {}).sort()).toEqual(['id', 'serialNumber']);
    expect(first['@odata.context']).toMatch(/managedDevices\(id,serialNumber\)$/);
    const nextLink = new URL(first['@odata.nextLink'] ?? '');
    expect(nextLink.origin).toBe(emu.ctx.origin);
    expect(nextLink.searchParams.get('$select')).toBe('id,serialNumber');
    const { ids } = await readAll(
      emu,
      token,
      '/v1.0/deviceManagement/managedDevices?$top=999&$select=id',
    );
    expect(ids).toHaveLength(2500);
  });

  it('caps a page at 1000 whatever $top asks', async () => {
    const body = (await (
      await graphGet(emu, '/v1.0/deviceManagement/managedDevices?$top=5000&$select=id', token)
    ).json()) as DevicePage;
    expect(body.value).toHaveLength(1000);
  });

  it('counts with $count=true', async () => {
    const body = (await (
      await graphGet(emu, '/v1.0/deviceManagement/managedDevices?$top=1&$count=true', token)
    ).json()) as DevicePage;
    expect(body['@odata.count']).toBe(2500);
  });

  it('rejects a skiptoken it did not issue and an unknown $select property with BadRequest', async () => {
    const bad = await graphGet(
      emu,
      '/v1.0/deviceManagement/managedDevices?$skiptoken=forged',
      token,
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'BadRequest' } });
    const sel = await graphGet(
      emu,
      '/v1.0/deviceManagement/managedDevices?$select=id,passcode',
      token,
    );
    expect(sel.status).toBe(400);
    expect(((await sel.json()) as { error: { message: string } }).error.message).toContain(
      "property named 'passcode'",
    );
  });
});

describe("one user's devices and one device", () => {
  let emu: Emulator;
  let token: string;
  beforeAll(async () => {
    emu = await createTestEmulator();
    token = String((await signIn(emu, DEMO_ACCOUNTS.admin)).tokens.access_token);
  });

  it("lists a user's devices by UPN (case-insensitive) and by id: theirs and the ones they enrolled for others", async () => {
    const zoe = emu.ctx.tenant.users.find((u) => u.userPrincipalName === 'zoe.obrien@contoso.com');
    expect(zoe).toBeDefined();
    const expected = emu.ctx.tenant.devices
      .filter((d) => d.graph.userId === zoe?.id || d.enrolledBy?.id === zoe?.id)
      .map((d) => d.graph.id)
      .sort();
    // Her two iPhones, and the iPad she enrolled whose primary user is a colleague.
    expect(expected.length).toBe(3);
    for (const key of ['Zoe.OBrien@contoso.com', zoe?.id ?? '']) {
      const body = (await (
        await graphGet(
          emu,
          `/v1.0/users/${encodeURIComponent(key)}/managedDevices?$select=id,userId`,
          token,
        )
      ).json()) as DevicePage;
      expect(body.value.map((d) => d.id).sort()).toEqual(expected);
    }
  });

  it('names the enroller in beta only; v1.0 names the primary user alone', async () => {
    const ipad = emu.ctx.tenant.devices.find((d) => d.graph.deviceName === 'Shared iPad Reception');
    if (!ipad) throw new Error('no Shared iPad Reception in the seed');
    const path = `deviceManagement/managedDevices/${ipad.graph.id}`;
    const v1 = (await (await graphGet(emu, `/v1.0/${path}`, token)).json()) as Record<
      string,
      unknown
    >;
    expect(v1).not.toHaveProperty('enrolledByUserPrincipalName');
    expect(v1.userPrincipalName).not.toBe('zoe.obrien@contoso.com');
    const beta = (await (await graphGet(emu, `/beta/${path}`, token)).json()) as Record<
      string,
      unknown
    >;
    expect(beta.enrolledByUserPrincipalName).toBe('zoe.obrien@contoso.com');
    expect(beta.userPrincipalName).toBe(v1.userPrincipalName);
  });

  it('answers 404 for an unknown user', async () => {
    const res = await graphGet(emu, '/v1.0/users/nobody@contoso.com/managedDevices', token);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'Request_ResourceNotFound' } });
  });

  it('reads one device with $select, and answers 404 ResourceNotFound for an unknown id', async () => {
    const device = emu.ctx.tenant.devices[10]?.graph;
    const res = await graphGet(
      emu,
      `/v1.0/deviceManagement/managedDevices/${device?.id}?$select=id,deviceName,deviceActionResults`,
      token,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: device?.id,
      deviceName: device?.deviceName,
      deviceActionResults: [],
    });
    const missing = await graphGet(
      emu,
      '/v1.0/deviceManagement/managedDevices/00000000-0000-0000-0000-000000000000',
      token,
    );
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'ResourceNotFound' } });
  });
});
