// Four-eyes on the requester's path, against the emulator over HTTP (security.md case 27, numbers in the names): a
// request the policy asks approval for is written, not posted; the requester cannot approve it (any letter case,
// guest form); an approval expires; an approved request is sent once, under the approval's id; an approval for one
// device, kind or ticket sends nothing to another. Then two instances on one PostgreSQL database: approved on one and
// sent from the other, two senders at once, two approvers at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, TENANT_ID } from '@/emulator/constants';
import type { ApprovalRule } from '@/lib/server/config/server-env';
import { recordApprovalStep } from '@/lib/server/approvals/trail';
import { expireApprovals } from '@/lib/server/approvals/expire';
import { openAuditDb, type AuditDb } from '@/lib/server/store/db';
import { ApprovalStore } from '@/lib/server/store/approvals';
import { AuditStore, type Actor } from '@/lib/server/store/audit-store';
import { RateLimits } from '@/lib/server/store/rate-limits';
import { VerificationStore } from '@/lib/server/store/verifications';
import { samePerson } from '@/lib/server/trust/same-person';
import type { PasscodeActionResult } from '@/lib/shared/actions/types';
import {
  PASSCODE_ACTION_SWITCHES,
  type PasscodeActionKind,
} from '@/lib/shared/devices/passcode-plan';
import { DEFAULT_TICKET_EXAMPLE, DEFAULT_TICKET_PATTERN } from '@/lib/shared/ticket';
import { SCOPES, startEmulatorServer, type EmulatorServer } from '@/test-support/emulator-server';
import { startTestPostgres, type TestPostgres } from '@/test-support/postgres';
import type { PasscodeActionDeps } from './request-passcode-action';

interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  clientRequestId: string | null;
}
interface ControlDevice {
  id: string;
  deviceName: string;
  managementState: string;
}

const rule = (r: Partial<ApprovalRule>): ApprovalRule => ({
  all: false,
  reveal: false,
  kinds: [],
  groups: [],
  ...r,
});
const env = {
  AUTH_TENANT_ID: TENANT_ID,
  TICKET_PATTERN: DEFAULT_TICKET_PATTERN,
  TICKET_EXAMPLE: DEFAULT_TICKET_EXAMPLE,
  RECOVERY_GUARD_MINUTES: 15,
  PASSCODE_ACTIONS: [...PASSCODE_ACTION_SWITCHES],
  RECOVER_PASSCODE_EVERYWHERE: false,
  ACTION_RATE_LIMIT: 1000,
  ACTION_RESULTS_DELAY_SECONDS: 6,
  VERIFY_CALLER: 'off' as const,
  VERIFY_MAX_AGE_MINUTES: 30,
  VERIFY_REQUIRED_GROUPS: [] as string[],
  VERIFY_REQUIRED_KINDS: [] as PasscodeActionKind[],
  APPROVAL_REQUIRED: rule({ all: true }),
  APPROVAL_TTL_MINUTES: 60,
};
const REASON = 'CFO locked out before the board meeting';
const HOUR = 3_600_000;

let server: EmulatorServer;
let dir: string;
let db: AuditDb;
let store: AuditStore;
let approvals: ApprovalStore;
let request: typeof import('./request-passcode-action').requestPasscodeActionOnce;

beforeAll(async () => {
  server = await startEmulatorServer({ devices: 300, users: 80 }, { GRAPH_TIMEOUT_MS: '1500' });
  dir = mkdtempSync(join(tmpdir(), 'passcode-desk-approvals-'));
  db = await openAuditDb({ dataDir: dir });
  store = new AuditStore(db);
  approvals = new ApprovalStore(db);
  ({ requestPasscodeActionOnce: request } = await import('./request-passcode-action'));
});
afterAll(async () => {
  await db.close();
  server.stop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await server.control('POST', '/reset');
});

const used = new Set<string>();
const device = async () => {
  const params = new URLSearchParams({
    mode: 'iosAutomatedEnrollment',
    scenario: 'online',
    scopeTag: 'EMEA',
    limit: '500',
  });
  const { devices } = await server.control<{ devices: ControlDevice[] }>(
    'GET',
    `/devices?${params}`,
  );
  const fresh = devices.find((d) => !used.has(d.id) && d.managementState === 'managed');
  if (!fresh) throw new Error('no unused device');
  used.add(fresh.id);
  return fresh;
};
const input = (d: ControlDevice, ticket: string, extra: Record<string, unknown> = {}) => ({
  deviceId: d.id,
  kind: 'removePasscode',
  ticket,
  note: REASON,
  ...extra,
});
const posts = async () =>
  (await server.control<{ entries: LoggedRequest[] }>('GET', '/requests?method=POST')).entries;
