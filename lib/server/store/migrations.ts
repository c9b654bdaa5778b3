import 'server-only';
// Schema migrations, run at start-up, the same for SQLite and PostgreSQL except for the triggers that make
// audit records append-only, which each dialect writes its own way. A migration never edits a record: where
// SQLite cannot alter a table in place, the table is copied whole into its new shape.
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { RECORD_KINDS } from './schema';

const RECORD_KIND_LIST: readonly string[] = RECORD_KINDS;

export type Dialect = 'sqlite' | 'postgres';

/** The shortest retention the configuration allows; no purge may reach records younger than this. */
export const MIN_RETENTION_DAYS = 30;

export function migrations(dialect: Dialect): MigrationProvider {
  const list: Record<string, Migration> = {
    '0001_audit_records': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('audit_records')
          .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('action_id', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) =>
            c.notNull().check(sql`kind in ('intent', 'outcome', 'observation', 'override')`),
          )
          .addColumn('recorded_at', 'text', (c) => c.notNull())
          .addColumn('action_name', 'text', (c) => c.notNull())
          .addColumn('device_id', 'text', (c) => c.notNull())
          .addColumn('device_name', 'text')
          .addColumn('ticket', 'text')
          .addColumn('note', 'text')
          .addColumn('actor_oid', 'text')
          .addColumn('actor_upn', 'text')
          .addColumn('actor_name', 'text')
          .addColumn('actor_tenant', 'text')
          .addColumn('actor_verified', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('outcome', 'text')
          .addColumn('action_state', 'text')
          .addColumn('graph_request_id', 'text')
          .addColumn('client_request_id', 'text')
          .addColumn('http_status', 'integer')
          .addColumn('detail', 'text')
          .execute();
        await db.schema
          .createIndex('audit_records_action')
          .on('audit_records')
          .column('action_id')
          .execute();
        await db.schema
          .createIndex('audit_records_device')
          .on('audit_records')
          .columns(['device_id', 'recorded_at'])
          .execute();
        await db.schema
          .createIndex('audit_records_actor')
          .on('audit_records')
          .columns(['actor_oid', 'recorded_at'])
          .execute();
        // One observation per state per action, however many pollers see it.
        await db.schema
          .createIndex('audit_records_observation')
          .unique()
          .on('audit_records')
          .columns(['action_id', 'action_state'])
          .where(sql.ref('kind'), '=', 'observation')
          .execute();

        if (dialect === 'sqlite') {
          await sql`CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records
            BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END`.execute(db);
          await sql`CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records
            BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END`.execute(db);
        } else {
          await sql`CREATE FUNCTION audit_records_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'audit records are append-only'; END $$`.execute(db);
          await sql`CREATE TRIGGER audit_records_no_change BEFORE UPDATE OR DELETE ON audit_records
            FOR EACH ROW EXECUTE FUNCTION audit_records_refuse_change()`.execute(db);
          await sql`CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
            FOR EACH STATEMENT EXECUTE FUNCTION audit_records_refuse_change()`.execute(db);
        }

        await db.schema
          .createTable('device_guards')
          .addColumn('device_id', 'text', (c) => c.primaryKey())
          .addColumn('action_id', 'text', (c) => c.notNull())
          .addColumn('ticket', 'text', (c) => c.notNull())
          .addColumn('actor_upn', 'text')
          .addColumn('actor_name', 'text')
          .addColumn('requested_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
  };
  list['0002_passcode_actions'] = {
    // Two passcode actions and the reveal of a temporary passcode: the action's kind beside Graph's action name,
    // record kinds for reveals (and, coming, decisions and purges), and a refusal of any insert that would
    // replace a record (SQLite's INSERT OR REPLACE deletes the old row without firing its DELETE trigger).
    async up(db: Kysely<unknown>) {
      const kinds = sql.raw(RECORD_KIND_LIST.map((k) => `'${k}'`).join(', '));
      if (dialect === 'postgres') {
        await sql`ALTER TABLE audit_records DROP CONSTRAINT audit_records_kind_check`.execute(db);
        await sql`ALTER TABLE audit_records ADD CONSTRAINT audit_records_kind_check CHECK (kind in (${kinds}))`.execute(
          db,
        );
        await sql`ALTER TABLE audit_records ADD COLUMN action_kind text`.execute(db);
        // PostgreSQL has no INSERT OR REPLACE; ON CONFLICT DO UPDATE is an UPDATE, which the existing trigger refuses.
        return;
      }
      await sql`CREATE TABLE audit_records_v2 (
        seq integer PRIMARY KEY AUTOINCREMENT, id text NOT NULL UNIQUE, action_id text NOT NULL,
        kind text NOT NULL CHECK (kind in (${kinds})), recorded_at text NOT NULL, action_name text NOT NULL,
        action_kind text, device_id text NOT NULL, device_name text, ticket text, note text, actor_oid text,
        actor_upn text, actor_name text, actor_tenant text, actor_verified integer NOT NULL DEFAULT 0, outcome text,
        action_state text, graph_request_id text, client_request_id text, http_status integer, detail text)`.execute(
        db,
      );
      await sql`INSERT INTO audit_records_v2 (seq, id, action_id, kind, recorded_at, action_name, device_id, device_name,
        ticket, note, actor_oid, actor_upn, actor_name, actor_tenant, actor_verified, outcome, action_state,
        graph_request_id, client_request_id, http_status, detail)
        SELECT seq, id, action_id, kind, recorded_at, action_name, device_id, device_name, ticket, note, actor_oid,
        actor_upn, actor_name, actor_tenant, actor_verified, outcome, action_state, graph_request_id, client_request_id,
        http_status, detail FROM audit_records`.execute(db);
      // Dropping a table fires no DELETE trigger; its triggers and indexes go with it and are made again below.
      await sql`DROP TABLE audit_records`.execute(db);
      await sql`ALTER TABLE audit_records_v2 RENAME TO audit_records`.execute(db);
      await db.schema
        .createIndex('audit_records_action')
        .on('audit_records')
        .column('action_id')
        .execute();
      await db.schema
        .createIndex('audit_records_device')
        .on('audit_records')
        .columns(['device_id', 'recorded_at'])
        .execute();
      await db.schema
        .createIndex('audit_records_actor')
        .on('audit_records')
        .columns(['actor_oid', 'recorded_at'])
        .execute();
      await db.schema
        .createIndex('audit_records_observation')
        .unique()
        .on('audit_records')
        .columns(['action_id', 'action_state'])
        .where(sql.ref('kind'), '=', 'observation')
        .execute();
      await sql`CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records
        BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END`.execute(db);
      await sql`CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records
        BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END`.execute(db);
      await sql`CREATE TRIGGER audit_records_no_replace BEFORE INSERT ON audit_records
        WHEN EXISTS (SELECT 1 FROM audit_records WHERE id = NEW.id OR seq = NEW.seq)
        BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END`.execute(db);
    },
  };
  list['0003_shared_state'] = {
    // State several console instances share beside the audit trail: the Retry-After Graph gave (one gate per
    // tenant and app, so many agents do not each spend Intune's budget).
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('graph_throttle')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('until', 'text', (c) => c.notNull())
        .execute();
    },
  };
  list['0004_retention_outbox_limits'] = {
    // Retention, the ticket webhook's outbox and per-agent rate limits. Records become deletable by one path only:
    // the retention job opens a purge grant inside its own transaction, and the DELETE trigger lets a record go
    // only when it is older than an active grant's cutoff. A grant can never reach younger than the shortest
    // retention the configuration allows (30 days), and a closed grant cannot be reopened, so even SQL access
    // without dropping triggers cannot remove a recent record.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('purge_grants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('cutoff', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // The activity page pages over intents newest first, filtered by time.
      await db.schema
        .createIndex('audit_records_kind_time')
        .on('audit_records')
        .columns(['kind', 'recorded_at'])
        .execute();
      await db.schema
        .createTable('webhook_outbox')
        .addColumn('event_id', 'text', (c) => c.primaryKey())
        .addColumn('action_id', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('delivered_at', 'text')
        .addColumn('last_error', 'text')
        .execute();
      await db.schema
        .createIndex('webhook_outbox_due')
        .on('webhook_outbox')
        .columns(['delivered_at', 'next_attempt_at'])
        .execute();
      await db.schema
        .createTable('rate_limit_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('actor_oid', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('rate_limit_events_actor')
        .on('rate_limit_events')
        .columns(['actor_oid', 'kind', 'at'])
        .execute();

      if (dialect === 'sqlite') {
        const minimumAge = sql.raw(
          `strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-${MIN_RETENTION_DAYS} days')`,
        );
        await sql`CREATE TRIGGER purge_grants_bounded BEFORE INSERT ON purge_grants
          WHEN NEW.cutoff > ${minimumAge} OR NEW.active <> 1
          BEGIN SELECT RAISE(ABORT, 'a purge may only reach records older than the shortest retention'); END`.execute(
          db,
        );
        await sql`CREATE TRIGGER purge_grants_close_only BEFORE UPDATE ON purge_grants
          WHEN NOT (OLD.active = 1 AND NEW.active = 0 AND NEW.cutoff = OLD.cutoff AND NEW.id = OLD.id)
          BEGIN SELECT RAISE(ABORT, 'a purge grant can only be closed'); END`.execute(db);
        await sql`DROP TRIGGER audit_records_no_delete`.execute(db);
        await sql`CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records
          WHEN NOT EXISTS (SELECT 1 FROM purge_grants WHERE active = 1 AND OLD.recorded_at < cutoff)
          BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END`.execute(db);
        return;
      }
      const minimumAge = sql.raw(
        `to_char((now() at time zone 'utc') - interval '${MIN_RETENTION_DAYS} days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      );
      await sql`CREATE FUNCTION purge_grants_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' AND NEW.active = 1 AND NEW.cutoff <= ${minimumAge} THEN RETURN NEW; END IF;
          IF TG_OP = 'UPDATE' AND OLD.active = 1 AND NEW.active = 0 AND NEW.cutoff = OLD.cutoff AND NEW.id = OLD.id THEN RETURN NEW; END IF;
          RAISE EXCEPTION 'a purge may only reach records older than the shortest retention, and a grant can only be closed';
        END $$`.execute(db);
      await sql`CREATE TRIGGER purge_grants_guarded BEFORE INSERT OR UPDATE ON purge_grants
        FOR EACH ROW EXECUTE FUNCTION purge_grants_guard()`.execute(db);
      // The same function name as 0001's, so its UPDATE, DELETE and TRUNCATE triggers now run this body.
      await sql`CREATE OR REPLACE FUNCTION audit_records_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM purge_grants WHERE active = 1 AND OLD.recorded_at < cutoff) THEN
            RETURN OLD;
          END IF;
          RAISE EXCEPTION 'audit records are append-only';
        END $$`.execute(db);
    },
  };
  list['0005_activity_indexes'] = {
    // The activity page and its exports walk intents newest first (by seq) and stop after a page: indexes in that
    // order let both databases do so without sorting every older intent first (SQLite chose the time index and
    // sorted, so a page cost in proportion to the rows behind it). One for everyone's (auditors), one per agent.
    async up(db: Kysely<unknown>) {
      await db.schema.dropIndex('audit_records_kind_time').execute();
      await db.schema
        .createIndex('audit_records_kind_seq')
        .on('audit_records')
        .columns(['kind', 'seq'])
        .execute();
      await db.schema
        .createIndex('audit_records_actor_kind_seq')
        .on('audit_records')
        .columns(['actor_oid', 'kind', 'seq'])
        .execute();
    },
  };
  list['0006_device_identity'] = {
    // Which device, as an agent tells two of one user's same-named devices apart: its serial number and its user,
    // as Graph named them when the action was requested. Columns are added in place (no record is touched).
    async up(db: Kysely<unknown>) {
      for (const column of ['device_serial', 'device_user_upn', 'device_user_name']) {
        await sql`ALTER TABLE audit_records ADD COLUMN ${sql.raw(column)} text`.execute(db);
      }
    },
  };
  list['0007_caller_verifications'] = {
    // How agents verified callers (trust.md): append-only like the audit records, and referenced from a passcode
    // action's records by verification_id (added in place).
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('caller_verifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('agent_oid', 'text', (c) => c.notNull())
        .addColumn('agent_upn', 'text', (c) => c.notNull())
        .addColumn('agent_name', 'text')
        .addColumn('agent_tenant', 'text', (c) => c.notNull())
        .addColumn('subject_user_id', 'text', (c) => c.notNull())
        .addColumn('subject_upn', 'text')
        .addColumn('subject_name', 'text')
        .addColumn('device_id', 'text')
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('verified', 'integer', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .execute();
      // "A verification of this user by this agent in the last N minutes" is the policy's question.
      await db.schema
        .createIndex('caller_verifications_agent_subject')
        .on('caller_verifications')
        .columns(['agent_oid', 'subject_user_id', 'recorded_at'])
        .execute();
      await sql`ALTER TABLE audit_records ADD COLUMN verification_id text`.execute(db);
      if (dialect === 'sqlite') {
        await sql`CREATE TRIGGER caller_verifications_no_update BEFORE UPDATE ON caller_verifications
          BEGIN SELECT RAISE(ABORT, 'verification records are append-only'); END`.execute(db);
        await sql`CREATE TRIGGER caller_verifications_no_delete BEFORE DELETE ON caller_verifications
          WHEN NOT EXISTS (SELECT 1 FROM purge_grants WHERE active = 1 AND OLD.recorded_at < cutoff)
          BEGIN SELECT RAISE(ABORT, 'verification records are append-only'); END`.execute(db);
        return;
      }
      await sql`CREATE FUNCTION caller_verifications_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM purge_grants WHERE active = 1 AND OLD.recorded_at < cutoff) THEN
            RETURN OLD;
          END IF;
          RAISE EXCEPTION 'verification records are append-only';
        END $$`.execute(db);
      await sql`CREATE TRIGGER caller_verifications_append_only BEFORE UPDATE OR DELETE ON caller_verifications
        FOR EACH ROW EXECUTE FUNCTION caller_verifications_refuse_change()`.execute(db);
    },
  };
  list['0008_owner_notifications'] = {
    // The owner's notification (issue 19, security.md case 26): one row per action, event and recipient, unique,
    // written in the same transaction as the record it follows, so it is sent once across retries and instances;
    // a sender leases a row (locked_until) before sending it. A mutable delivery table like webhook_outbox: the
    // trail of what happened stays in audit_records.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('owner_notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('action_id', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('requester_oid', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text')
        .addColumn('locked_until', 'text')
        .addColumn('last_attempt_at', 'text')
        .addColumn('sent_at', 'text')
        .addColumn('graph_request_id', 'text')
        .addColumn('error_code', 'text')
        .addColumn('error_status', 'integer')
        .execute();
      await db.schema
        .createIndex('owner_notifications_once')
        .unique()
        .on('owner_notifications')
        .columns(['action_id', 'event', 'recipient'])
        .execute();
    },
  };
  list['0009_verified_id_requests'] = {
    // Open Verified ID presentation requests (trust.md): who asked, for which device and user, and how the
    // Request Service's callbacks may prove themselves (the state, and a hash of the per-request api key, never the
    // key). A request concludes once (concluded_at): a second concluding callback is a replay and is refused.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('verified_id_requests')
        .addColumn('request_id', 'text', (c) => c.primaryKey())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('api_key_hash', 'text', (c) => c.notNull())
        .addColumn('agent_oid', 'text', (c) => c.notNull())
        .addColumn('agent_upn', 'text', (c) => c.notNull())
        .addColumn('agent_name', 'text')
        .addColumn('agent_tenant', 'text', (c) => c.notNull())
        .addColumn('subject_user_id', 'text', (c) => c.notNull())
        .addColumn('subject_upn', 'text')
        .addColumn('subject_name', 'text')
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('threshold', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('waiting', 'retrieved', 'verified', 'failed')`),
        )
        .addColumn('failure', 'text')
        .addColumn('score', 'real')
        .addColumn('verification_id', 'text')
        .addColumn('concluded_at', 'text')
        .execute();
    },
  };
  list['0010_approval_requests'] = {
    // Four-eyes approvals (issue 15/17, security.md case 27): one row per request, whose status only single
    // conditional UPDATEs change (pending → approved | denied | withdrawn | expired; approved → sent | withdrawn |
    // expired), so concurrent approvers or senders on any instance produce one result. The steps' trail is in
    // audit_records (kind decision); audit_records.approval_id names the approval an action was sent under.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('approval_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('subject', 'text', (c) =>
          c.notNull().check(sql`subject in ('action', 'reveal')`),
        )
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('requester_oid', 'text', (c) => c.notNull())
        .addColumn('requester_upn', 'text', (c) => c.notNull())
        .addColumn('requester_name', 'text')
        .addColumn('requester_tenant', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('device_name', 'text')
        .addColumn('device_serial', 'text')
        .addColumn('device_user_id', 'text')
        .addColumn('device_user_upn', 'text')
        .addColumn('device_user_name', 'text')
        .addColumn('action_kind', 'text', (c) => c.notNull())
        .addColumn('graph_action', 'text', (c) => c.notNull())
        .addColumn('reveal_of', 'text')
        .addColumn('ticket', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('verification_id', 'text')
        .addColumn('because', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c
            .notNull()
            .check(
              sql`status in ('pending', 'approved', 'denied', 'withdrawn', 'expired', 'sent')`,
            ),
        )
        .addColumn('decided_at', 'text')
        .addColumn('approver_oid', 'text')
        .addColumn('approver_upn', 'text')
        .addColumn('approver_name', 'text')
        .addColumn('decision_reason', 'text')
        .addColumn('sent_at', 'text')
        .addColumn('notify_status', 'text')
        .addColumn('notify_code', 'text')
        .addColumn('notify_request_id', 'text')
        .execute();
      // The approvers' list (open requests, by expiry) and a requester's own.
      await db.schema
        .createIndex('approval_requests_status')
        .on('approval_requests')
        .columns(['status', 'expires_at'])
        .execute();
      await db.schema
        .createIndex('approval_requests_requester')
        .on('approval_requests')
        .columns(['requester_oid', 'created_at'])
        .execute();
      await sql`ALTER TABLE audit_records ADD COLUMN approval_id text`.execute(db);
    },
  };
  return { getMigrations: async () => list };
}
