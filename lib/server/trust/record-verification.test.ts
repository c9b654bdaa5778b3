// Recording a caller verification against the emulator over HTTP: a call-back on a number of record keeps its
// last digits and the device's user as Graph names them; a ref Graph does not show (typed in, the manager's for a
// user call-back, or unreadable to the agent) is refused; a manager confirmation names the manager.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '@/emulator/constants';
import { getVerificationStore } from '@/lib/server/store';
import { startEmulatorServer, type EmulatorServer } from '@/test-support/emulator-server';
import { recordCallerVerification } from './record-verification';

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulatorServer({ devices: 250, users: 60 });
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
const juergen = () => {
  const user = server.emu.ctx.tenant.users.find((u) =>
    u.userPrincipalName.startsWith('juergen.weiss@'),
  );
  const device = server.emu.ctx.tenant.devices.find((d) => d.graph.userId === user?.id);
  if (!user || !device) throw new Error('no Jürgen');
  return { user, deviceId: device.graph.id };
};
const deps = () => ({
  store: getVerificationStore,
  env: { AUTH_TENANT_ID: server.emu.ctx.tenant.tenantId },
});

describe('recordCallerVerification', () => {
  it('records a call-back on a registered method with its last four digits only', async () => {
    const { user, deviceId } = juergen();
    const token = await server.token(DEMO_ACCOUNTS.helpdesk, [READ, ...DIRECTORY]);
    const result = await recordCallerVerification(
      {
        deviceId,
        method: 'callBack',
        phoneRef: 'phoneMethods/b6332ec1-7057-4abe-9331-3d72feddfe41',
      },
      token,
      deps(),
    );
    expect(result).toMatchObject({
      status: 'recorded',
      verification: {
        method: 'callBack',
        verified: true,
        evidence: { phoneLast: '6543', phoneSource: 'phoneMethod', phoneType: 'alternateMobile' },
        subject: { id: user.id, name: 'Jürgen Weiß' },
        agent: { upn: DEMO_ACCOUNTS.helpdesk },
        deviceId,
      },
    });
    if (result.status !== 'recorded') return;
    expect(JSON.stringify(result.verification)).not.toContain('9876543');
    expect(await (await getVerificationStore()).get(result.verification.id)).toEqual(
      result.verification,
    );
  });

  it("records a manager confirmation on the manager's number, naming the manager", async () => {
    const { user, deviceId } = juergen();
    const manager = server.emu.ctx.tenant.users.find((u) => u.id === user.managerId);
    const token = await server.token(DEMO_ACCOUNTS.helpdesk, [READ, ...DIRECTORY]);
    const result = await recordCallerVerification(
      { deviceId, method: 'managerCallBack', phoneRef: 'manager/mobilePhone' },
      token,
      deps(),
    );
    expect(result).toMatchObject({
      status: 'recorded',
      verification: {
        evidence: {
          method: 'managerCallBack',
          managerId: manager?.id,
          managerName: manager?.displayName,
          phoneLast: '4321',
        },
      },
    });
  });

  it('refuses a number typed in, a manager number for a user call-back, and a number the agent cannot read', async () => {
    const { deviceId } = juergen();
    const token = await server.token(DEMO_ACCOUNTS.helpdesk, [READ, ...DIRECTORY]);
    for (const [method, phoneRef] of [
      ['callBack', '+49 1511 2345678'],
      ['callBack', 'manager/mobilePhone'],
      ['managerCallBack', 'mobilePhone'],
    ] as const)
      expect(await recordCallerVerification({ deviceId, method, phoneRef }, token, deps())).toEqual(
        {
          status: 'unknownNumber',
        },
      );
    const noRole = await server.token(DEMO_ACCOUNTS.readOnly, [READ, ...DIRECTORY]);
    expect(
      await recordCallerVerification(
        {
          deviceId,
          method: 'callBack',
          phoneRef: 'phoneMethods/3179e48a-750b-4051-897c-87b9720928f7',
        },
        noRole,
        deps(),
      ),
    ).toEqual({ status: 'unknownNumber' });
  });

  it('records "not verified" with its reason and in person with the ID type; refuses them without the text', async () => {
    const { deviceId } = juergen();
    const token = await server.token(DEMO_ACCOUNTS.readOnly, [READ]);
    expect(
      await recordCallerVerification(
        { deviceId, method: 'notVerified', reason: 'Caller hung up' },
        token,
        deps(),
      ),
    ).toMatchObject({
      status: 'recorded',
      verification: { verified: false, evidence: { reason: 'Caller hung up' } },
    });
    expect(
      await recordCallerVerification(
        {
          deviceId,
          method: 'inPerson',
          idType: 'passport',
          statement: 'Compared the photo at the desk.',
        },
        token,
        deps(),
      ),
    ).toMatchObject({
      status: 'recorded',
      verification: { verified: true, evidence: { idType: 'passport' } },
    });
    expect(
      await recordCallerVerification(
        { deviceId, method: 'notVerified', reason: '  ' },
        token,
        deps(),
      ),
    ).toEqual({ status: 'invalid', fields: ['reason'] });
    expect(
      await recordCallerVerification({ deviceId, method: 'verifiedId' }, token, deps()),
    ).toMatchObject({ status: 'invalid' });
    expect(
      await recordCallerVerification(
        { deviceId, method: 'notVerified', reason: 'x' },
        'not-a-token',
        deps(),
      ),
    ).toEqual({ status: 'signInAgain' });
  });
});
