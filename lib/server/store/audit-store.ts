import 'server-only';
// The audit store: writes intent, outcome, observation, override and reveal records, holds the one-passcode-
// action-per-device guard, and answers what the console shows (an action's records, an agent's recent actions).
// It is the only code that touches the database.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { ActionHolder, GuardHold } from '@/lib/shared/actions/types';
import type { AuditDb } from './db';
import { enqueue, eventFor } from './outbox';
import {
  enqueueNotifications,
  NOBODY,
  NotificationStore,
  type NotifyRecipients,
} from './notifications';
import type { NotificationEvent, NotificationStatus } from '@/lib/shared/notifications/types';
import type {
  AuditDatabase,
  AuditRecordTable,
  DeviceGuardTable,
  Outcome,
  RecordKind,
} from './schema';

export interface Actor {
  oid: string;
  upn: string;
  name: string | null;
  tenant: string;
}

export interface NewRecord {
  actionId: string;
  kind: RecordKind;
  /** Graph's action (resetPasscode, recoverPasscode); `unknown` for input refused before it was known. */
  actionName: string;
  /** The console's kind of it (removePasscode, resetDevicePasscode, …), where known. */
  actionKind?: string | null;
  deviceId: string;
  deviceName?: string | null;
  /** The device's serial number and user, so two same-named devices of one user stay apart in the trail. */
  device?: { serialNumber: string; userPrincipalName: string; userDisplayName: string } | null;
  ticket?: string | null;
  note?: string | null;
  /** The actor, and whether Graph accepted the token it comes from; null when nobody is known. */
  actor?: { value: Actor; verified: boolean } | null;
  outcome?: Outcome | null;
  actionState?: string | null;
  graphRequestId?: string | null;
  clientRequestId?: string | null;
  httpStatus?: number | null;
  detail?: string | null;
  /** The caller verification the action or reveal rests on (VerificationStore). */
  verificationId?: string | null;
  /** The approval request the action or reveal was sent under (ApprovalStore), or a decision record's own. */
  approvalId?: string | null;
  at?: Date;
}

export type AuditRecord = Omit<AuditRecordTable, 'seq'> & { seq: number };

export type ClaimResult = { acquired: true } | { acquired: false; holder: ActionHolder };

/** A guard that no clock may lift (ISO strings compare as text, and this is later than any real time). */
const UNTIL_SETTLED = '9999-12-31T23:59:59.999Z';

/** The one guard window: a request holds its device for `holdMinutes` (RECOVERY_GUARD_MINUTES) from the request. */
function holdEnds(requestedAt: string, holdMinutes: number): string {
  return new Date(Date.parse(requestedAt) + holdMinutes * 60_000).toISOString();
}

export class AuditStore {
  /**
   * `events`: a ticket-system webhook is configured, so every state change (an outcome, a newly observed state)
   * also goes into the webhook outbox, in the same transaction as its record. `notify`: who gets the owner's
   * e-mail (NOTIFY_OWNER, NOTIFY_MANAGER); an accepted outcome and an observed done or failed queue it, in the
   * same transaction too.
   */
  constructor(
    private readonly handle: AuditDb,
    private readonly now: () => Date = () => new Date(),
    private readonly events = false,
    private readonly notify: NotifyRecipients = NOBODY,
  ) {}

  async record(r: NewRecord): Promise<void> {
    const row = this.row(r);
    const event = this.events ? eventFor(row) : null;
    // Only an agent Graph vouched for can send the e-mail later (with their own token).
    const requester = r.actor?.verified ? row.actor_oid : null;
    const notice =
      row.kind === 'outcome' && row.outcome === 'accepted' && requester && this.notifies()
        ? {
            actionId: row.action_id,
            event: 'accepted' as const,
            requesterOid: requester,
            at: row.recorded_at,
          }
        : null;
    if (!event && !notice) {
      await this.handle.db.insertInto('audit_records').values(row).execute();
      return;
    }
    await this.handle.db.transaction().execute(async (trx) => {
      await trx.insertInto('audit_records').values(row).execute();
      if (event) await enqueue(trx, event);
      if (notice) await enqueueNotifications(trx, notice, this.notify);
    });
  }

  private notifies(): boolean {
    return this.notify.owner || this.notify.manager;
  }

