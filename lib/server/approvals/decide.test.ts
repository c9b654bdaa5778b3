// security.md case 27, the approver's side: who may decide an approval request (the Approver role only from a
// verified ID token, never the requester in any letter case or guest form), one decision when two race, nothing
// decided after the expiry or for a forged id, the requester's withdrawal; every step and refusal in the trail.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TENANT_ID } from '@/emulator/constants';
import type { TokenClaims } from '@/lib/server/auth/token-claims';
import { ApprovalStore } from '@/lib/server/store/approvals';
import { AuditStore } from '@/lib/server/store/audit-store';
import { openAuditDb, type AuditDb } from '@/lib/server/store/db';
import { VerificationStore } from '@/lib/server/store/verifications';
import { allRecords } from '@/test-support/audit';
import { decideApproval, type DecideDeps } from './decide';
import { withdrawApproval } from './withdraw';

let dir: string;
let db: AuditDb;
let clock = new Date('2026-12-02T10:00:00Z');
const now = () => clock;

const person = (oid: string, upn: string, name: string): TokenClaims => ({
  oid,
  upn,
  name,
  guest: upn.includes('#EXT#'),
  tid: TENANT_ID,
  scopes: new Set(),
  exp: 2_000_000_000,
});
const requester = person('11111111-1111-4111-8111-111111111111', 'jane.doe@outlook.com', 'Jane');
const approver = person('22222222-2222-4222-8222-222222222222', 'approver@contoso.com', 'Ada');
const secondApprover = person('33333333-3333-4333-8333-333333333333', 'admin@contoso.com', 'Alex');
/** The requester again, as a B2B guest of the tenant: another object id, the same home address. */
const requesterAsGuest = person(
  '44444444-4444-4444-8444-444444444444',
  'JANE.DOE_outlook.com#EXT#@contoso.com',
  'Jane (guest)',
);
/** The requester's own object id in upper case, under another sign-in name. */
const requesterShouting = person(requester.oid.toUpperCase(), 'someone.else@contoso.com', 'Jane');
/** Tokens are stand-ins: the caller function plays Graph vouching for them. */
const callers = new Map<string, TokenClaims>([
  ['t-requester', requester],
  ['t-approver', approver],
  ['t-second', secondApprover],
  ['t-guest', requesterAsGuest],
  ['t-shouting', requesterShouting],
]);
/** The Approver role as the ID token verification would give it: only a token `id-ok:<oid>` naming the caller. */
const approverRole = async (idToken: string | null, caller: TokenClaims) =>
  idToken === `id-ok:${caller.oid}`;
const idFor = (c: TokenClaims) => `id-ok:${c.oid}`;

let deps: DecideDeps;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'passcode-desk-decide-'));
  db = await openAuditDb({ dataDir: dir });
  const approvals = new ApprovalStore(db, now);
  const audit = new AuditStore(db, now);
  const verifications = new VerificationStore(db);
  deps = {
    approvals: async () => approvals,
    audit: async () => audit,
    verifications: async () => verifications,
    env: { AUTH_TENANT_ID: TENANT_ID, APPROVAL_TTL_MINUTES: 60 },
    caller: async (t) => callers.get(t) ?? null,
    approverRole,
    now,
  };
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function newRequest(by: TokenClaims = requester): Promise<string> {
  const id = randomUUID();
  await (
    await deps.approvals()
  ).create({
    id,
    subject: 'action',
    requester: { oid: by.oid, upn: by.upn, name: by.name, tenant: by.tid },
    device: {
      id: randomUUID(),
      name: 'CFO-iPhone',
      serialNumber: 'SN-1',
      userId: randomUUID(),
      userUpn: 'cfo@contoso.com',
      userName: 'Carla CFO',
    },
    actionKind: 'removePasscode',
    graphAction: 'resetPasscode',
    revealOf: null,
    ticket: 'INC-4711',
    reason: 'The CFO is locked out before the board meeting',
    verificationId: null,
    because: ['group'],
    ttlMinutes: 60,
  });
  return id;
}

const reason = 'Called the CFO back on the number of record';
const decide = (
  approvalId: string,
  token: string,
  idToken: string | null,
  decision: 'approve' | 'deny' = 'approve',
) => decideApproval({ approvalId, decision, reason }, token, idToken, deps);

