// What tests need of the audit database beyond the product's store: every record as it is, and attempts to
// rewrite history as an attacker with SQL access would make them.
import { Migrator, sql } from 'kysely';
import type { AuditDb } from '@/lib/server/store/db';
import { migrations } from '@/lib/server/store/migrations';
import type { AuditRecord } from '@/lib/server/store/audit-store';

export function allRecords(handle: AuditDb): Promise<AuditRecord[]> {
  return handle.db.selectFrom('audit_records').selectAll().orderBy('seq').execute();
}

export async function tryToRewrite(handle: AuditDb, kind: 'update' | 'delete'): Promise<void> {
  if (kind === 'update')
    await sql`UPDATE audit_records SET outcome = 'accepted'`.execute(handle.db);
  else await sql`DELETE FROM audit_records`.execute(handle.db);
}

/**
 * Writes a record with the id (and sequence number) of an existing one, as an attacker would to replace it:
 * SQLite's INSERT OR REPLACE deletes the old row without firing DELETE triggers; PostgreSQL's equivalent is
 * INSERT … ON CONFLICT DO UPDATE.
 */
export async function tryToReplace(handle: AuditDb, original: AuditRecord): Promise<void> {
  const forged = { ...original, outcome: 'accepted', detail: 'rewritten' };
  const columns = Object.keys(forged);
  const values = sql.join(columns.map((c) => sql`${forged[c as keyof AuditRecord]}`));
  const names = sql.raw(columns.join(', '));
  if (handle.dialect === 'sqlite') {
    await sql`INSERT OR REPLACE INTO audit_records (${names}) VALUES (${values})`.execute(
      handle.db,
    );
  } else {
    await sql`INSERT INTO audit_records (${names}) VALUES (${values}) ON CONFLICT (id) DO UPDATE SET outcome = 'accepted'`.execute(
      handle.db,
    );
  }
}

/** Brings a database to one named migration only, as an older console left it. */
export async function migrateTo(handle: AuditDb, name: string): Promise<void> {
  const { error } = await new Migrator({
    db: handle.db,
    provider: migrations(handle.dialect),
  }).migrateTo(name);
  if (error) throw error;
}
