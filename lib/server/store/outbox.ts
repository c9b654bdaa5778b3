import 'server-only';
// The webhook outbox: every state change of an action becomes an event row in the same transaction as its
// audit record, so a ticket system that is down loses nothing; instances take due events with a lease, so two
// never post one at once; a receiver tells duplicates apart by event id.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AuditDb } from './db';
import type { AuditDatabase, AuditRecordTable } from './schema';

/** What the ticket system receives for one state change of an action: never a token, never a passcode. */
export interface ActionStateEvent {
  eventId: string;
  type: 'passcodeAction.stateChanged';
  actionId: string;
  deviceId: string;
  deviceName: string | null;
  ticket: string | null;
  graphAction: string;
  kind: string | null;
  /** The console's outcome (accepted, denied, …) or the device's reported actionState. */
  state: string;
  graphRequestId: string | null;
  clientRequestId: string | null;
  agent: { upn: string; name: string | null } | null;
  at: string;
}

/** The webhook's name for each step of a four-eyes approval (approvals/trail.ts). */
export const APPROVAL_EVENT_TYPES = {
  approvalRequested: 'approval.requested',
  approved: 'approval.approved',
  approvalDenied: 'approval.denied',
  approvalWithdrawn: 'approval.withdrawn',
  approvalExpired: 'approval.expired',
} as const;
type ApprovalEventType = (typeof APPROVAL_EVENT_TYPES)[keyof typeof APPROVAL_EVENT_TYPES];

/** A step of an approval request: who took it and why (the reason as given), never a token or a passcode. */
export interface ApprovalEvent {
  eventId: string;
  type: ApprovalEventType;
  /** The approval request's id, also the id its action is sent under. */
  actionId: string;
  deviceId: string;
  deviceName: string | null;
  ticket: string | null;
  graphAction: string;
  kind: string | null;
  /** Who took the step (requester, approver); null for an expiry. */
  agent: { upn: string; name: string | null } | null;
  reason: string | null;
  at: string;
}

export type ActionEvent = ActionStateEvent | ApprovalEvent;

const isApprovalStep = (s: string | null): s is keyof typeof APPROVAL_EVENT_TYPES =>
  s !== null && Object.hasOwn(APPROVAL_EVENT_TYPES, s);

export function eventFor(r: Omit<AuditRecordTable, 'seq'>): ActionEvent | null {
  const agent = r.actor_upn ? { upn: r.actor_upn, name: r.actor_name } : null;
  if (r.kind === 'decision' && isApprovalStep(r.action_state))
    return {
      eventId: randomUUID(),
      type: APPROVAL_EVENT_TYPES[r.action_state],
      actionId: r.action_id,
      deviceId: r.device_id,
      deviceName: r.device_name,
      ticket: r.ticket,
      graphAction: r.action_name,
      kind: r.action_kind,
      agent,
      reason: r.detail,
      at: r.recorded_at,
    };
  const state = r.kind === 'outcome' ? r.outcome : r.kind === 'observation' ? r.action_state : null;
  if (!state) return null;
  return {
    eventId: randomUUID(),
    type: 'passcodeAction.stateChanged',
    actionId: r.action_id,
    deviceId: r.device_id,
    deviceName: r.device_name,
    ticket: r.ticket,
    graphAction: r.action_name,
    kind: r.action_kind,
    state,
    graphRequestId: r.graph_request_id,
    clientRequestId: r.client_request_id,
    agent,
    at: r.recorded_at,
  };
}

export async function enqueue(
  db: Kysely<AuditDatabase> | Transaction<AuditDatabase>,
  event: ActionEvent,
): Promise<void> {
  await db
    .insertInto('webhook_outbox')
    .values({
      event_id: event.eventId,
      action_id: event.actionId,
      payload: JSON.stringify(event),
      created_at: event.at,
      attempts: 0,
      next_attempt_at: event.at,
      locked_until: null,
      delivered_at: null,
      last_error: null,
    })
    .execute();
}

export interface DueEvent {
  eventId: string;
  payload: string;
  attempts: number;
}

export class Outbox {
  constructor(
    private readonly handle: AuditDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Leases up to `limit` due events to this instance for `leaseMs`; others skip them until the lease lapses. */
  async claimDue(limit: number, leaseMs: number): Promise<DueEvent[]> {
    const now = this.now().toISOString();
    const until = new Date(this.now().getTime() + leaseMs).toISOString();
    const candidates = await this.handle.db
      .selectFrom('webhook_outbox')
      .select(['event_id'])
      .where('delivered_at', 'is', null)
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .orderBy('created_at')
      .limit(limit)
      .execute();
    const claimed: DueEvent[] = [];
    for (const { event_id } of candidates) {
      // One conditional update per event: of two instances racing for it, exactly one changes the row.
      const taken = await this.handle.db
        .updateTable('webhook_outbox')
        .set({ locked_until: until })
        .where('event_id', '=', event_id)
        .where('delivered_at', 'is', null)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
        .returning(['event_id', 'payload', 'attempts'])
        .executeTakeFirst();
      if (taken)
        claimed.push({ eventId: taken.event_id, payload: taken.payload, attempts: taken.attempts });
    }
    return claimed;
  }

  async delivered(eventId: string): Promise<void> {
    await this.handle.db
      .updateTable('webhook_outbox')
      .set({ delivered_at: this.now().toISOString(), locked_until: null, last_error: null })
      .where('event_id', '=', eventId)
      .execute();
  }

  async failed(eventId: string, attempts: number, retryAt: Date, error: string): Promise<void> {
    await this.handle.db
      .updateTable('webhook_outbox')
      .set({
        attempts,
        next_attempt_at: retryAt.toISOString(),
        locked_until: null,
        last_error: error.slice(0, 500),
      })
      .where('event_id', '=', eventId)
      .execute();
  }

  /** Events not delivered yet, oldest first (for the health endpoint and tests). */
  async pending(): Promise<number> {
    const row = await this.handle.db
      .selectFrom('webhook_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('delivered_at', 'is', null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
