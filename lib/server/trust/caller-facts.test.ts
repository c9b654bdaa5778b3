// The four-eyes policy in the Caller panel's answer (GET /api/devices/{id}/caller), against the emulator over HTTP:
// asked for the device's user (their groups, transitively) and the passcode action the device supports now, so the
// dialog can say "needs approval" before Confirm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '@/emulator/constants';
import { DEMO_GROUPS } from '@/emulator/tenant/groups';
import type { ApprovalRule } from '@/lib/server/config/server-env';
import { startEmulatorServer, type EmulatorServer } from '@/test-support/emulator-server';

let server: EmulatorServer;
let readCallerFacts: typeof import('./caller-facts').readCallerFacts;
let serverEnv: typeof import('@/lib/server/config/server-env').serverEnv;
let getAuditStore: typeof import('@/lib/server/store').getAuditStore;

beforeAll(async () => {
  server = await startEmulatorServer({ devices: 250, users: 60 });
  ({ readCallerFacts } = await import('./caller-facts'));
  ({ serverEnv } = await import('@/lib/server/config/server-env'));
  ({ getAuditStore } = await import('@/lib/server/store'));
});
afterAll(() => server.stop());

const SCOPES = ['DeviceManagementManagedDevices.Read.All', 'User.Read.All', 'GroupMember.Read.All'];
const rule = (r: Partial<ApprovalRule>): ApprovalRule => ({
  all: false,
  reveal: false,
  kinds: [],
  groups: [],
  ...r,
});
const deviceOf = (stem: string) => {
  const user = server.emu.ctx.tenant.users.find((u) => u.userPrincipalName.startsWith(`${stem}@`));
  const d = server.emu.ctx.tenant.devices.find((x) => x.graph.userId === user?.id);
  if (!d) throw new Error(`no device of ${stem}`);
  return d.graph.id;
};
const approvalFor = async (stem: string, r: Partial<ApprovalRule>, scopes = SCOPES) => {
  const token = await server.token(DEMO_ACCOUNTS.helpdesk, scopes);
  const facts = await readCallerFacts(token, deviceOf(stem), {
    store: getAuditStore,
    env: { ...serverEnv(), APPROVAL_REQUIRED: rule(r), APPROVAL_TTL_MINUTES: 45 },
  });
  return facts.approval;
};

describe('the approval policy beside the verification policy', () => {
  it('nothing configured: not required', async () => {
    expect(await approvalFor('juergen.weiss', {})).toEqual({
      required: false,
      because: [],
      ttlMinutes: 45,
    });
  });

  it("a user in a protected group through a nested group: required, 'group'", async () => {
    expect(await approvalFor('zoe.obrien', { groups: [DEMO_GROUPS.protectedUsers] })).toEqual({
      required: true,
      because: ['group'],
      ttlMinutes: 45,
    });
    expect(
      await approvalFor('juergen.weiss', { groups: [DEMO_GROUPS.protectedUsers] }),
    ).toMatchObject({ required: false });
  });

  it("a membership the agent's token may not read: required, 'groupUnreadable'", async () => {
    const noGroups = SCOPES.filter((s) => s !== 'GroupMember.Read.All');
    expect(
      await approvalFor('juergen.weiss', { groups: [DEMO_GROUPS.finance] }, noGroups),
    ).toMatchObject({ required: true, because: ['groupUnreadable'] });
  });

  it('by the kind the device supports now: an iPhone removes its passcode', async () => {
    expect(await approvalFor('juergen.weiss', { kinds: ['removePasscode'] })).toMatchObject({
      required: true,
      because: ['kind'],
    });
    expect(await approvalFor('juergen.weiss', { kinds: ['resetDevicePasscode'] })).toMatchObject({
      required: false,
    });
  });
});
