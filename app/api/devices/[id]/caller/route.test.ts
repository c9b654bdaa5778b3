// GET /api/devices/{id}/caller against the emulator over HTTP: every signal for Jürgen Weiß's iPhone as the
// helpdesk agent reads it; "not available" with the reason (never "no risk") for an agent who may read none of it,
// for a tenant without Entra ID P2, and for a user Identity Protection holds no record of.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '@/emulator/constants';
import type { CallerFacts } from '@/lib/shared/trust/caller';
import { startEmulatorServer, type EmulatorServer } from '@/test-support/emulator-server';

let server: EmulatorServer;
let GET: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;

beforeAll(async () => {
  server = await startEmulatorServer({ devices: 250, users: 60 });
  ({ GET } = await import('./route'));
});
afterAll(() => server.stop());
beforeEach(async () => {
  await server.control('POST', '/reset');
});

const READ = 'DeviceManagementManagedDevices.Read.All';
const DIRECTORY = [
  'User.Read.All',
  'UserAuthenticationMethod.Read.All',
  'IdentityRiskyUser.Read.All',
];
const deviceOf = (stem: string) => {
  const user = server.emu.ctx.tenant.users.find((u) => u.userPrincipalName.startsWith(`${stem}@`));
  const d = server.emu.ctx.tenant.devices.find((x) => x.graph.userId === user?.id);
  if (!d) throw new Error(`no device of ${stem}`);
  return d.graph.id;
};
const factsOf = async (id: string, upn: string, scopes: string[]): Promise<CallerFacts> => {
  const token = await server.token(upn, scopes);
  const res = await GET(
    new Request(`http://localhost/api/devices/${id}/caller`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ id }) },
  );
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store, no-transform');
  return (await res.json()) as CallerFacts;
};

describe('GET /api/devices/{id}/caller', () => {
  it('answers every signal of a risky, disabled user on a jailbroken, compromised iPhone', async () => {
    const facts = await factsOf(deviceOf('juergen.weiss'), DEMO_ACCOUNTS.helpdesk, [
      READ,
      ...DIRECTORY,
    ]);
    expect(facts.user).toMatchObject({ displayName: 'Jürgen Weiß' });
    expect(facts.profile).toMatchObject({
      accountEnabled: false,
      department: 'Finance',
      employeeId: expect.any(String),
      phones: [
        { ref: 'mobilePhone', number: '+49 1511 2345678' },
        { ref: 'businessPhones/0', number: '+49 89 4520 1187' },
      ],
    });
    expect(facts.manager).toMatchObject({
      phones: [{ ref: 'manager/mobilePhone' }, { ref: 'manager/businessPhones/0' }],
    });
    expect(facts.phoneMethods).toMatchObject({
      numbers: [
        { ref: 'phoneMethods/3179e48a-750b-4051-897c-87b9720928f7', phoneType: 'mobile' },
        { phoneType: 'alternateMobile', number: '+49 1722 9876543' },
      ],
    });
    expect(facts.risk).toMatchObject({ riskLevel: 'high', riskState: 'atRisk' });
    expect(facts.device).toEqual({
      jailBroken: 'True',
      partnerReportedThreatState: 'compromised',
      warn: true,
    });
    expect(facts.recentActions).toEqual({ count: 0, latestAt: null });
    expect(facts.policy).toMatchObject({ mode: 'record', maxAgeMinutes: 30 });
    // Four-eyes is off in the suite's configuration: the dialog is told so.
    expect(facts.approval).toEqual({ required: false, because: [], ttlMinutes: 60 });
  });

  it('says why each part is not there for an agent without the permissions, and never "no risk"', async () => {
    const facts = await factsOf(deviceOf('juergen.weiss'), DEMO_ACCOUNTS.readOnly, [
      READ,
      'User.Read',
    ]);
    for (const part of [facts.profile, facts.manager, facts.phoneMethods, facts.risk])
      expect(part).toMatchObject({ unavailable: 'consentRequired', requestId: expect.any(String) });
    // The device's own signals come with the device, which the agent may read.
    expect(facts.device.warn).toBe(true);
  });

  it('with the permissions but no Entra role: methods and risk are not permitted', async () => {
    const facts = await factsOf(deviceOf('juergen.weiss'), DEMO_ACCOUNTS.readOnly, [
      READ,
      ...DIRECTORY,
    ]);
    expect(facts.profile).toMatchObject({ accountEnabled: false });
    expect(facts.phoneMethods).toMatchObject({ unavailable: 'notPermitted' });
    expect(facts.risk).toMatchObject({ unavailable: 'notPermitted' });
  });

  it('a tenant without Entra ID P2: risk not licensed; a user without a risk record: none', async () => {
    await server.control('PUT', '/tenant/licences', { entraIdP2: false });
    const unlicensed = await factsOf(deviceOf('juergen.weiss'), DEMO_ACCOUNTS.helpdesk, [
      READ,
      ...DIRECTORY,
    ]);
    expect(unlicensed.risk).toMatchObject({ unavailable: 'notLicensed' });
    await server.control('POST', '/reset');
    const zoe = await factsOf(deviceOf('zoe.obrien'), DEMO_ACCOUNTS.helpdesk, [READ, ...DIRECTORY]);
    expect(zoe.risk).toMatchObject({ unavailable: 'none' });
    expect(zoe.device.warn).toBe(false);
  });

  it('refuses a malformed device id', async () => {
    const token = await server.token(DEMO_ACCOUNTS.helpdesk, [READ]);
    const res = await GET(
      new Request('http://localhost/api/devices/x/caller', {
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({ id: 'not-a-device' }) },
    );
    expect(res.status).toBe(400);
  });
});
