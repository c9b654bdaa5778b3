import 'server-only';
// Opens the audit database: an embedded SQLite file by default (WAL, synchronous=FULL, so a record
// survives a power cut), PostgreSQL when a connection string is given; migrations run when the server starts
// (instrumentation.ts), and again on use for as long as they have not succeeded.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
  type MigrationResultSet,
} from 'kysely';
import { Pool } from 'pg';
import { migrations, type Dialect } from './migrations';
import type { AuditDatabase } from './schema';
import { AuditDbError, databaseErrorText, driverCode } from './database-errors';
import { watchPoolErrors } from './pool-errors';

export { AuditDbError, databaseErrorText };

/** How long a query waits for a PostgreSQL connection (a new one, or a free one of the pool's ten). */
const CONNECT_TIMEOUT_MS = 10_000;

export interface AuditDbOptions {
  databaseUrl?: string;
  dataDir: string;
}

export interface AuditDb {
  db: Kysely<AuditDatabase>;
  dialect: Dialect;
  close(): Promise<void>;
}

/** The database handle, not yet migrated: for openAuditDb, and for tests of the migrations themselves. */
export function connectAuditDb(options: AuditDbOptions): AuditDb {
  let db: Kysely<AuditDatabase>;
  let dialect: Dialect;
  if (options.databaseUrl) {
    dialect = 'postgres';
    // A bounded wait for a connection: a database host that drops packets must not leave an agent's Confirm hanging.
    const pool = new Pool({
      connectionString: options.databaseUrl,
      max: 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    watchPoolErrors(pool, { databaseUrl: options.databaseUrl });
    db = new Kysely<AuditDatabase>({ dialect: new PostgresDialect({ pool }) });
  } else {
    dialect = 'sqlite';
    const dir = resolve(options.dataDir);
    mkdirSync(dir, { recursive: true });
    const file = new Database(join(dir, 'audit.sqlite'));
    file.pragma('journal_mode = WAL');
    file.pragma('synchronous = FULL');
    // Several console processes may share the file; wait for a lock instead of failing.
    file.pragma('busy_timeout = 5000');
    db = new Kysely<AuditDatabase>({ dialect: new SqliteDialect({ database: file }) });
  }
  return { db, dialect, close: () => db.destroy() };
}

/**
 * Brings the database to the current schema. Safe to run from several instances at once: Kysely's migrator takes
 * a lock (an advisory lock on PostgreSQL) and skips what is done.
 */
export async function migrateAuditDb(handle: AuditDb, databaseUrl?: string): Promise<string[]> {
  try {
    await sql`SELECT 1`.execute(handle.db);
  } catch (e) {
    throw new AuditDbError('connect', databaseErrorText(e, databaseUrl), driverCode(e));
  }
  const migrate = () =>
    new Migrator({ db: handle.db, provider: migrations(handle.dialect) }).migrateToLatest();
  let outcome: MigrationResultSet | undefined;
  if (handle.dialect === 'sqlite') {
    // Kysely takes no lock on SQLite and runs each migration outside a transaction, so two processes sharing the
    // file (a second console starting beside the first) could both run one. One write transaction around them all
    // serialises them (busy_timeout waits for the other process); the second then finds nothing to do.
    await sql`BEGIN IMMEDIATE`.execute(handle.db);
    try {
      outcome = await migrate();
    } finally {
      await sql
        .raw(outcome === undefined || outcome.error ? 'ROLLBACK' : 'COMMIT')
        .execute(handle.db);
    }
  } else {
    outcome = await migrate();
  }
  if (outcome.error)
    throw new AuditDbError(
      'migrate',
      databaseErrorText(outcome.error, databaseUrl),
      driverCode(outcome.error),
    );
  return (outcome.results ?? []).map((r) => r.migrationName);
}

export async function openAuditDb(options: AuditDbOptions): Promise<AuditDb> {
  const handle = connectAuditDb(options);
  try {
    await migrateAuditDb(handle, options.databaseUrl);
  } catch (e) {
    await handle.close();
    throw e;
  }
  return handle;
}
