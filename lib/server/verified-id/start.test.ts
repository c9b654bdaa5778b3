// Starting a Verified ID check against the emulator over HTTP: the console's own app credential gets a token for
// the Request Service, the device's user comes from Graph with the agent's token, and the request is kept with a
// hash of its api key; an app credential Entra or the service refuses, a device the agent may not read, and a
// half-configured console start nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '@/emulator/constants';
import {
  DEMO_VERIFIED_ID_CLIENT_ID,
  DEMO_VERIFIED_ID_CLIENT_SECRET,
  DEMO_VERIFIER_DID,
  UNGRANTED_VERIFIED_ID_CLIENT_ID,
  UNGRANTED_VERIFIED_ID_CLIENT_SECRET,
} from '@/emulator/verified-id/constants';
import type { ServerEnv } from '@/lib/server/config/server-env';
import { openAuditDb, type AuditDb } from '@/lib/server/store/db';
import { VerifiedIdRequests } from '@/lib/server/store/verified-id-requests';
import { SCOPES, startEmulatorServer, type EmulatorServer } from '@/test-support/emulator-server';
import type { startVerifiedIdCheck as Start } from './start';

interface ControlDevice {
  id: string;
  userPrincipalName: string;
  scopeTag: string;
}

let server: EmulatorServer;
let db: AuditDb;
let requests: VerifiedIdRequests;
let start: typeof Start;
let baseEnv: ServerEnv;
const dir = mkdtempSync(join(tmpdir(), 'passcode-desk-verified-id-start-'));

beforeAll(async () => {
  server = await startEmulatorServer({ devices: 250, users: 60 });
  db = await openAuditDb({ dataDir: dir });
  requests = new VerifiedIdRequests(db);
  ({ startVerifiedIdCheck: start } = await import('./start'));
  const { serverEnv } = await import('@/lib/server/config/server-env');
  baseEnv = serverEnv();
});
afterAll(async () => {
  await db.close();
  server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const configured = (overrides: Partial<ServerEnv> = {}): ServerEnv => ({
  ...baseEnv,
  VERIFIED_ID_CLIENT_ID: DEMO_VERIFIED_ID_CLIENT_ID,
  VERIFIED_ID_CLIENT_SECRET: DEMO_VERIFIED_ID_CLIENT_SECRET,
  VERIFIED_ID_AUTHORITY: DEMO_VERIFIER_DID,
  VERIFIED_ID_ENDPOINT: `${server.origin}/verifiedid`,
  VERIFIED_ID_TOKEN_AUTHORITY: server.origin,
  VERIFIED_ID_CALLBACK_URL: 'http://127.0.0.1:9/api/verified-id/callback',
  ...overrides,
});
const device = async (scopeTag: string): Promise<ControlDevice> => {
  const { devices } = await server.control<{ devices: ControlDevice[] }>(
    'GET',
    `/devices?${new URLSearchParams({ scopeTag, limit: '20' })}`,
  );
  const d = devices.find((x) => x.userPrincipalName);
  if (!d) throw new Error(`no device in ${scopeTag}`);
  return d;
};
const helpdesk = () => server.token(DEMO_ACCOUNTS.helpdesk, [SCOPES.read]);
const deps = (env: ServerEnv) => ({ env, requests: async () => requests });

describe('starting a Verified ID check', () => {
  it("asks for the device user's VerifiedEmployee credential and keeps the request with its key's hash only", async () => {
    const d = await device('EMEA');
    const result = await start(d.id, await helpdesk(), deps(configured()));
    if (result.status !== 'started') throw new Error(`refused: ${result.code}`);
    expect(result.qrCode).toMatch(/^data:image\/png;base64,/);
    expect(result.url).toContain(`${server.origin}/verifiedid/v1.0/`);
    expect(result.threshold).toBe(70);
    const row = await requests.get(result.requestId);
    expect(row).toMatchObject({
      status: 'waiting',
      subject_user_id: server.emu.ctx.index.userByKey.get(d.userPrincipalName.toLowerCase())?.id,
      subject_upn: d.userPrincipalName,
      device_id: d.id.toLowerCase(),
      agent_upn: DEMO_ACCOUNTS.helpdesk,
      threshold: 70,
      expires_at: expect.stringMatching(/^\d{4}-/) as unknown,
    });
    expect(row?.api_key_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(row?.state).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('starts nothing when Entra refuses the app credential or the service refuses the app', async () => {
    const d = await device('EMEA');
    const wrongSecret = configured({
      VERIFIED_ID_CLIENT_ID: UNGRANTED_VERIFIED_ID_CLIENT_ID,
      VERIFIED_ID_CLIENT_SECRET: 'not-the-secret',
    });
    expect(await start(d.id, await helpdesk(), deps(wrongSecret))).toEqual({
      status: 'refused',
      code: 'serviceFailed',
    });
    const ungranted = configured({
      VERIFIED_ID_CLIENT_ID: UNGRANTED_VERIFIED_ID_CLIENT_ID,
      VERIFIED_ID_CLIENT_SECRET: UNGRANTED_VERIFIED_ID_CLIENT_SECRET,
    });
    expect(await start(d.id, await helpdesk(), deps(ungranted))).toEqual({
      status: 'refused',
      code: 'serviceFailed',
    });
  });

  it("refuses a device the agent's Intune role does not cover, a malformed id, and a console without Verified ID", async () => {
    const outside = await device('AMER');
    expect(await start(outside.id, await helpdesk(), deps(configured()))).toEqual({
      status: 'refused',
      code: 'deviceNotReadable',
    });
    expect(await start('../users/x', await helpdesk(), deps(configured()))).toEqual({
      status: 'refused',
      code: 'invalidDevice',
    });
    expect(await start((await device('EMEA')).id, await helpdesk(), deps({ ...baseEnv }))).toEqual({
      status: 'refused',
      code: 'notConfigured',
    });
  });
});
