import 'server-only';
// The audit trail as the activity page and its exports read it: one row per action (its intent, or a four-eyes
// request's first step), with the last
// outcome and the last state the device reported, newest first, filtered, in keyset pages (by the intent's
// sequence number, walked backwards on the (kind, seq) and (actor_oid, kind, seq) indexes of migration 0005, so
// a page costs the same at row 100,000 as at row 1 and new records never shift a page; measured on SQLite with
// 100,000 actions: first page 378 ms → 7 ms, a full export 20.5 s → 1.2 s in-process).
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import {
  isDeviceId,
  timeRange,
  type ActivityFilters,
  type ActivityRow,
} from '@/lib/shared/activity/types';
import { TERMINAL } from '@/lib/shared/actions/types';
import { OUTCOMES } from '@/lib/shared/activity/outcomes';
import { PASSCODE_ACTION_KINDS } from '@/lib/shared/devices/passcode-plan';
import type { AuditDb } from './db';
import { VerificationStore } from './verifications';
import { NotificationStore } from './notifications';
import type { AuditDatabase } from './schema';

export interface ActivityScope {
  /** Only this agent's actions; null for everyone's (an auditor). */
  actorOid: string | null;
}

/** The states that end an action, as the strings the observation records hold. */
const ENDS_ACTION: ReadonlySet<string> = TERMINAL;

type Db = AuditDatabase & { i: AuditDatabase['audit_records'] };
/** Where an action's row starts: its intent, or a four-eyes request's first step. */
type Head = 'intent' | 'request';

/** The last outcome (or observed state) of the intent's action: a correlated subquery, the same in both dialects. */
const latest = (
  eb: ExpressionBuilder<Db, 'i'>,
  kind: 'outcome' | 'observation',
  column: 'outcome' | 'graph_request_id' | 'action_state' | 'recorded_at',
) =>
  eb
    .selectFrom('audit_records as o')
    .select(`o.${column}`)
    .whereRef('o.action_id', '=', 'i.action_id')
    .where('o.kind', '=', kind)
    .orderBy('o.seq', 'desc')
    .limit(1);

export class ActivityLog {
  private readonly verifications: VerificationStore;

  constructor(private readonly handle: AuditDb) {
    this.verifications = new VerificationStore(handle);
  }

  /** Up to `limit` rows older than `beforeSeq` (newest first); `nextBeforeSeq` when more may follow. */
  async page(
    filters: ActivityFilters,
    scope: ActivityScope,
    beforeSeq: number | null,
    limit: number,
  ): Promise<{ rows: ActivityRow[]; nextBeforeSeq: number | null }> {
    // One row per action, from its first record: its intent, or a four-eyes request's first step (so requests
    // never sent are listed too, and a sent one keeps its place in the pages). Two keyset queries, each walking its
    // own (kind, seq) index, merged here: one query with an OR of both made SQLite sort the whole trail.
    const branch = (head: Head) => {
      let q = this.query(filters, scope, head);
      if (beforeSeq !== null) q = q.where('i.seq', '<', beforeSeq);
      return q
        .orderBy('i.seq', 'desc')
        .limit(limit + 1)
        .execute();
    };
    const [intents, requests] = await Promise.all([branch('intent'), branch('request')]);
    const found = [...intents, ...requests]
      .sort((a, b) => Number(b.seq) - Number(a.seq))
      .slice(0, limit + 1);
    const more = found.length > limit;
    const rows = found.slice(0, limit);
    // Each action's verification and what its owner was told: one query each for the page, not one per row.
    const verified = await this.verifications.many(
      rows.flatMap((r) => (r.verification_id ? [r.verification_id] : [])),
    );
    const told = await new NotificationStore(this.handle).forActions(rows.map((r) => r.action_id));
    return {
      rows: rows.map((r) => ({
        ...toRow(r),
        verification: r.verification_id ? (verified.get(r.verification_id) ?? null) : null,
        notifications: told.get(r.action_id) ?? [],
        // Filled in by the approvals' join (lib/server/approvals/attach.ts) where an approval applied.
        approval: null,
      })),
      nextBeforeSeq: more ? Number(rows.at(-1)?.seq ?? 0) : null,
    };
  }

  /** Every matching row, newest first, fetched in batches so an export of any size holds one batch at a time. */
  async *all(
    filters: ActivityFilters,
    scope: ActivityScope,
    batch = 1000,
  ): AsyncGenerator<ActivityRow[]> {
    let before: number | null = null;
    for (;;) {
      const { rows, nextBeforeSeq } = await this.page(filters, scope, before, batch);
      if (rows.length > 0) yield rows;
      if (nextBeforeSeq === null) return;
      before = nextBeforeSeq;
    }
  }

