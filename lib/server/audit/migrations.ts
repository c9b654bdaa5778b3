import 'server-only';
// Schema migrations, run at start-up, the same for SQLite and PostgreSQL except for the triggers that make
// audit records append-only, which each dialect writes its own way.
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

export function migrations(dialect: Dialect): MigrationProvider {
  const list: Record<string, Migration> = {
    '0001_audit_records': {
      async up(db: Kysely<unknown>) {
        await db.schema.createTable('audit_records')
          .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('action_id', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('intent', 'outcome', 'observation', 'override')`))
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
        await db.schema.createIndex('audit_records_action').on('audit_records').column('action_id').execute();
        await db.schema.createIndex('audit_records_device').on('audit_records').columns(['device_id', 'recorded_at']).execute();
        await db.schema.createIndex('audit_records_actor').on('audit_records').columns(['actor_oid', 'recorded_at']).execute();
        // One observation per state per action, however many pollers see it.
        await db.schema.createIndex('audit_records_observation').unique().on('audit_records')
          .columns(['action_id', 'action_state']).where(sql.ref('kind'), '=', 'observation').execute();

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

        await db.schema.createTable('device_guards')
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
  return { getMigrations: async () => list };
}