const helpdesk = () => server.token(DEMO_ACCOUNTS.helpdesk, [SCOPES.read, SCOPES.privileged]);
const admin = () => server.token(DEMO_ACCOUNTS.admin, [SCOPES.read, SCOPES.privileged]);
const actorOf = (upn: string): Actor => {
  const u = server.emu.ctx.tenant.users.find((x) => x.userPrincipalName === upn);
  if (!u) throw new Error(`no user ${upn}`);
  return { oid: u.id, upn, name: u.displayName, tenant: TENANT_ID };
};
const depsOn = (
  s: { store: AuditStore; approvals: ApprovalStore; handle: AuditDb },
  over: Partial<typeof env> = {},
): PasscodeActionDeps => ({
  store: s.store,
  approvals: s.approvals,
  limits: new RateLimits(s.handle),
  verifications: new VerificationStore(s.handle),
  env: { ...env, ...over },
  wait: (ms) => server.control('POST', '/clock', { advanceMs: ms }),
});
const run = (body: unknown, token: string, over: Partial<typeof env> = {}) =>
  request(body, token, depsOn({ store, approvals, handle: db }, over));
/** A request that waits for approval, as the agent makes it. */
const pending = async (d: ControlDevice, ticket: string, token?: string) => {
  const result = await run(input(d, ticket), token ?? (await helpdesk()));
  if (result.status !== 'approvalPending') throw new Error(result.status);
  return result;
};
/** The approver's decision as the decide server action makes it: the store's transition, then its step. */
const approve = async (id: string, by = actorOf(DEMO_ACCOUNTS.admin), s = approvals, a = store) => {
  const t = await s.decide(id, 'approved', by, 'Called the CFO back on record', 60);
  if (t.ok) await recordApprovalStep(a, t.row, 'approved', by, 'Called the CFO back on record');
  return t;
};
const idOf = (r: PasscodeActionResult) => ('actionId' in r ? r.actionId : 'none');

describe('a request that needs approval', () => {
  it('case 27: is written as an approval request, not posted: no guard taken, the rate limit counts it', async () => {
    const d = await device();
    const token = await helpdesk();
    const limits = new RateLimits(db);
    const result = await request(input(d, 'INC-2701'), token, {
      ...depsOn({ store, approvals, handle: db }),
      limits,
    });
    expect(result).toMatchObject({
      status: 'approvalPending',
      approval: {
        state: 'pending',
        device: { id: d.id, name: d.deviceName },
        kind: 'removePasscode',
        ticket: 'INC-2701',
        reason: REASON,
        because: ['all'],
        requester: { upn: DEMO_ACCOUNTS.helpdesk },
        mine: true,
        canDecide: false,
      },
    });
    if (result.status !== 'approvalPending') return;
    expect(result.approval.id).toBe(result.actionId);
    expect(await posts()).toEqual([]);
    // The trail so far: one step, under the request's id.
    expect(
      (await store.actionRecords(result.actionId)).map((r) => [
        r.kind,
        r.action_state,
        r.detail,
        r.approval_id,
      ]),
    ).toEqual([['decision', 'approvalRequested', REASON, result.actionId]]);
    // The device is free: another request for it is not told "already requested".
    expect((await run(input(d, 'INC-2702'), token)).status).toBe('approvalPending');
    // Both requests counted against the agent's limit.
    const at = await limits.hit(actorOf(DEMO_ACCOUNTS.helpdesk).oid, 'action', 2, 600_000);
    expect(at.allowed).toBe(false);
  });

  it('case 27: needs a reason for the approver of at least 10 characters, else nothing is written', async () => {
    const d = await device();
    const result = await run(input(d, 'INC-2703', { note: 'pls' }), await helpdesk());
    expect(result).toEqual({
      status: 'invalid',
      fieldErrors: { note: 'validation.approvalReason' },
    });
    expect(
      await approvals.ofRequester(actorOf(DEMO_ACCOUNTS.helpdesk).oid, new Date(0)),
    ).not.toContainEqual(expect.objectContaining({ ticket: 'INC-2703' }));
    expect(await posts()).toEqual([]);
  });

  it('asks nothing where the policy asks nothing: sent at once', async () => {
    const d = await device();
    const result = await run(input(d, 'INC-2704'), await helpdesk(), {
      APPROVAL_REQUIRED: rule({ kinds: ['resetDevicePasscode'] }),
    });
    expect(result.status).toBe('accepted');
    expect(await posts()).toHaveLength(1);
  });
});