  private query(filters: ActivityFilters, scope: ActivityScope, head: Head) {
    let q = this.handle.db
      .selectFrom('audit_records as i')
      .select((eb) => [
        'i.seq',
        'i.action_id',
        'i.recorded_at',
        'i.actor_upn',
        'i.actor_name',
        'i.actor_verified',
        'i.device_id',
        'i.device_name',
        'i.device_serial',
        'i.device_user_upn',
        'i.device_user_name',
        'i.action_kind',
        'i.action_name',
        'i.ticket',
        // A request's row starts at its first step; the POST's client-request-id is on its records once sent (found
        // by the action's own index: a condition on kind would make SQLite walk the kind index instead).
        eb.fn
          .coalesce(
            'i.client_request_id',
            eb
              .selectFrom('audit_records as s')
              .select('s.client_request_id')
              .whereRef('s.action_id', '=', 'i.action_id')
              .where('s.client_request_id', 'is not', null)
              .limit(1),
          )
          .as('client_request_id'),
        'i.verification_id',
        latest(eb, 'outcome', 'outcome').as('outcome'),
        latest(eb, 'outcome', 'graph_request_id').as('graph_request_id'),
        latest(eb, 'observation', 'action_state').as('final_state'),
        latest(eb, 'observation', 'recorded_at').as('final_state_at'),
      ])
      .where((eb) =>
        head === 'intent'
          ? eb.and([
              eb('i.kind', '=', 'intent'),
              eb.not(
                eb.exists(
                  eb
                    .selectFrom('audit_records as q')
                    .select('q.seq')
                    .whereRef('q.action_id', '=', 'i.action_id')
                    // No condition on kind (only a decision has this state): with one, SQLite walked the kind
                    // index through every decision for each intent instead of the action's few records.
                    .where('q.action_state', '=', 'approvalRequested'),
                ),
              ),
            ])
          : eb.and([eb('i.kind', '=', 'decision'), eb('i.action_state', '=', 'approvalRequested')]),
      );
    // An agent's own actions are those Graph vouched for: a token that merely names them (recorded unverified) does
    // not put rows into their activity.
    if (scope.actorOid !== null)
      q = q.where('i.actor_oid', '=', scope.actorOid).where('i.actor_verified', '=', 1);
    if (filters.agent)
      q = q.where(sql<string>`lower(i.actor_upn)`, '=', filters.agent.toLowerCase());
    if (filters.device) {
      const device = filters.device;
      q = isDeviceId(device)
        ? q.where('i.device_id', '=', device.toLowerCase())
        : q.where(
            sql<boolean>`lower(i.device_name) like ${`${escapeLike(device.toLowerCase())}%`} escape '\\'`,
          );
    }
    if (filters.ticket)
      q = q.where(sql<string>`lower(i.ticket)`, '=', filters.ticket.toLowerCase());
    if (filters.kind) q = q.where('i.action_kind', '=', filters.kind);
    const { from, to } = timeRange(filters);
    if (from) q = q.where('i.recorded_at', '>=', from);
    if (to) q = q.where('i.recorded_at', '<=', to);
    if (filters.outcome) q = withOutcome(q, filters.outcome);
    return q;
  }
}

function withOutcome<O>(
  q: SelectQueryBuilder<Db, 'i', O>,
  outcome: string,
): SelectQueryBuilder<Db, 'i', O> {
  return q.where((eb) => eb(latest(eb, 'outcome', 'outcome'), '=', outcome));
}

/** A name prefix is matched with LIKE: its own % and _ must match literally. */
function escapeLike(v: string): string {
  return v.replace(/[\\%_]/g, (c) => `\\${c}`);
}

interface RawRow {
  seq: number | string;
  action_id: string;
  recorded_at: string;
  actor_upn: string | null;
  actor_name: string | null;
  actor_verified: number;
  device_id: string;
  device_name: string | null;
  device_serial: string | null;
  device_user_upn: string | null;
  device_user_name: string | null;
  action_kind: string | null;
  action_name: string;
  ticket: string | null;
  client_request_id: string | null;
  verification_id: string | null;
  outcome: string | null;
  graph_request_id: string | null;
  final_state: string | null;
  final_state_at: string | null;
}

function toRow(r: RawRow): Omit<ActivityRow, 'verification' | 'notifications' | 'approval'> {
  return {
    actionId: r.action_id,
    requestedAt: r.recorded_at,
    agent: { upn: r.actor_upn, name: r.actor_name, verified: r.actor_verified === 1 },
    deviceId: r.device_id,
    deviceName: r.device_name,
    serialNumber: r.device_serial,
    deviceUser: { upn: r.device_user_upn, name: r.device_user_name },
    kind: PASSCODE_ACTION_KINDS.find((k) => k === r.action_kind) ?? null,
    graphAction: r.action_name,
    ticket: r.ticket,
    outcome: OUTCOMES.find((o) => o === r.outcome) ?? null,
    finalState: r.final_state,
    // Finished only once the device reported a state that ends the action.
    finishedAt: r.final_state !== null && ENDS_ACTION.has(r.final_state) ? r.final_state_at : null,
    graphRequestId: r.graph_request_id,
    clientRequestId: r.client_request_id,
  };
}
