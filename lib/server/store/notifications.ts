import 'server-only';
// The owner's notifications (issue 19, security.md case 26): a durable outbox like the webhook's. A row per action,
// event and recipient is written in the same transaction as the audit record it follows (the unique index makes it
// once, however many retries and instances record the event); a sender leases rows before sending, so two instances
// never send one twice, and records Graph's answer. Tokens are never stored: a row is sent on a request that carries
// its requesting agent's token.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AuditDb } from './db';
import type { AuditDatabase, OwnerNotificationTable } from './schema';
import {
  isNotificationEvent,
  isNotificationRecipient,
  type NotificationEvent,
  type NotificationRecipient,
  type NotificationStatus,
} from '@/lib/shared/notifications/types';

/** Who is told, as configured (NOTIFY_OWNER, NOTIFY_MANAGER). */
export interface NotifyRecipients {
  owner: boolean;
  manager: boolean;
}

export const NOBODY: NotifyRecipients = { owner: false, manager: false };

export type NotificationRow = OwnerNotificationTable;

/** Queues the event's e-mails, once per action, event and recipient (a repeat changes nothing). */
export async function enqueueNotifications(
  db: Kysely<AuditDatabase> | Transaction<AuditDatabase>,
  n: { actionId: string; event: NotificationEvent; requesterOid: string; at: string },
  recipients: NotifyRecipients,
): Promise<void> {
  const who: NotificationRecipient[] = [];
  if (recipients.owner) who.push('owner');
  if (recipients.manager) who.push('manager');
  for (const recipient of who) {
    await db
      .insertInto('owner_notifications')
      .values({
        id: randomUUID(),
        action_id: n.actionId,
        event: n.event,
        recipient,
        requester_oid: n.requesterOid,
        created_at: n.at,
        attempts: 0,
        next_attempt_at: n.at,
        locked_until: null,
        last_attempt_at: null,
        sent_at: null,
        graph_request_id: null,
        error_code: null,
        error_status: null,
      })
      .onConflict((oc) => oc.columns(['action_id', 'event', 'recipient']).doNothing())
      .execute();
  }
}

export interface SendFailure {
  code: string;
  status: number | null;
  requestId: string | null;
  /** When to try again; null when no try can help. */
  retryAt: Date | null;
}

export class NotificationStore {
  constructor(
    private readonly handle: AuditDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Leases this agent's due, unsent notifications of `actionIds` for `leaseMs`: another instance (or request) skips
   * them until the lease lapses. Oldest first, so an action's "accepted" goes before its "done".
   */
  async claimDue(
    actionIds: readonly string[],
    requesterOid: string,
    leaseMs: number,
  ): Promise<NotificationRow[]> {
    if (actionIds.length === 0) return [];
    const now = this.now().toISOString();
    const until = new Date(this.now().getTime() + leaseMs).toISOString();
    const candidates = await this.handle.db
      .selectFrom('owner_notifications')
      .select('id')
      .where('action_id', 'in', [...new Set(actionIds)])
      .where('requester_oid', '=', requesterOid)
      .where('sent_at', 'is', null)
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const claimed: NotificationRow[] = [];
    for (const { id } of candidates) {
      // One conditional update per row: of two instances racing for it, exactly one changes it.
      const taken = await this.handle.db
        .updateTable('owner_notifications')
        .set({ locked_until: until })
        .where('id', '=', id)
        .where('sent_at', 'is', null)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
        .returningAll()
        .executeTakeFirst();
      if (taken) claimed.push(taken);
    }
    return claimed;
  }

  async sent(id: string, requestId: string | null): Promise<void> {
    const at = this.now().toISOString();
    await this.handle.db
      .updateTable('owner_notifications')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        sent_at: at,
        last_attempt_at: at,
        next_attempt_at: null,
        locked_until: null,
        graph_request_id: requestId,
        error_code: null,
        error_status: null,
      }))
      .where('id', '=', id)
      .execute();
  }

  async failed(id: string, f: SendFailure): Promise<void> {
    await this.handle.db
      .updateTable('owner_notifications')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        last_attempt_at: this.now().toISOString(),
        next_attempt_at: f.retryAt?.toISOString() ?? null,
        locked_until: null,
        graph_request_id: f.requestId,
        error_code: f.code.slice(0, 100),
        error_status: f.status,
      }))
      .where('id', '=', id)
      .execute();
  }

  /** Every notification of these actions, by action id, oldest first. */
  async forActions(actionIds: readonly string[]): Promise<Map<string, NotificationStatus[]>> {
    const byAction = new Map<string, NotificationStatus[]>();
    if (actionIds.length === 0) return byAction;
    const rows = await this.handle.db
      .selectFrom('owner_notifications')
      .selectAll()
      .where('action_id', 'in', [...new Set(actionIds)])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const status = statusOf(r);
      if (status) byAction.set(r.action_id, [...(byAction.get(r.action_id) ?? []), status]);
    }
    return byAction;
  }
}

/** A row as the console shows it; null for a row of an event or recipient this version does not know. */
export function statusOf(r: NotificationRow): NotificationStatus | null {
  if (!isNotificationEvent(r.event) || !isNotificationRecipient(r.recipient)) return null;
  return {
    event: r.event,
    recipient: r.recipient,
    state: r.sent_at ? 'sent' : r.attempts > 0 ? 'failed' : 'pending',
    sentAt: r.sent_at,
    attempts: r.attempts,
    lastAttemptAt: r.last_attempt_at,
    retryAt: r.sent_at ? null : r.attempts > 0 ? r.next_attempt_at : null,
    requestId: r.graph_request_id,
    error: r.error_code
      ? { code: r.error_code, status: r.error_status, requestId: r.graph_request_id }
      : null,
  };
}