describe('the requester cannot approve their own request', () => {
  it('case 27: same object id in any letter case, or a guest form of the same name: refused, nothing sent', async () => {
    const d = await device();
    const req = await pending(d, 'INC-2710');
    const me = actorOf(DEMO_ACCOUNTS.helpdesk);
    const shout = { ...me, oid: me.oid.toUpperCase() };
    expect(
      await approvals.decide(req.actionId, 'approved', shout, 'Looks fine to me', 60),
    ).toMatchObject({
      ok: false,
      why: 'ownRequest',
    });
    // A guest account of the same person is the same person (the decide action compares with samePerson).
    const [local, domain] = DEMO_ACCOUNTS.helpdesk.split('@');
    const guest = {
      oid: 'ffffffff-0000-4000-8000-000000000001',
      upn: `${local}_${domain}#EXT#@fabrikam.onmicrosoft.com`,
    };
    expect(samePerson(guest, { oid: me.oid, upn: DEMO_ACCOUNTS.helpdesk })).toBe(true);
    // The request cannot be sent on its own say-so either: still pending.
    const forged = await run(input(d, 'INC-2710', { approvalId: req.actionId }), await helpdesk());
    expect(forged).toMatchObject({ status: 'approvalRefused', problem: 'notApproved' });
    expect(idOf(forged)).not.toBe(req.actionId);
    expect(await posts()).toEqual([]);
  });
});

