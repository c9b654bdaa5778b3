// Intune scope tags and claims challenges at the HTTP level.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../app';
import { DEMO_ACCOUNTS } from '../constants';
import { CHALLENGE_CLAIMS } from '../graph/authenticate';
import {
  SCOPES,
  control,
  createTestEmulator,
  graphGet,
  graphPost,
  redeem,
  signIn,
  tokenFor,
  type GraphErrorJson,
} from '../testing';

let emu: Emulator;
beforeAll(async () => {
  emu = await createTestEmulator({ devices: 1500, users: 400 });
});
beforeEach(async () => {
  await control(emu, 'POST', '/reset');
});

const readAllIds = async (token: string) => {
  const ids: string[] = [];
  let next: string | undefined = '/v1.0/deviceManagement/managedDevices?$select=id';
  while (next) {
    const body = (await (await graphGet(emu, next, token)).json()) as {
      value: { id: string }[];
      '@odata.nextLink'?: string;
    };
    ids.push(...body.value.map((d) => d.id));
    next = body['@odata.nextLink'];
  }
  return ids;
};

describe('scope tags', () => {
  it('lists only the EMEA devices to the EMEA helpdesk agent, and all of them to the admin', async () => {
    const emea = emu.ctx.tenant.devices
      .filter((d) => d.scopeTag === 'EMEA')
      .map((d) => d.graph.id)
      .sort();
    expect(emea.length).toBeGreaterThan(300);
    expect(emea.length).toBeLessThan(1500);
    expect((await readAllIds(await tokenFor(emu, DEMO_ACCOUNTS.helpdesk))).sort()).toEqual(emea);
    expect(await readAllIds(await tokenFor(emu, DEMO_ACCOUNTS.admin))).toHaveLength(1500);
  });

  it("refuses reading and acting on a device outside the agent's scope with Intune's 403, which names no reason", async () => {
    const outside = emu.ctx.tenant.devices.find(
      (d) => d.scopeTag === 'AMER' && d.scenario === 'online' && d.mode === 'androidFullyManaged',
    );
    const token = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk);
    const read = await graphGet(
      emu,
      `/v1.0/deviceManagement/managedDevices/${outside?.graph.id}`,
      token,
    );
    expect(read.status).toBe(403);
    const act = await graphPost(
      emu,
      `/v1.0/deviceManagement/managedDevices/${outside?.graph.id}/resetPasscode`,
      token,
    );
    expect(act.status).toBe(403);
    const body = (await act.json()) as GraphErrorJson;
    expect(body.error.code).toBe('Forbidden');
    const outer = JSON.parse(body.error.message) as { ErrorCode: string; Message: string };
    expect(outer.ErrorCode).toBe('Forbidden');
    const inner = JSON.parse(outer.Message) as { _version: number; Message: string };
    expect(inner._version).toBe(3);
    // Intune's RBAC refusal says nothing but "An error has occurred" and the ids support needs.
    expect(inner.Message).toMatch(
      /^An error has occurred - Operation ID \(for customer support\): [0-9a-f-]{36} - Activity ID: [0-9a-f-]{36} - Url: /,
    );
    expect((await control<{ actions: unknown[] }>(emu, 'GET', '/actions')).actions).toHaveLength(0);
  });

  it('answers a user with no Intune licence or role 401 UnknownError, with an embedded Forbidden and the Intune realm', async () => {
    const token = await tokenFor(emu, DEMO_ACCOUNTS.noIntune, [SCOPES.read]);
    const res = await graphGet(emu, '/v1.0/deviceManagement/managedDevices?$top=1', token);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/realm="urn:intune:service"/);
    const body = (await res.json()) as GraphErrorJson;
    expect(body.error.code).toBe('UnknownError');
    expect((JSON.parse(body.error.message) as { ErrorCode: string }).ErrorCode).toBe('Forbidden');
  });

  it('lets an Intune role without remote tasks read a device but not act on it (403)', async () => {
    const device = emu.ctx.tenant.devices.find(
      (d) => d.scopeTag === 'EMEA' && d.mode === 'androidFullyManaged',
    );
    const token = await tokenFor(emu, DEMO_ACCOUNTS.viewer);
    expect(
      (await graphGet(emu, `/v1.0/deviceManagement/managedDevices/${device?.graph.id}`, token))
        .status,
    ).toBe(200);
    expect(
      (
        await graphPost(
          emu,
          `/v1.0/deviceManagement/managedDevices/${device?.graph.id}/resetPasscode`,
          token,
        )
      ).status,
    ).toBe(403);
    expect((await control<{ actions: unknown[] }>(emu, 'GET', '/actions')).actions).toHaveLength(0);
  });
});

describe('claims challenge', () => {
  it('challenges only tokens of clients that declared CP1 (Continuous Access Evaluation)', async () => {
    await control(emu, 'PUT', `/users/${DEMO_ACCOUNTS.helpdesk}/claims-challenge`, {
      enabled: true,
    });
    const plain = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, [SCOPES.read]);
    expect(
      (await graphGet(emu, '/v1.0/deviceManagement/managedDevices?$top=1', plain)).status,
    ).toBe(200);
    const capable = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, [SCOPES.read], {
      capabilities: ['CP1'],
    });
    expect(
      (await graphGet(emu, '/v1.0/deviceManagement/managedDevices?$top=1', capable)).status,
    ).toBe(401);
    await control(emu, 'PUT', `/users/${DEMO_ACCOUNTS.helpdesk}/claims-challenge`, {
      enabled: false,
    });
  });

  it('answers 401 with insufficient_claims once switched on, and accepts a token that carries the claims', async () => {
    // MSAL with clientCapabilities ['CP1'] declares it in the claims of every token request.
    const { tokens } = await signIn(
      emu,
      DEMO_ACCOUNTS.helpdesk,
      undefined,
      JSON.stringify({ access_token: { xms_cc: { values: ['CP1'] } } }),
    );
    await control(emu, 'PUT', `/users/${DEMO_ACCOUNTS.helpdesk}/claims-challenge`, {
      enabled: true,
    });
    const res = await graphGet(
      emu,
      '/v1.0/deviceManagement/managedDevices?$top=1',
      String(tokens.access_token),
    );
    expect(res.status).toBe(401);
    const header = res.headers.get('www-authenticate') ?? '';
    expect(header).toContain('error="insufficient_claims"');
    const claims = Buffer.from(/claims="([^"]+)"/.exec(header)?.[1] ?? '', 'base64').toString();
    expect(JSON.parse(claims)).toEqual(JSON.parse(CHALLENGE_CLAIMS));
    expect(((await res.json()) as GraphErrorJson).error.code).toBe('InvalidAuthenticationToken');

    // The client asks for a token with those claims; Graph then serves it.
    const refreshed = await redeem(emu, {
      grant_type: 'refresh_token',
      refresh_token: String(tokens.refresh_token),
      claims,
      scope:
        'https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All openid profile offline_access',
    });
    const body = (await refreshed.json()) as { access_token: string };
    const ok = await graphGet(
      emu,
      '/v1.0/deviceManagement/managedDevices?$top=1',
      body.access_token,
    );
    expect(ok.status).toBe(200);

    await control(emu, 'PUT', `/users/${DEMO_ACCOUNTS.helpdesk}/claims-challenge`, {
      enabled: false,
    });
    expect(
      (
        await graphGet(
          emu,
          '/v1.0/deviceManagement/managedDevices?$top=1',
          String(tokens.access_token),
        )
      ).status,
    ).toBe(200);
  });
});