const trailOf = async (actionId: string) =>
  (await allRecords(db)).filter((r) => r.action_id === actionId);
/** Refusals are written under fresh action ids, naming the approval in their detail. */
const refusalsOf = async (approvalId: string) =>
  (await allRecords(db)).filter(
    (r) => r.kind === 'outcome' && r.detail?.startsWith(`approval ${approvalId}:`),
  );

describe('decideApproval', () => {
  it('approves with the Approver role from a verified ID token: the step is in the trail, the approval opens a fresh expiry', async () => {
    const id = await newRequest();
    clock = new Date(clock.getTime() + 30 * 60_000);
    const result = await decide(id, 't-approver', idFor(approver));
    expect(result).toMatchObject({
      status: 'decided',
      approval: {
        id,
        state: 'approved',
        decision: { by: { upn: 'approver@contoso.com', name: 'Ada' }, reason },
        mine: false,
        canDecide: false,
      },
    });
    if (result.status !== 'decided') throw new Error('not decided');
    expect(Date.parse(result.approval.expiresAt) - clock.getTime()).toBe(60 * 60_000);
    const steps = await trailOf(id);
    expect(steps.map((r) => [r.kind, r.action_state, r.actor_upn, r.detail])).toEqual([
      ['decision', 'approved', 'approver@contoso.com', reason],
    ]);
    expect(steps[0]?.approval_id).toBe(id);
  });

  it('denies with a reason the requester will read', async () => {
    const id = await newRequest();
    expect(await decide(id, 't-approver', idFor(approver), 'deny')).toMatchObject({
      status: 'decided',
      approval: { state: 'denied', decision: { reason } },
    });
    expect((await trailOf(id)).map((r) => r.action_state)).toEqual(['approvalDenied']);
  });

  it('refuses without the role: no ID token, one that does not verify, or one of somebody else', async () => {
    const id = await newRequest();
    for (const idToken of [null, 'id-forged', idFor(secondApprover)])
      expect(await decide(id, 't-approver', idToken)).toEqual({
        status: 'refused',
        problem: 'notApprover',
      });
    expect(await (await deps.approvals()).get(id)).toMatchObject({ status: 'pending' });
    expect(await trailOf(id)).toEqual([]);
    const refusals = await refusalsOf(id);
    expect(refusals).toHaveLength(3);
    expect(refusals[0]).toMatchObject({
      outcome: 'refused',
      actor_upn: 'approver@contoso.com',
      actor_verified: 1,
      detail: `approval ${id}: notApprover`,
    });
  });

  it('never lets the requester decide their own request: same object id in any case, or their guest form', async () => {
    // The requester holds the Approver role too (approver@ may also request actions).
    for (const [token, who] of [
      ['t-requester', requester],
      ['t-shouting', requesterShouting],
      ['t-guest', requesterAsGuest],
    ] as const) {
      const id = await newRequest();
      expect(await decide(id, token, idFor(who)), token).toEqual({
        status: 'refused',
        problem: 'ownRequest',
      });
      expect(await (await deps.approvals()).get(id)).toMatchObject({ status: 'pending' });
      expect((await refusalsOf(id)).map((r) => r.detail)).toEqual([`approval ${id}: ownRequest`]);
    }
  });

  it('refuses a forged or unknown id, and input that is not a decision, without touching any request', async () => {
    const forged = randomUUID();
    expect(await decide(forged, 't-approver', idFor(approver))).toEqual({
      status: 'refused',
      problem: 'unknown',
    });
    expect(await refusalsOf(forged)).toMatchObject([{ device_id: 'unknown' }]);
    expect(
      await decideApproval(
        { approvalId: '../x', decision: 'maybe', reason: 'short' },
        't-approver',
        idFor(approver),
        deps,
      ),
    ).toEqual({
      status: 'invalid',
      fieldErrors: {
        approvalId: 'validation.invalid',
        decision: 'validation.invalid',
        reason: 'validation.approvalReason',
      },
    });
    expect(
      await decideApproval(
        { approvalId: forged, decision: 'approve', reason, extra: 1 },
        't-approver',
        idFor(approver),
        deps,
      ),
    ).toMatchObject({ status: 'invalid' });
    expect(await decide(forged, 't-nobody', idFor(approver))).toEqual({ status: 'signInAgain' });
  });

  it('two approvers at once: one decision, the other told it is no longer pending', async () => {
    const id = await newRequest();
    const results = await Promise.all([
      decide(id, 't-approver', idFor(approver)),
      decideApproval(
        { approvalId: id, decision: 'deny', reason: 'Not on my watch, call back first' },
        't-second',
        idFor(secondApprover),
        deps,
      ),
    ]);
    expect(results.filter((r) => r.status === 'decided')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'refused')).toEqual([
      { status: 'refused', problem: 'notPending' },
    ]);
    expect((await trailOf(id)).filter((r) => r.kind === 'decision')).toHaveLength(1);
  });

  it('a request past its expiry cannot be decided, even before any job marked it', async () => {
    const id = await newRequest();
    clock = new Date(clock.getTime() + 61 * 60_000);
    expect(await decide(id, 't-approver', idFor(approver))).toEqual({
      status: 'refused',
      problem: 'expired',
    });
    expect(await (await deps.approvals()).get(id)).toMatchObject({ status: 'pending' });
    expect(await trailOf(id)).toEqual([]);
  });

  it('a database that fails is answered in words', async () => {
    const failing: DecideDeps = {
      ...deps,
      approvals: async () => {
        const { StoreUnavailableError } = await import('@/lib/server/store/database-errors');
        throw new StoreUnavailableError('SQLITE_BUSY', 'database is locked');
      },
    };
    expect(
      await decideApproval(
        { approvalId: randomUUID(), decision: 'approve', reason },
        't-approver',
        idFor(approver),
        failing,
      ),
    ).toEqual({ status: 'storeUnavailable' });
  });
});