describe('an approved request', () => {
  it('case 27: is sent once, by the requester, under the approval id; a second send is refused', async () => {
    const d = await device();
    const token = await helpdesk();
    const req = await pending(d, 'INC-2720', token);
    expect(await approve(req.actionId)).toMatchObject({ ok: true });
    const sent = await run(input(d, 'INC-2720', { approvalId: req.actionId }), token);
    expect(sent).toMatchObject({ status: 'accepted', actionId: req.actionId });
    expect((await posts()).map((p) => [p.path, p.clientRequestId])).toEqual([
      [`/v1.0/deviceManagement/managedDevices/${d.id}/resetPasscode`, req.actionId],
    ]);
    const again = await run(input(d, 'INC-2720', { approvalId: req.actionId }), token);
    expect(again).toMatchObject({ status: 'approvalRefused', problem: 'alreadySent' });
    expect(await posts()).toHaveLength(1);
    // One trail: requested, approved, intent, outcome, all naming the approval; the refusal is filed elsewhere.
    const trail = await store.actionRecords(req.actionId);
    expect(trail.map((r) => [r.kind, r.action_state ?? r.outcome, r.approval_id])).toEqual([
      ['decision', 'approvalRequested', req.actionId],
      ['decision', 'approved', req.actionId],
      ['intent', null, req.actionId],
      ['outcome', 'accepted', req.actionId],
    ]);
    expect(trail[2]?.note).toBe(REASON);
    expect((await store.actionRecords(idOf(again))).at(-1)).toMatchObject({
      outcome: 'refused',
      detail: `approvalRefused: alreadySent (approval ${req.actionId})`,
    });
    expect((await approvals.get(req.actionId))?.status).toBe('sent');
  });

  it("case 27: is not another agent's to send", async () => {
    const d = await device();
    const req = await pending(d, 'INC-2721');
    await approve(req.actionId, actorOf(DEMO_ACCOUNTS.admin));
    const other = await run(input(d, 'INC-2721', { approvalId: req.actionId }), await admin());
    expect(other).toMatchObject({ status: 'approvalRefused', problem: 'notRequester' });
    expect(await posts()).toEqual([]);
    expect((await approvals.get(req.actionId))?.status).toBe('approved');
  });

  it('case 27: an approval for device A sends nothing to device B, nor for another kind or ticket', async () => {
    const a = await device();
    const b = await device();
    const token = await helpdesk();
    const req = await pending(a, 'INC-2722', token);
    await approve(req.actionId);
    const tries = [
      input(b, 'INC-2722', { approvalId: req.actionId }),
      input(a, 'INC-2722', { approvalId: req.actionId, kind: 'resetDevicePasscode' }),
      input(a, 'INC-9999', { approvalId: req.actionId }),
    ];
    for (const t of tries) {
      const result = await run(t, token);
      expect(result, JSON.stringify(t)).toMatchObject({
        status: 'approvalRefused',
        problem: 'mismatch',
      });
      expect(idOf(result)).not.toBe(req.actionId);
    }
    expect(await posts()).toEqual([]);
    // Still approved, and still good for what it was given for.
    expect(await run(input(a, 'INC-2722', { approvalId: req.actionId }), token)).toMatchObject({
      status: 'accepted',
      actionId: req.actionId,
    });
  });

  it('case 27: expires: refused once its time is up, and the job records the expiry once', async () => {
    const d = await device();
    const token = await helpdesk();
    const req = await pending(d, 'INC-2723', token);
    // Approved two hours ago: an approval lasts APPROVAL_TTL_MINUTES from the decision, so it ran out an hour ago.
    const earlier = new ApprovalStore(db, () => new Date(Date.now() - 2 * HOUR));
    expect(await approve(req.actionId, actorOf(DEMO_ACCOUNTS.admin), earlier)).toMatchObject({
      ok: true,
    });
    const late = await run(input(d, 'INC-2723', { approvalId: req.actionId }), token);
    expect(late).toMatchObject({ status: 'approvalRefused', problem: 'expired' });
    expect(await posts()).toEqual([]);
    // The job marks it, once, whichever instance runs it first; a second run finds nothing to do.
    const other = new ApprovalStore(db);
    expect(await expireApprovals(approvals, store)).toBe(1);
    expect(await expireApprovals(other, store)).toBe(0);
    const steps = (await store.actionRecords(req.actionId)).map((r) => [
      r.action_state,
      r.actor_upn,
    ]);
    expect(steps).toEqual([
      ['approvalRequested', DEMO_ACCOUNTS.helpdesk],
      ['approved', DEMO_ACCOUNTS.admin],
      ['approvalExpired', null],
    ]);
    expect((await approvals.get(req.actionId))?.status).toBe('expired');
  });

  it('is still honoured when the policy no longer asks for approval (the decision is not thrown away)', async () => {
    const d = await device();
    const token = await helpdesk();
    const req = await pending(d, 'INC-2724', token);
    await approve(req.actionId);
    const sent = await run(input(d, 'INC-2724', { approvalId: req.actionId }), token, {
      APPROVAL_REQUIRED: rule({}),
    });
    expect(sent).toMatchObject({ status: 'accepted', actionId: req.actionId });
    expect(await posts()).toHaveLength(1);
  });

  it('case 27: an unknown (forged) approval id sends nothing', async () => {
    const d = await device();
    const result = await run(
      input(d, 'INC-2725', { approvalId: '0f0e0d0c-0b0a-4908-8706-050403020100' }),
      await helpdesk(),
    );
    expect(result).toMatchObject({ status: 'approvalRefused', problem: 'unknown' });
    expect(await posts()).toEqual([]);
  });
});

