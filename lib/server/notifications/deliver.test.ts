// The owner's notification end to end on the server, against the emulator over HTTP (security.md case 26): the
// real passcode action queues it, the agent's token sends it (in the owner's language), once across reads,
// retries and instances, never with the passcode or the token; a failed send is kept with Graph's error and sent
// on a later read.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, NOTIFY_MAILBOX, TENANT_ID } from '@/emulator/constants';
import type { SentMessage } from '@/emulator/graph/mail';
import { openAuditDb, type AuditDb } from '@/lib/server/store/db';
import { AuditStore } from '@/lib/server/store/audit-store';
import { NotificationStore } from '@/lib/server/store/notifications';
import { RateLimits } from '@/lib/server/store/rate-limits';
import { VerificationStore } from '@/lib/server/store/verifications';
import { ApprovalStore } from '@/lib/server/store/approvals';
import type { ApprovalRule } from '@/lib/server/config/server-env';
import { SharedDeviceReads } from '@/lib/server/actions/shared-device-reads';
import {
  PASSCODE_ACTION_SWITCHES,
  type PasscodeActionKind,
} from '@/lib/shared/devices/passcode-plan';
import { DEFAULT_TICKET_EXAMPLE, DEFAULT_TICKET_PATTERN } from '@/lib/shared/ticket';
import { SCOPES, startEmulatorServer, type EmulatorServer } from '@/test-support/emulator-server';

interface ControlDevice {
  id: string;
  deviceName: string;
  serialNumber: string;
  userPrincipalName: string;
  managementState: string;
}

const NOTIFY_SCOPES = ['User.Read.All', 'Mail.Send', 'Mail.Send.Shared'];
const env = {
  AUTH_TENANT_ID: TENANT_ID,
  TICKET_PATTERN: DEFAULT_TICKET_PATTERN,
  TICKET_EXAMPLE: DEFAULT_TICKET_EXAMPLE,
  RECOVERY_GUARD_MINUTES: 15,
  PASSCODE_ACTIONS: [...PASSCODE_ACTION_SWITCHES],
  RECOVER_PASSCODE_EVERYWHERE: false,
  ACTION_RATE_LIMIT: 1000,
  ACTION_RESULTS_DELAY_SECONDS: 6,
  // The caller policy has its own tests (request-passcode-action.test.ts); off here, given explicitly.
  VERIFY_CALLER: 'off' as const,
  VERIFY_MAX_AGE_MINUTES: 30,
  VERIFY_REQUIRED_GROUPS: [] as string[],
  VERIFY_REQUIRED_KINDS: [] as PasscodeActionKind[],
  APPROVAL_REQUIRED: { all: false, reveal: false, kinds: [], groups: [] } as ApprovalRule,
  APPROVAL_TTL_MINUTES: 60,
};
const statusEnv = { ACTION_VERIFY_WINDOW_SECONDS: 120, RECOVERY_GUARD_MINUTES: 15 };
let tick = 0;
const reads = new SharedDeviceReads(undefined, () => (tick += 60_000));

let server: EmulatorServer;
let dir: string;
let db: AuditDb;
let db2: AuditDb;
let store: AuditStore;
let secondInstance: AuditStore;
let request: typeof import('@/lib/server/actions/request-passcode-action').requestPasscodeActionOnce;
let actionStatus: typeof import('@/lib/server/actions/status').actionStatus;
let sendDue: typeof import('./deliver').sendDueNotifications;
/** How far the console's clock is ahead of the real one (a retry's back-off passing). */
let offset = 0;
const clock = () => new Date(Date.now() + offset);

beforeAll(async () => {
  server = await startEmulatorServer({ devices: 400, users: 100 }, { GRAPH_TIMEOUT_MS: '1500' });
  dir = mkdtempSync(join(tmpdir(), 'passcode-desk-notify-'));
  db = await openAuditDb({ dataDir: dir });
  db2 = await openAuditDb({ dataDir: dir }); // a second instance on the same database
  const owner = { owner: true, manager: false };
  store = new AuditStore(db, undefined, false, owner);
  secondInstance = new AuditStore(db2, undefined, false, owner);
  ({ requestPasscodeActionOnce: request } =
    await import('@/lib/server/actions/request-passcode-action'));
  ({ actionStatus } = await import('@/lib/server/actions/status'));
  ({ sendDueNotifications: sendDue } = await import('./deliver'));
});
afterAll(async () => {
  await db.close();
  await db2.close();
  server.stop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await server.control('POST', '/reset');
  offset = 0;
});

