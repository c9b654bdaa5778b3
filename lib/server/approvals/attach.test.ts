// The four-eyes join, against the console's own store: a request not yet sent is an action by its id (summarize
// answers it from its steps, the approval row's state at read time has the last word), the tray and the activity
// page list it, and the reads show a request only to approvers and its requester.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '@/lib/server/actions/summarize';
import { ActivityLog } from '@/lib/server/store/activity';
import { ApprovalStore } from '@/lib/server/store/approvals';
import { AuditStore, type Actor } from '@/lib/server/store/audit-store';
import { openAuditDb, type AuditDb } from '@/lib/server/store/db';
import { VerificationStore } from '@/lib/server/store/verifications';
import { activityWithApprovals, withApprovals, type ApprovalJoin } from './attach';
import { approvalDetail, approvalList, type ApprovalReadDeps } from './read';
import { recordApprovalStep } from './trail';
import type { ViewerOf } from './view';

let dir: string;
let db: AuditDb;
let clock = new Date('2026-12-02T10:00:00Z');
const now = () => clock;
let approvals: ApprovalStore;
let audit: AuditStore;
let verifications: VerificationStore;

const requester: Actor = {
  oid: randomUUID(),
  upn: 'helpdesk@contoso.com',
  name: 'Hanna Berger',
  tenant: 't',
};
const approver: Actor = {
  oid: randomUUID(),
  upn: 'approver@contoso.com',
  name: 'Ada',
  tenant: 't',
};
const other: Actor = { oid: randomUUID(), upn: 'other@contoso.com', name: 'Otto', tenant: 't' };
const claimsOf = (a: Actor) => ({
  oid: a.oid,
  upn: a.upn,
  name: a.name,
  guest: false,
  tid: a.tenant,
  scopes: new Set<string>(),
  exp: 2_000_000_000,
});
const viewer = (a: Actor, isApprover = false): ViewerOf => ({
  caller: { oid: a.oid, upn: a.upn },
  approver: isApprover,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'passcode-desk-attach-'));
  db = await openAuditDb({ dataDir: dir });
  approvals = new ApprovalStore(db, now);
  audit = new AuditStore(db, now);
  verifications = new VerificationStore(db);
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function request(ticket: string) {
  const row = await approvals.create({
    id: randomUUID(),
    subject: 'action',
    requester,
    device: {
      id: randomUUID(),
      name: 'CFO-iPhone',
      serialNumber: 'SN-9',
      userId: randomUUID(),
      userUpn: 'cfo@contoso.com',
      userName: 'Carla CFO',
    },
    actionKind: 'removePasscode',
    graphAction: 'resetPasscode',
    revealOf: null,
    ticket,
    reason: 'Locked out before the board meeting',
    verificationId: null,
    because: ['group'],
    ttlMinutes: 60,
  });
  await recordApprovalStep(audit, row, 'approvalRequested', requester, row.reason);
  return row;
}
const joinFor = (v: ViewerOf): ApprovalJoin => ({ approvals, verifications, viewer: v, now });
const reads = (): ApprovalReadDeps => ({ approvals, audit, verifications, now });

