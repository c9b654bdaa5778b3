import 'server-only';
// Opens the audit database: an embedded SQLite file by default (WAL, synchronous=FULL, so a record
// survives a power cut), PostgreSQL when a connection string is given; migrations run before first use.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
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

export async function openAuditDb(options: AuditDbOptions): Promise<AuditDb> {
  const handle = connectAuditDb(options);
  const { error } = await new Migrator({
    db: handle.db,
    provider: migrations(handle.dialect),
  }).migrateToLatest();
  if (error) {
    await handle.close();
    throw new Error(
      `The audit database could not be prepared: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return handle;
}
