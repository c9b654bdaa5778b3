// The console's app roles from an ID token, against the emulated Entra ID over HTTP: a role counts only from an ID
// token that verifies (signature, issuer, audience) and names the caller Graph vouched for. Shown with the Approver
// role (APPROVER_ROLE pointed at the role the emulator's auditor holds, until a demo approver exists).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDITOR_APP_ROLE, DEMO_ACCOUNTS } from '@/emulator/constants';
import { signIn } from '@/emulator/testing';
import { startEmulatorServer, type EmulatorServer } from '@/test-support/emulator-server';
import type { TokenClaims } from './token-claims';

let server: EmulatorServer;
let isApprover: typeof import('./id-token').isApprover;
let claimsOf: (token: string) => TokenClaims;

beforeAll(async () => {
  server = await startEmulatorServer(
    { devices: 40, users: 30 },
    { APPROVER_ROLE: AUDITOR_APP_ROLE },
  );
  process.env.AUTH_ENDPOINTS_ORIGIN = server.origin;
  ({ isApprover } = await import('./id-token'));
  const { checkTokenShape } = await import('./token-claims');
  const { TENANT_ID } = await import('@/emulator/constants');
  claimsOf = (token) => {
    const shape = checkTokenShape(token, { tenantId: TENANT_ID });
    if (!shape.ok) throw new Error(shape.reason);
    return shape.claims;
  };
});
afterAll(() => {
  delete process.env.AUTH_ENDPOINTS_ORIGIN;
  server.stop();
});

const signedIn = async (upn: string) => {
  const { tokens } = await signIn(server.emu, upn);
  return { access: String(tokens.access_token), id: String(tokens.id_token) };
};

describe('isApprover', () => {
  it('holds for the role in a verified ID token naming the caller; not without it, for another person, or forged', async () => {
    const lead = await signedIn(DEMO_ACCOUNTS.auditor);
    const agent = await signedIn(DEMO_ACCOUNTS.helpdesk);
    expect(await isApprover(lead.id, claimsOf(lead.access))).toBe(true);
    expect(await isApprover(null, claimsOf(lead.access))).toBe(false);
    expect(await isApprover(agent.id, claimsOf(agent.access))).toBe(false);
    // The lead's ID token sent with another agent's access token gives that agent nothing.
    expect(await isApprover(lead.id, claimsOf(agent.access))).toBe(false);
    const [header, payload] = lead.id.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    expect(await isApprover(forged, claimsOf(lead.access))).toBe(false);
  });
});