describe('a four-eyes request not yet sent', () => {
  it('is an action by its id: waiting for approval, then approved, from its steps alone', async () => {
    const row = await request('INC-100');
    const waiting = summarize(await audit.actionRecords(row.id), clock.getTime());
    expect(waiting).toMatchObject({
      actionId: row.id,
      state: 'awaitingApproval',
      terminal: false,
      deviceName: 'CFO-iPhone',
      ticket: 'INC-100',
      actorUpn: 'helpdesk@contoso.com',
      kind: 'removePasscode',
    });
    const decided = await approvals.decide(row.id, 'approved', approver, 'Called back', 60);
    if (!decided.ok) throw new Error('not decided');
    await recordApprovalStep(audit, decided.row, 'approved', approver, 'Called back');
    const [status] = await withApprovals(joinFor(viewer(requester)), [
      summarize(await audit.actionRecords(row.id), clock.getTime())!,
    ]);
    expect(status).toMatchObject({
      state: 'approved',
      terminal: false,
      approval: {
        id: row.id,
        state: 'approved',
        mine: true,
        decision: { by: { upn: 'approver@contoso.com' } },
      },
    });
  });

  it('reads as expired once its expiry passed, before any job wrote the step', async () => {
    const row = await request('INC-101');
    const records = await audit.actionRecords(row.id);
    clock = new Date(clock.getTime() + 61 * 60_000);
    const [status] = await withApprovals(joinFor(viewer(requester)), [summarize(records)!]);
    expect(status).toMatchObject({
      state: 'approvalExpired',
      terminal: true,
      approval: { state: 'expired' },
    });
  });

  it("is in the requester's tray and on their activity page, with its approval", async () => {
    const row = await request('INC-102');
    const { records } = await audit.recordsOfActor(
      requester.oid,
      new Date(clock.getTime() - 3_600_000),
    );
    expect(records.some((r) => r.action_id === row.id)).toBe(true);
    const log = new ActivityLog(db);
    const { rows } = await log.page({ ticket: 'INC-102' }, { actorOid: requester.oid }, null, 50);
    const joined = await activityWithApprovals(joinFor(viewer(requester)), rows);
    expect(joined).toMatchObject([
      {
        actionId: row.id,
        ticket: 'INC-102',
        outcome: null,
        agent: { upn: 'helpdesk@contoso.com', verified: true },
        approval: { state: 'pending', reason: 'Locked out before the board meeting', mine: true },
      },
    ]);
    // Not in another agent's activity.
    expect((await log.page({ ticket: 'INC-102' }, { actorOid: other.oid }, null, 50)).rows).toEqual(
      [],
    );
  });

  it('once sent under its id, is one activity row, still at the time it was requested', async () => {
    const row = await request('INC-103');
    clock = new Date(clock.getTime() + 60_000);
    const base = {
      actionId: row.id,
      actionName: 'resetPasscode',
      actionKind: 'removePasscode',
      deviceId: row.device_id,
      ticket: 'INC-103',
      actor: { value: requester, verified: true },
      clientRequestId: row.id,
      approvalId: row.id,
    };
    await audit.record({ ...base, kind: 'intent' });
    await audit.record({ ...base, kind: 'outcome', outcome: 'accepted', httpStatus: 204 });
    const { rows } = await new ActivityLog(db).page(
      { ticket: 'INC-103' },
      { actorOid: null },
      null,
      50,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actionId: row.id,
      requestedAt: row.created_at,
      outcome: 'accepted',
      clientRequestId: row.id,
    });
    expect(summarize(await audit.actionRecords(row.id))).toMatchObject({ state: 'pending' });
  });
});

describe('the reads of approval requests', () => {
  it('an approver lists the open requests and may decide them; the requester lists their own; others nothing', async () => {
    const row = await request('INC-200');
    const asApprover = await approvalList(claimsOf(approver), viewer(approver, true), reads());
    expect(asApprover.approver).toBe(true);
    expect(asApprover.approvals.find((a) => a.id === row.id)).toMatchObject({
      state: 'pending',
      canDecide: true,
      mine: false,
    });
    expect(asApprover.openForMe).toBeGreaterThan(0);
    const own = await approvalList(claimsOf(requester), viewer(requester), reads());
    expect(own.approvals.find((a) => a.id === row.id)).toMatchObject({
      mine: true,
      canDecide: false,
    });
    expect(own.openForMe).toBe(0);
    expect((await approvalList(claimsOf(other), viewer(other), reads())).approvals).toEqual([]);
  });

  it("shows one request with the requester's recent actions to approvers and the requester, to nobody else", async () => {
    const row = await request('INC-201');
    const earlier = await request('INC-199');
    const detail = await approvalDetail(row.id, viewer(approver, true), reads());
    expect(detail?.approval).toMatchObject({ id: row.id, canDecide: true });
    expect(detail?.requesterRecent.map((a) => a.actionId)).toContain(earlier.id);
    expect(detail?.requesterRecent.map((a) => a.actionId)).not.toContain(row.id);
    expect(await approvalDetail(row.id, viewer(requester), reads())).not.toBeNull();
    expect(await approvalDetail(row.id, viewer(other), reads())).toBeNull();
    expect(await approvalDetail(randomUUID(), viewer(approver, true), reads())).toBeNull();
  });
});