describe('withdrawApproval', () => {
  it('the requester withdraws a pending request, and an approved one not yet sent; the step is in the trail', async () => {
    const pending = await newRequest();
    expect(await withdrawApproval({ approvalId: pending }, 't-requester', deps)).toMatchObject({
      status: 'withdrawn',
      approval: { id: pending, state: 'withdrawn', mine: true, canDecide: false },
    });
    const approved = await newRequest();
    await decide(approved, 't-approver', idFor(approver));
    const decidedAt = (await (await deps.approvals()).get(approved))?.decided_at;
    // The approver's decision stays as given (who and when), beside the withdrawal.
    expect(await withdrawApproval({ approvalId: approved }, 't-requester', deps)).toMatchObject({
      status: 'withdrawn',
      approval: {
        state: 'withdrawn',
        decision: { by: { upn: 'approver@contoso.com' }, at: decidedAt },
      },
    });
    expect((await trailOf(approved)).map((r) => [r.action_state, r.actor_upn])).toEqual([
      ['approved', 'approver@contoso.com'],
      ['approvalWithdrawn', 'jane.doe@outlook.com'],
    ]);
    // Once withdrawn it cannot be decided, nor withdrawn again.
    expect(await decide(pending, 't-approver', idFor(approver))).toEqual({
      status: 'refused',
      problem: 'notPending',
    });
    expect(await withdrawApproval({ approvalId: pending }, 't-requester', deps)).toEqual({
      status: 'refused',
      problem: 'notPending',
    });
  });

  it('nobody else withdraws it, not even a look-alike sign-in name: it reads as unknown, so ids cannot be probed', async () => {
    const id = await newRequest();
    for (const token of ['t-approver', 't-guest'])
      expect(await withdrawApproval({ approvalId: id }, token, deps), token).toEqual({
        status: 'refused',
        problem: 'unknown',
      });
    expect(await (await deps.approvals()).get(id)).toMatchObject({ status: 'pending' });
    expect(await refusalsOf(id)).toHaveLength(2);
    expect(await withdrawApproval({ approvalId: 'nope' }, 't-requester', deps)).toEqual({
      status: 'invalid',
    });
  });

  it('an expired request is expired, not withdrawn', async () => {
    const id = await newRequest();
    clock = new Date(clock.getTime() + 61 * 60_000);
    expect(await withdrawApproval({ approvalId: id }, 't-requester', deps)).toEqual({
      status: 'refused',
      problem: 'expired',
    });
  });
});