const used = new Set<string>();
async function device(mode: string): Promise<ControlDevice> {
  const params = new URLSearchParams({ mode, scenario: 'online', scopeTag: 'EMEA', limit: '500' });
  const { devices } = await server.control<{ devices: ControlDevice[] }>(
    'GET',
    `/devices?${params}`,
  );
  const fresh = devices.find((d) => !used.has(d.id) && d.managementState === 'managed');
  if (!fresh) throw new Error(`no unused ${mode} device`);
  used.add(fresh.id);
  return fresh;
}
const mail = async (to?: string) =>
  (
    await server.control<{ messages: SentMessage[] }>(
      'GET',
      `/mail${to ? `?to=${encodeURIComponent(to)}` : ''}`,
    )
  ).messages;
const ownerMail = async (d: ControlDevice) => {
  const users = server.emu.ctx.index.userByKey.get(d.userPrincipalName.toLowerCase());
  if (!users) throw new Error('no owner');
  return mail(users.mail);
};
const deps = (s: AuditStore, handle: AuditDb, over: Record<string, unknown> = {}) => ({
  notifications: new NotificationStore(handle, clock),
  audit: s,
  verifications: new VerificationStore(handle),
  env: { AUTH_TENANT_ID: TENANT_ID, NOTIFY_FROM: undefined, SECURITY_CONTACT: '+49 30 1234 5678' },
  now: clock,
  random: () => 0,
  ...over,
});
const agentOid = () => server.emu.ctx.index.userByKey.get(DEMO_ACCOUNTS.helpdesk)?.id ?? '';
const advance = (ms: number) => server.control('POST', '/clock', { advanceMs: ms });

async function confirm(d: ControlDevice, kind: string, ticket: string, token: string) {
  const result = await request({ deviceId: d.id, kind, ticket }, token, {
    store,
    limits: new RateLimits(db),
    verifications: new VerificationStore(db),
    approvals: new ApprovalStore(db),
    env,
    wait: advance,
  });
  if (result.status !== 'accepted') throw new Error(result.status);
  return result.actionId;
}