describe('two instances on one PostgreSQL database', () => {
  let pg: TestPostgres;
  const handles: AuditDb[] = [];
  beforeAll(async () => {
    pg = await startTestPostgres();
  }, 60_000);
  afterAll(async () => {
    for (const h of handles) await h.close();
    pg?.stop();
  });
  const instances = async (name: string) => {
    const databaseUrl = await pg.createDatabase(name);
    const open = async () => {
      const handle = await openAuditDb({ dataDir: '.', databaseUrl });
      handles.push(handle);
      return { handle, store: new AuditStore(handle), approvals: new ApprovalStore(handle) };
    };
    return [await open(), await open()] as const;
  };

  it('approved on one instance, sent from the other: one POST', async () => {
    const [one, two] = await instances('approvals_cross');
    const d = await device();
    const token = await helpdesk();
    const req = await request(input(d, 'INC-2730'), token, depsOn(one));
    if (req.status !== 'approvalPending') throw new Error(req.status);
    expect(
      await approve(req.actionId, actorOf(DEMO_ACCOUNTS.admin), one.approvals, one.store),
    ).toMatchObject({
      ok: true,
    });
    const sent = await request(
      input(d, 'INC-2730', { approvalId: req.actionId }),
      token,
      depsOn(two),
    );
    expect(sent).toMatchObject({ status: 'accepted', actionId: req.actionId });
    expect((await posts()).map((p) => p.clientRequestId)).toEqual([req.actionId]);
  });

  it('two senders at once, one on each instance: one POST, the other refused', async () => {
    const [one, two] = await instances('approvals_race_send');
    const d = await device();
    const token = await helpdesk();
    const req = await request(input(d, 'INC-2731'), token, depsOn(one));
    if (req.status !== 'approvalPending') throw new Error(req.status);
    await approve(req.actionId, actorOf(DEMO_ACCOUNTS.admin), one.approvals, one.store);
    const body = input(d, 'INC-2731', { approvalId: req.actionId });
    const results = await Promise.all([
      request(body, token, depsOn(one)),
      request(body, token, depsOn(two)),
    ]);
    // The loser is refused at the device's guard (taken under the approval's id) or at consume, whichever it
    // reached while the winner held them; either way it sent nothing.
    const [won, lost] = results[0]?.status === 'accepted' ? results : [results[1], results[0]];
    expect(won).toMatchObject({ status: 'accepted', actionId: req.actionId });
    expect(['approvalRefused', 'alreadyRequested']).toContain(lost?.status);
    expect((await posts()).map((p) => p.clientRequestId)).toEqual([req.actionId]);
    // The loser did not let the winner's guard go: the device is still held by the sent action.
    expect(
      await request(input(d, 'INC-2732'), token, depsOn(two, { APPROVAL_REQUIRED: rule({}) })),
    ).toMatchObject({ status: 'alreadyRequested', holder: { actionId: req.actionId } });
    expect(await posts()).toHaveLength(1);
  });

  it('two approvers at once, one on each instance: one approval, one approved step', async () => {
    const [one, two] = await instances('approvals_race_decide');
    const d = await device();
    const req = await request(input(d, 'INC-2733'), await helpdesk(), depsOn(one));
    if (req.status !== 'approvalPending') throw new Error(req.status);
    const outcomes = await Promise.all([
      approve(req.actionId, actorOf(DEMO_ACCOUNTS.admin), one.approvals, one.store),
      approve(req.actionId, actorOf(DEMO_ACCOUNTS.readOnly), two.approvals, two.store),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok)).toMatchObject([{ why: 'state' }]);
    const trail = await one.store.actionRecords(req.actionId);
    expect(trail.filter((r) => r.action_state === 'approved')).toHaveLength(1);
    const row = await two.approvals.get(req.actionId);
    const winner = outcomes.find((o) => o.ok);
    expect(row?.approver_upn).toBe(winner?.ok ? winner.row.approver_upn : 'none');
  });
});

