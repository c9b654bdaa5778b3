import 'server-only';
// Four-eyes approval requests (security.md case 27). Every change of state is one conditional UPDATE whose WHERE
// says what must still hold (still pending, not expired, not the requester's own, the requester's own for sending),
// and only the caller whose UPDATE changed the row wins: two approvers at once make one approval, two instances
// sending at once make one send. The trail of each step (audit records) is the caller's to write after a win.
import { sql } from 'kysely';
import type { Actor } from './audit-store';
import type { AuditDb } from './db';
import type { ApprovalRequestTable } from './schema';
import {
  APPROVAL_STATES,
  type ApprovalReason,
  type ApprovalState,
  type ApprovalSubject,
} from '@/lib/shared/trust/approval';

export type ApprovalRow = ApprovalRequestTable;

export interface NewApproval {
  id: string;
  subject: ApprovalSubject;
  requester: Actor;
  device: {
    id: string;
    name: string | null;
    serialNumber: string | null;
    userId: string | null;
    userUpn: string | null;
    userName: string | null;
  };
  actionKind: string;
  graphAction: string;
  revealOf: string | null;
  ticket: string;
  reason: string;
  verificationId: string | null;
  because: ApprovalReason[];
  ttlMinutes: number;
}

/** A change that did not happen, and why (the row as it is now, when there is one). */
export type Transition =
  | { ok: true; row: ApprovalRow }
  | {
      ok: false;
      why: 'unknown' | 'ownRequest' | 'notRequester' | 'state';
      row: ApprovalRow | null;
    };

const MINUTE_MS = 60_000;

