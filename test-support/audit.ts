// What tests need of the audit database beyond the product's store: every record as it is, and attempts to
// rewrite history as an attacker with SQL access would make them.
import { sql } from 'kysely';
import type { AuditDb } from '@/lib/server/audit/db';
import type { AuditRecord } from '@/lib/server/audit/store';

export function allRecords(handle: AuditDb): Promise<AuditRecord[]> {
  return handle.db.selectFrom('audit_records').selectAll().orderBy('seq').execute();
}

export async function tryToRewrite(handle: AuditDb, kind: 'update' | 'delete'): Promise<void> {
  if (kind === 'update') await sql`UPDATE audit_records SET outcome = 'accepted'`.execute(handle.db);
  else await sql`DELETE FROM audit_records`.execute(handle.db);
}