describe('a reveal under approval (APPROVAL_REQUIRED reveal)', () => {
  const revealEnv = {
    ...env,
    APPROVAL_REQUIRED: rule({ reveal: true }),
    PASSCODE_REVEAL_ALSO: [] as string[],
    REVEAL_RATE_LIMIT: 1000,
  };
  const androidDevice = async () => {
    const { devices } = await server.control<{ devices: ControlDevice[] }>(
      'GET',
      '/devices?mode=androidPersonalWorkProfile&scenario=online&scopeTag=EMEA&limit=500',
    );
    const fresh = devices.find((d) => !used.has(d.id) && d.managementState === 'managed');
    if (!fresh) throw new Error('no unused device');
    used.add(fresh.id);
    return fresh;
  };
  const revealDeps = (extra: { approvalId?: string } = {}) => ({
    store,
    limits: new RateLimits(db),
    verifications: new VerificationStore(db),
    approvals,
    env: revealEnv,
    ...extra,
  });
  const askDeps = () => ({
    store,
    approvals,
    verifications: new VerificationStore(db),
    env: revealEnv,
  });

  it('case 27: needs an approved reveal request of this agent for this action, used up by one reveal', async () => {
    const { revealPasscode } = await import('./reveal');
    const { requestRevealApprovalOnce } =
      await import('@/lib/server/approvals/request-reveal-approval');
    const d = await androidDevice();
    const token = await helpdesk();
    // The reset itself needs no approval here: only its reveal does.
    const action = await run(
      { deviceId: d.id, kind: 'resetWorkProfilePasscode', ticket: 'INC-2740' },
      token,
      { APPROVAL_REQUIRED: rule({ reveal: true }) },
    );
    if (action.status !== 'accepted') throw new Error(action.status);
    await server.control('POST', '/clock', { advanceMs: 7000 });

    expect(await revealPasscode(action.actionId, token, revealDeps())).toEqual({
      ok: false,
      status: 403,
      code: 'approvalRequired',
      approval: null,
    });
    expect(
      await requestRevealApprovalOnce(
        { actionId: action.actionId, reason: 'short' },
        token,
        askDeps(),
      ),
    ).toMatchObject({
      status: 'invalid',
      fieldErrors: { reason: 'validation.approvalReason' },
    });
    const asked = await requestRevealApprovalOnce(
      { actionId: action.actionId, reason: 'Caller on the line, verified by call-back' },
      token,
      askDeps(),
    );
    if (asked.status !== 'approvalPending') throw new Error(asked.status);
    expect(asked.approval).toMatchObject({
      subject: 'reveal',
      revealOf: action.actionId,
      kind: 'resetWorkProfilePasscode',
      device: { id: d.id },
      ticket: 'INC-2740',
      because: ['reveal'],
      state: 'pending',
    });
    // Asked again: the same open request, not a second one; and the reveal points at it.
    expect(
      await requestRevealApprovalOnce(
        { actionId: action.actionId, reason: 'Caller on the line, verified by call-back' },
        token,
        askDeps(),
      ),
    ).toMatchObject({ status: 'approvalPending', approval: { id: asked.approval.id } });
    expect(await revealPasscode(action.actionId, token, revealDeps())).toMatchObject({
      code: 'approvalRequired',
      approval: { id: asked.approval.id, state: 'pending' },
    });
    expect(
      await revealPasscode(action.actionId, token, revealDeps({ approvalId: asked.approval.id })),
    ).toMatchObject({ ok: false, code: 'approvalRefused', problem: 'notApproved' });

    await approve(asked.approval.id);
    // Nothing is shown for another action under it.
    const other = await run(input(await device(), 'INC-2741'), token, {
      APPROVAL_REQUIRED: rule({}),
    });
    expect(
      await revealPasscode(idOf(other), token, revealDeps({ approvalId: asked.approval.id })),
    ).toMatchObject({ ok: false });
    const shown = await revealPasscode(
      action.actionId,
      token,
      revealDeps({ approvalId: asked.approval.id }),
    );
    expect(shown).toMatchObject({ ok: true, passcode: expect.any(String) });
    expect(
      await revealPasscode(action.actionId, token, revealDeps({ approvalId: asked.approval.id })),
    ).toMatchObject({ ok: false, code: 'approvalRefused', problem: 'alreadySent' });
    const reveals = (await store.actionRecords(action.actionId)).filter((r) => r.kind === 'reveal');
    expect(reveals.map((r) => [r.outcome, r.approval_id])).toEqual([
      ['denied', null],
      ['denied', null],
      ['denied', null],
      ['accepted', asked.approval.id],
      ['denied', null],
    ]);
    expect(JSON.stringify(reveals)).not.toContain(shown.ok ? shown.passcode : 'none');
  });

  it("another agent cannot ask to reveal the requester's passcode, nor use their approval", async () => {
    const { requestRevealApprovalOnce } =
      await import('@/lib/server/approvals/request-reveal-approval');
    const d = await androidDevice();
    const token = await helpdesk();
    const action = await run(
      { deviceId: d.id, kind: 'resetWorkProfilePasscode', ticket: 'INC-2742' },
      token,
      { APPROVAL_REQUIRED: rule({ reveal: true }) },
    );
    if (action.status !== 'accepted') throw new Error(action.status);
    expect(
      await requestRevealApprovalOnce(
        { actionId: action.actionId, reason: 'I would like to see it too' },
        await admin(),
        askDeps(),
      ),
    ).toEqual({ status: 'refused', code: 'notYourAction' });
  });
});