  /** An observation of the device's state; the same state for the same action is recorded once. */
  async observe(r: Omit<NewRecord, 'kind'> & { actionState: string }): Promise<boolean> {
    const row = this.row({ ...r, kind: 'observation' });
    const insert = async (db: Kysely<AuditDatabase>) => {
      const result = await db
        .insertInto('audit_records')
        .values(row)
        // The conflict target must repeat the partial index's condition literally for SQLite to match it.
        .onConflict((oc) =>
          oc
            .columns(['action_id', 'action_state'])
            .where('kind', '=', sql.lit('observation'))
            .doNothing(),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    };
    const notice: NotificationEvent | null =
      this.notifies() && (row.action_state === 'done' || row.action_state === 'failed')
        ? row.action_state
        : null;
    // Without a webhook or a notification, one statement is enough (and holds no lock across an await).
    if (!this.events && !notice) return insert(this.handle.db);
    return this.handle.db.transaction().execute(async (trx) => {
      const inserted = await insert(trx);
      const event = inserted && this.events ? eventFor(row) : null;
      if (event) await enqueue(trx, event);
      if (inserted && notice) {
        // The observation names no actor: the e-mail goes out with the token of the agent who requested the action.
        const intent = await trx
          .selectFrom('audit_records')
          .select(['actor_oid', 'actor_verified'])
          .where('action_id', '=', row.action_id)
          .where('kind', '=', 'intent')
          .executeTakeFirst();
        if (intent?.actor_oid && intent.actor_verified === 1)
          await enqueueNotifications(
            trx,
            {
              actionId: row.action_id,
              event: notice,
              requesterOid: intent.actor_oid,
              at: row.recorded_at,
            },
            this.notify,
          );
      }
      return inserted;
    });
  }

  /**
   * Takes the device for this action unless another recovery holds it and has not expired. With `force`
   * (the agent gave a reason to go on anyway) it takes the device regardless. One statement, so two
   * processes or instances cannot both win.
   */
  async claimDevice(g: {
    deviceId: string;
    actionId: string;
    ticket: string;
    actor: Actor | null;
    holdMinutes: number;
    force: boolean;
  }): Promise<ClaimResult> {
    const now = this.now();
    const row: DeviceGuardTable = {
      device_id: g.deviceId,
      action_id: g.actionId,
      ticket: g.ticket,
      actor_upn: g.actor?.upn ?? null,
      actor_name: g.actor?.name ?? null,
      requested_at: now.toISOString(),
      expires_at: holdEnds(now.toISOString(), g.holdMinutes),
    };
    const won = await this.handle.db
      .insertInto('device_guards')
      .values(row)
      .onConflict((oc) => {
        const update = oc.column('device_id').doUpdateSet({
          action_id: (eb) => eb.ref('excluded.action_id'),
          ticket: (eb) => eb.ref('excluded.ticket'),
          actor_upn: (eb) => eb.ref('excluded.actor_upn'),
          actor_name: (eb) => eb.ref('excluded.actor_name'),
          requested_at: (eb) => eb.ref('excluded.requested_at'),
          expires_at: (eb) => eb.ref('excluded.expires_at'),
        });
        return g.force ? update : update.where('device_guards.expires_at', '<=', row.requested_at);
      })
      .returning('action_id')
      .executeTakeFirst();
    if (won?.action_id === g.actionId) return { acquired: true };
    const holder = await this.handle.db
      .selectFrom('device_guards')
      .selectAll()
      .where('device_id', '=', g.deviceId)
      .executeTakeFirst();
    if (!holder) return this.claimDevice(g); // released in between: try again
    return {
      acquired: false,
      holder: {
        actionId: holder.action_id,
        ticket: holder.ticket,
        actorUpn: holder.actor_upn,
        actorName: holder.actor_name,
        requestedAt: holder.requested_at,
      },
    };
  }

  /**
   * Keeps the device for this action until someone decides: its POST had an unknown fate, so only the device
   * (once Graph shows the action) or an agent's explicit decision with a reason may free it, never the clock.
   */
  async holdUntilSettled(deviceId: string, actionId: string): Promise<void> {
    await this.handle.db
      .updateTable('device_guards')
      .set({ expires_at: UNTIL_SETTLED })
      .where('device_id', '=', deviceId)
      .where('action_id', '=', actionId)
      .execute();
  }

  /** The device showed the action: from now on the guard lapses like any other, `holdMinutes` after the request. */
  async settleHold(deviceId: string, actionId: string, holdMinutes: number): Promise<void> {
    const guard = await this.handle.db
      .selectFrom('device_guards')
      .selectAll()
      .where('device_id', '=', deviceId)
      .where('action_id', '=', actionId)
      .where('expires_at', '=', UNTIL_SETTLED)
      .executeTakeFirst();
    if (!guard) return;
    await this.handle.db
      .updateTable('device_guards')
      .set({ expires_at: holdEnds(guard.requested_at, holdMinutes) })
      .where('device_id', '=', deviceId)
      .where('action_id', '=', actionId)
      .execute();
  }

  /**
   * The guards that hold their device now, by device id: which action holds it, and until when (a time, or until the
   * device settles it). What the console shows before the click is this answer, never a window worked out elsewhere.
   */
  async heldGuards(
    deviceIds: readonly string[],
  ): Promise<Map<string, { actionId: string; hold: GuardHold }>> {
    if (deviceIds.length === 0) return new Map();
    const rows = await this.handle.db
      .selectFrom('device_guards')
      .select(['device_id', 'action_id', 'expires_at'])
      .where('device_id', 'in', [...new Set(deviceIds)])
      .where('expires_at', '>', this.now().toISOString())
      .execute();
    return new Map(
      rows.map((r) => [
        r.device_id,
        {
          actionId: r.action_id,
          hold:
            r.expires_at === UNTIL_SETTLED
              ? { kind: 'untilSettled' }
              : { kind: 'until', until: r.expires_at },
        },
      ]),
    );
  }

  /** What the owner was told about each of these actions (the notification rows), by action id. */
  async notificationsOf(actionIds: readonly string[]): Promise<Map<string, NotificationStatus[]>> {
    return new NotificationStore(this.handle, this.now).forActions(actionIds);
  }

  /** Frees the device when this action's request did not go through (nothing was queued). */
  async releaseDevice(deviceId: string, actionId: string): Promise<void> {
    await this.handle.db
      .deleteFrom('device_guards')
      .where('device_id', '=', deviceId)
      .where('action_id', '=', actionId)
      .execute();
  }

  async actionRecords(actionId: string): Promise<AuditRecord[]> {
    return this.handle.db
      .selectFrom('audit_records')
      .selectAll()
      .where('action_id', '=', actionId)
      .orderBy('seq')
      .execute();
  }

  /**
   * The records of the newest `limit` actions an agent started since `since` (refused attempts left out), oldest record first, and whether
   * older ones were left out (the tray shows the latest; the activity page has them all).
   */
  async recordsOfActor(
    actorOid: string,
    since: Date,
    limit = 1000,
  ): Promise<{ records: AuditRecord[]; more: boolean }> {
    // Attempts refused before Graph (bad input, the device guard) are in the trail, not in the agent's tray.
    const refused = this.handle.db
      .selectFrom('audit_records')
      .select('action_id')
      .where('actor_oid', '=', actorOid)
      .where('outcome', '=', 'refused')
      .where('recorded_at', '>=', since.toISOString());
    // An action starts at its intent; a four-eyes request (not sent yet, or sent later under the same id) at its
    // first step, so the tray tracks it from the moment approval was asked. A sent request has both: one id.
    const heads = await this.handle.db
      .selectFrom('audit_records')
      .select('action_id')
      .where((eb) =>
        eb.or([
          eb('kind', '=', 'intent'),
          eb.and([eb('kind', '=', 'decision'), eb('action_state', '=', 'approvalRequested')]),
        ]),
      )
      .where('actor_oid', '=', actorOid)
      .where('recorded_at', '>=', since.toISOString())
      .where('action_id', 'not in', refused)
      .orderBy('seq', 'desc')
      .limit(2 * limit + 1)
      .execute();
    const unique = [...new Set(heads.map((r) => r.action_id))];
    const ids = unique.slice(0, limit);
    if (ids.length === 0) return { records: [], more: false };
    const records = await this.handle.db
      .selectFrom('audit_records')
      .selectAll()
      .where('action_id', 'in', ids)
      .orderBy('seq')
      .execute();
    return { records, more: unique.length > limit };
  }

  /**
   * For each of `deviceIds`, the records of its newest action since `since` that reached Graph (as
   * latestActionOnDevice); devices without one are left out. One query for the intents, one for their records.
   */
  async latestActionsOnDevices(
    deviceIds: readonly string[],
    since: Date,
  ): Promise<AuditRecord[][]> {
    if (deviceIds.length === 0) return [];
    const refused = this.handle.db
      .selectFrom('audit_records')
      .select('action_id')
      .where('device_id', 'in', deviceIds)
      .where('outcome', '=', 'refused');
    const intents = await this.handle.db
      .selectFrom('audit_records')
      .select(['action_id', 'device_id'])
      .where('device_id', 'in', deviceIds)
      .where('kind', '=', 'intent')
      .where('recorded_at', '>=', since.toISOString())
      .where('action_id', 'not in', refused)
      .orderBy('seq', 'desc')
      .execute();
    const newest = new Map<string, string>();
    for (const i of intents) if (!newest.has(i.device_id)) newest.set(i.device_id, i.action_id);
    if (newest.size === 0) return [];
    const records = await this.handle.db
      .selectFrom('audit_records')
      .selectAll()
      .where('action_id', 'in', [...newest.values()])
      .orderBy('seq')
      .execute();
    const byAction = new Map<string, AuditRecord[]>();
    for (const r of records) byAction.set(r.action_id, [...(byAction.get(r.action_id) ?? []), r]);
    return [...byAction.values()];
  }

  /**
   * The records of the newest action on a device that reached Graph, if any: an attempt refused before the
   * POST (bad token, the device guard) is in the trail but is not "the recovery of this device".
   */
  async latestActionOnDevice(deviceId: string): Promise<AuditRecord[]> {
    const refused = this.handle.db
      .selectFrom('audit_records')
      .select('action_id')
      .where('device_id', '=', deviceId)
      .where('outcome', '=', 'refused');
    const latest = await this.handle.db
      .selectFrom('audit_records')
      .select('action_id')
      .where('device_id', '=', deviceId)
      .where('kind', '=', 'intent')
      .where('action_id', 'not in', refused)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return latest ? this.actionRecords(latest.action_id) : [];
  }

  /**
   * How many passcode actions that reached Graph were started on devices of this user (by the UPN recorded with the
   * action, compared without case) since `since`, and when the newest was: a risk signal for the Caller panel.
   */
  async actionsOnUserSince(
    upn: string,
    since: Date,
  ): Promise<{ count: number; latestAt: string | null }> {
    const refused = this.handle.db
      .selectFrom('audit_records')
      .select('action_id')
      .where('outcome', '=', 'refused')
      .where('recorded_at', '>=', since.toISOString());
    const row = await this.handle.db
      .selectFrom('audit_records')
      .select((eb) => [
        eb.fn.count<number | string>('action_id').distinct().as('count'),
        eb.fn.max('recorded_at').as('latestAt'),
      ])
      .where('kind', '=', 'intent')
      .where(sql<string>`lower(device_user_upn)`, '=', upn.toLowerCase())
      .where('recorded_at', '>=', since.toISOString())
      .where('action_id', 'not in', refused)
      .executeTakeFirst();
    return { count: Number(row?.count ?? 0), latestAt: row?.latestAt ?? null };
  }

  private row(r: NewRecord): Omit<AuditRecordTable, 'seq'> {
    return {
      id: randomUUID(),
      action_id: r.actionId,
      kind: r.kind,
      recorded_at: (r.at ?? this.now()).toISOString(),
      action_name: r.actionName,
      action_kind: r.actionKind ?? null,
      device_id: r.deviceId,
      device_name: r.deviceName ?? null,
      device_serial: r.device?.serialNumber || null,
      device_user_upn: r.device?.userPrincipalName || null,
      device_user_name: r.device?.userDisplayName || null,
      ticket: r.ticket ?? null,
      note: r.note ?? null,
      actor_oid: r.actor?.value.oid ?? null,
      actor_upn: r.actor?.value.upn ?? null,
      actor_name: r.actor?.value.name ?? null,
      actor_tenant: r.actor?.value.tenant ?? null,
      actor_verified: r.actor?.verified ? 1 : 0,
      outcome: r.outcome ?? null,
      action_state: r.actionState ?? null,
      graph_request_id: r.graphRequestId ?? null,
      client_request_id: r.clientRequestId ?? null,
      http_status: r.httpStatus ?? null,
      detail: r.detail ?? null,
      verification_id: r.verificationId ?? null,
      approval_id: r.approvalId ?? null,
    };
  }
}