export class ApprovalStore {
  constructor(
    private readonly handle: AuditDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(a: NewApproval): Promise<ApprovalRow> {
    const created = this.now();
    const row: ApprovalRow = {
      id: a.id.toLowerCase(),
      subject: a.subject,
      created_at: created.toISOString(),
      expires_at: new Date(created.getTime() + a.ttlMinutes * MINUTE_MS).toISOString(),
      requester_oid: a.requester.oid.toLowerCase(),
      requester_upn: a.requester.upn,
      requester_name: a.requester.name,
      requester_tenant: a.requester.tenant.toLowerCase(),
      device_id: a.device.id.toLowerCase(),
      device_name: a.device.name,
      device_serial: a.device.serialNumber,
      device_user_id: a.device.userId?.toLowerCase() ?? null,
      device_user_upn: a.device.userUpn,
      device_user_name: a.device.userName,
      action_kind: a.actionKind,
      graph_action: a.graphAction,
      reveal_of: a.revealOf?.toLowerCase() ?? null,
      ticket: a.ticket,
      reason: a.reason,
      verification_id: a.verificationId?.toLowerCase() ?? null,
      because: JSON.stringify(a.because),
      status: 'pending',
      decided_at: null,
      approver_oid: null,
      approver_upn: null,
      approver_name: null,
      decision_reason: null,
      sent_at: null,
      notify_status: null,
      notify_code: null,
      notify_request_id: null,
    };
    await this.handle.db.insertInto('approval_requests').values(row).execute();
    return row;
  }

  async get(id: string): Promise<ApprovalRow | null> {
    const row = await this.handle.db
      .selectFrom('approval_requests')
      .selectAll()
      .where('id', '=', id.toLowerCase())
      .executeTakeFirst();
    return row ?? null;
  }

  async many(ids: readonly string[]): Promise<Map<string, ApprovalRow>> {
    const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
    if (wanted.length === 0) return new Map();
    const rows = await this.handle.db
      .selectFrom('approval_requests')
      .selectAll()
      .where('id', 'in', wanted)
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Requests waiting for a decision now (not expired), soonest expiry first. */
  async open(limit = 200): Promise<ApprovalRow[]> {
    return this.handle.db
      .selectFrom('approval_requests')
      .selectAll()
      .where('status', '=', 'pending')
      .where('expires_at', '>', this.now().toISOString())
      .orderBy('expires_at', 'asc')
      .limit(limit)
      .execute();
  }

  /** Requests created since `since`, newest first (the approvers' recent decisions). */
  async since(since: Date, limit = 200): Promise<ApprovalRow[]> {
    return this.handle.db
      .selectFrom('approval_requests')
      .selectAll()
      .where('created_at', '>=', since.toISOString())
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  }

  /** One requester's requests since `since`, newest first. */
  async ofRequester(requesterOid: string, since: Date, limit = 100): Promise<ApprovalRow[]> {
    return this.handle.db
      .selectFrom('approval_requests')
      .selectAll()
      .where('requester_oid', '=', requesterOid.toLowerCase())
      .where('created_at', '>=', since.toISOString())
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  }

  /**
   * pending → approved (or denied), by someone who is not the requester (compared by object id here; the caller
   * also compares the person, lib/server/trust/same-person.ts). An approval opens a fresh expiry for the sending.
   */
  async decide(
    id: string,
    decision: 'approved' | 'denied',
    approver: Actor,
    reason: string,
    ttlMinutes: number,
  ): Promise<Transition> {
    const now = this.now();
    const approverOid = approver.oid.toLowerCase();
    const result = await this.handle.db
      .updateTable('approval_requests')
      .set({
        status: decision,
        decided_at: now.toISOString(),
        approver_oid: approverOid,
        approver_upn: approver.upn,
        approver_name: approver.name,
        decision_reason: reason,
        ...(decision === 'approved'
          ? { expires_at: new Date(now.getTime() + ttlMinutes * MINUTE_MS).toISOString() }
          : {}),
      })
      .where('id', '=', id.toLowerCase())
      .where('status', '=', 'pending')
      .where('expires_at', '>', now.toISOString())
      .where('requester_oid', '<>', approverOid)
      .executeTakeFirst();
    return this.outcome(id, Number(result.numUpdatedRows), (row) =>
      row.requester_oid === approverOid ? 'ownRequest' : 'state',
    );
  }

  /** pending or approved → withdrawn, by the requester only. */
  async withdraw(id: string, requesterOid: string): Promise<Transition> {
    const now = this.now();
    const oid = requesterOid.toLowerCase();
    const result = await this.handle.db
      .updateTable('approval_requests')
      // An approval's decision (who, when, why) stays as it was; the withdrawal's time is in the trail.
      .set({
        status: 'withdrawn',
        decided_at: sql<string>`CASE WHEN status = 'approved' THEN decided_at ELSE ${now.toISOString()} END`,
      })
      .where('id', '=', id.toLowerCase())
      .where('status', 'in', ['pending', 'approved'])
      .where('expires_at', '>', now.toISOString())
      .where('requester_oid', '=', oid)
      .executeTakeFirst();
    return this.outcome(id, Number(result.numUpdatedRows), (row) =>
      row.requester_oid !== oid ? 'notRequester' : 'state',
    );
  }

  /**
   * approved → sent, by the requester only, once, before the expiry: the caller sends the action (or shows the
   * reveal) only after winning this. Anything it must check first (device, kind) it checks on `get` before.
   */
  async consume(id: string, requesterOid: string): Promise<Transition> {
    const now = this.now();
    const oid = requesterOid.toLowerCase();
    const result = await this.handle.db
      .updateTable('approval_requests')
      .set({ status: 'sent', sent_at: now.toISOString() })
      .where('id', '=', id.toLowerCase())
      .where('status', '=', 'approved')
      .where('expires_at', '>', now.toISOString())
      .where('requester_oid', '=', oid)
      .executeTakeFirst();
    return this.outcome(id, Number(result.numUpdatedRows), (row) =>
      row.requester_oid !== oid ? 'notRequester' : 'state',
    );
  }

  /**
   * Marks every request whose expiry has passed (pending or approved) as expired and returns the ones this call
   * changed, so each expiry is recorded once whichever instance sees it first.
   */
  async expireDue(limit = 100): Promise<ApprovalRow[]> {
    const now = this.now().toISOString();
    const due = await this.handle.db
      .selectFrom('approval_requests')
      .select('id')
      .where('status', 'in', ['pending', 'approved'])
      .where('expires_at', '<=', now)
      .limit(limit)
      .execute();
    const changed: ApprovalRow[] = [];
    for (const { id } of due) {
      const result = await this.handle.db
        .updateTable('approval_requests')
        .set({ status: 'expired' })
        .where('id', '=', id)
        .where('status', 'in', ['pending', 'approved'])
        .where('expires_at', '<=', now)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) {
        const row = await this.get(id);
        if (row) changed.push(row);
      }
    }
    return changed;
  }

  /** What became of the approvers' e-mail. */
  async notified(
    id: string,
    n:
      | { status: 'sent'; requestId: string | null }
      | { status: 'failed'; code: string; requestId: string | null }
      | { status: 'notConfigured' },
  ): Promise<void> {
    await this.handle.db
      .updateTable('approval_requests')
      .set({
        notify_status: n.status,
        notify_code: n.status === 'failed' ? n.code : null,
        notify_request_id: n.status === 'notConfigured' ? null : n.requestId,
      })
      .where('id', '=', id.toLowerCase())
      .execute();
  }

  private async outcome(
    id: string,
    changed: number,
    why: (row: ApprovalRow) => 'ownRequest' | 'notRequester' | 'state',
  ): Promise<Transition> {
    const row = await this.get(id);
    if (changed === 1 && row) return { ok: true, row };
    if (!row) return { ok: false, why: 'unknown', row: null };
    return { ok: false, why: why(row), row };
  }
}

/** A row's state at `now`: a pending or approved request past its expiry reads expired before any job marks it. */
export function approvalStateAt(row: ApprovalRow, now: Date): ApprovalState {
  const stored = APPROVAL_STATES.find((s) => s === row.status) ?? 'expired';
  if ((stored === 'pending' || stored === 'approved') && row.expires_at <= now.toISOString())
    return 'expired';
  return stored;
}
