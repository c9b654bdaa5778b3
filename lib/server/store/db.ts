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
    db = new Kysely<AuditDatabase>({
      dialect: new PostgresDialect({
        pool: new Pool({ connectionString: options.databaseUrl, max: 10 }),
      }),
    });
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
 * What went wrong with the database, in the database's own words (e.g. PostgreSQL's "permission denied for schema
 * public"), fit for a log line and the health answer: never the connection string or its password, which some
 * drivers' messages could echo.
 */
export function databaseErrorText(e: unknown, databaseUrl?: string): string {
  let text = e instanceof Error ? e.message : String(e);
  if (databaseUrl) {
    text = text.split(databaseUrl).join('<DATABASE_URL>');
    const passwords: string[] = [];
    try {
      const raw = new URL(databaseUrl).password;
      passwords.push(raw, decodeURIComponent(raw));
    } catch {
      // not a URL: nothing more to recognise
    }
    for (const p of passwords) if (p) text = text.split(p).join('<password>');
  }
  return text.replace(/postgres(ql)?:\/\/\S+/gi, '<connection string>').slice(0, 500);
}

/** Thrown when the database cannot be reached, or reached but not brought to the current schema. */
export class AuditDbError extends Error {
  constructor(
    readonly stage: 'connect' | 'migrate',
    /** The database's own message, scrubbed (databaseErrorText). */
    readonly reason: string,
  ) {
    super(
      stage === 'connect'
        ? `The audit database cannot be reached: ${reason}`
        : `The audit database could not be prepared (migrations failed): ${reason}`,
    );
  }
}

/**
 * Brings the database to the current schema. Safe to run from several instances at once: Kysely's migrator takes
 * a lock (an advisory lock on PostgreSQL) and skips what is done.
 */
export async function migrateAuditDb(handle: AuditDb, databaseUrl?: string): Promise<string[]> {
  try {
    await sql`SELECT 1`.execute(handle.db);
  } catch (e) {
    throw new AuditDbError('connect', databaseErrorText(e, databaseUrl));
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
    throw new AuditDbError('migrate', databaseErrorText(outcome.error, databaseUrl));
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