describe('case 26: the owner is told', () => {
  it('case 26: an Android reset: accepted and done, each e-mailed once in German for de-DE, never the passcode or the token', async () => {
    const d = await device('androidFullyManaged');
    await server.control('PUT', `/users/${d.userPrincipalName}/preferred-language`, {
      preferredLanguage: 'de-DE',
    });
    const token = await server.token(DEMO_ACCOUNTS.helpdesk, [
      SCOPES.read,
      SCOPES.privileged,
      ...NOTIFY_SCOPES,
    ]);
    const actionId = await confirm(d, 'resetDevicePasscode', 'INC-2601', token);
    // The accepted e-mail, sent with the token the agent confirmed with; a second read (or instance) sends nothing more.
    expect(await sendDue([actionId], token, agentOid(), deps(store, db))).toBe(1);
    expect(await sendDue([actionId], token, agentOid(), deps(secondInstance, db2))).toBe(0);
    await advance(7000);
    const done = await actionStatus(actionId, token, {
      store,
      verifications: new VerificationStore(db),
      env: statusEnv,
      reads,
    });
    expect(done?.state).toBe('done');
    // Two instances observe "done" and both try to send: one e-mail.
    await actionStatus(actionId, token, {
      store: secondInstance,
      verifications: new VerificationStore(db2),
      env: statusEnv,
      reads,
    });
    const [first, second] = await Promise.all([
      sendDue([actionId], token, agentOid(), deps(store, db)),
      sendDue([actionId], token, agentOid(), deps(secondInstance, db2)),
    ]);
    expect(first + second).toBe(1);

    const messages = await ownerMail(d);
    expect(messages.map((m) => m.subject)).toEqual([
      `Ihr Gerät „${d.deviceName}“: Gerätecode zurücksetzen wurde angefordert`,
      `Ihr Gerät „${d.deviceName}“: Gerätecode zurücksetzen wurde ausgeführt`,
    ]);
    const body = messages[0]?.content ?? '';
    expect(body).toContain(`Gerät: ${d.deviceName} (Seriennummer ${d.serialNumber})`);
    expect(body).toContain('Ticketnummer: INC-2601');
    expect(body).toContain('Angefordert von: Hanna Berger (helpdesk@contoso.com)');
    expect(body).toContain('So wurde die anrufende Person überprüft: nicht erfasst');
    expect(body).toContain(
      'Wenn Sie das nicht veranlasst haben, rufen Sie sofort +49 30 1234 5678 an.',
    );
    expect(body).toMatch(/\(UTC\), .*Europe\/Berlin/);
    const passcode = (
      await server.control<{ actions: { passcode: string | null }[] }>(
        'GET',
        `/actions?deviceId=${d.id}`,
      )
    ).actions.at(-1)?.passcode;
    expect(passcode).toMatch(/^\d+$/);
    for (const m of messages) {
      expect(`${m.subject}\n${m.content}`).not.toContain(passcode);
      expect(m.content).not.toContain(token);
      expect(m.content).not.toMatch(/eyJ|Bearer |https?:\/\//);
      expect(m.from.address).toBe('hanna.berger@contoso.com');
    }
    const told = (await store.notificationsOf([actionId])).get(actionId) ?? [];
    expect(told.map((n) => [n.event, n.state])).toEqual([
      ['accepted', 'sent'],
      ['done', 'sent'],
    ]);
  });

  it('case 26: an iPhone removal for an owner without a German preferredLanguage is told in English, from the shared mailbox', async () => {
    const d = await device('iosAutomatedEnrollment');
    const token = await server.token(DEMO_ACCOUNTS.helpdesk, [
      SCOPES.read,
      SCOPES.privileged,
      ...NOTIFY_SCOPES,
    ]);
    const actionId = await confirm(d, 'removePasscode', 'INC-2602', token);
    const shared = deps(store, db, {
      env: { AUTH_TENANT_ID: TENANT_ID, NOTIFY_FROM: NOTIFY_MAILBOX, SECURITY_CONTACT: undefined },
    });
    expect(await sendDue([actionId], token, agentOid(), shared)).toBe(1);
    const [m] = await ownerMail(d);
    expect(m?.subject).toBe(`Your device “${d.deviceName}”: remove the passcode was requested`);
    expect(m?.from.address).toBe(NOTIFY_MAILBOX);
    expect(m?.content).toContain(
      'If you did not ask for this, call your IT security team at once.',
    );
  });

  it('case 26: a failed send is kept with Graph’s code and request-id, not retried before its back-off, then sent once', async () => {
    const d = await device('iosAutomatedEnrollment');
    const token = await server.token(DEMO_ACCOUNTS.helpdesk, [
      SCOPES.read,
      SCOPES.privileged,
      ...NOTIFY_SCOPES,
    ]);
    const actionId = await confirm(d, 'removePasscode', 'INC-2603', token);
    await server.control('PUT', '/faults', {
      rules: [{ method: 'POST', path: 'sendMail$', status: 503, count: 1 }],
    });
    expect(await sendDue([actionId], token, agentOid(), deps(store, db))).toBe(0);
    const [failed] = (await store.notificationsOf([actionId])).get(actionId) ?? [];
    expect(failed).toMatchObject({
      state: 'failed',
      attempts: 1,
      error: { code: 'ServiceUnavailable', status: 503 },
    });
    expect(failed?.error?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(failed?.retryAt).not.toBeNull();
    // Before the back-off has passed, a read sends nothing; after it, one e-mail.
    expect(await sendDue([actionId], token, agentOid(), deps(store, db))).toBe(0);
    offset += 60_000;
    expect(await sendDue([actionId], token, agentOid(), deps(store, db))).toBe(1);
    expect(await sendDue([actionId], token, agentOid(), deps(store, db))).toBe(0);
    expect(await ownerMail(d)).toHaveLength(1);
    expect((await store.notificationsOf([actionId])).get(actionId)?.[0]).toMatchObject({
      state: 'sent',
      attempts: 2,
      error: null,
    });
  });

  it('case 26: a token without Mail.Send is recorded as "consent required" and shown, never silently dropped; another agent’s read sends nothing', async () => {
    const d = await device('iosAutomatedEnrollment');
    const bare = await server.token(DEMO_ACCOUNTS.helpdesk, [SCOPES.read, SCOPES.privileged]);
    const actionId = await confirm(d, 'removePasscode', 'INC-2604', bare);
    expect(await sendDue([actionId], bare, agentOid(), deps(store, db))).toBe(0);
    expect((await store.notificationsOf([actionId])).get(actionId)?.[0]).toMatchObject({
      state: 'failed',
      error: { code: 'consentRequired' },
    });
    const admin = await server.token(DEMO_ACCOUNTS.admin, [SCOPES.read, ...NOTIFY_SCOPES]);
    offset += 60_000;
    const adminOid = server.emu.ctx.index.userByKey.get(DEMO_ACCOUNTS.admin)?.id ?? '';
    expect(await sendDue([actionId], admin, adminOid, deps(store, db))).toBe(0);
    expect(await ownerMail(d)).toHaveLength(0);
  });
});
