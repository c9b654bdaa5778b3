import 'server-only';
// Retention: records older than the configured age are removed by this job alone, which writes its own record.
// It opens a purge grant inside its transaction (the DELETE trigger of each dialect allows deleting a record
// older than an active grant's cutoff, and nothing else); the grant is closed before the transaction commits,
// and no other transaction ever sees it open.
import { randomUUID } from 'node:crypto';
import type { AuditDb } from './db';

export const PURGE_DEVICE = '(retention)';

export async function purgeOlderThan(
  handle: AuditDb,
  cutoff: Date,
  now: Date = new Date(),
): Promise<number> {
  const grant = randomUUID();
  return handle.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('purge_grants')
      .values({ id: grant, cutoff: cutoff.toISOString(), active: 1, created_at: now.toISOString() })
      .execute();
    const removed = await trx
      .deleteFrom('audit_records')
      .where('recorded_at', '<', cutoff.toISOString())
      .executeTakeFirst();
    await trx.updateTable('purge_grants').set({ active: 0 }).where('id', '=', grant).execute();
    const count = Number(removed.numDeletedRows);
    // A run that found nothing to remove leaves no record (every instance runs the job several times a day).
    if (count === 0) return 0;
    await trx
      .insertInto('audit_records')
      .values({
        id: randomUUID(),
        action_id: grant,
        kind: 'purge',
        recorded_at: now.toISOString(),
        action_name: 'retention',
        action_kind: null,
        device_id: PURGE_DEVICE,
        device_name: null,
        ticket: null,
        note: null,
        actor_oid: null,
        actor_upn: null,
        actor_name: null,
        actor_tenant: null,
        actor_verified: 0,
        outcome: null,
        action_state: null,
        graph_request_id: null,
        client_request_id: null,
        http_status: null,
        detail: `retention: removed ${count} records older than ${cutoff.toISOString()}`,
      })
      .execute();
    return count;
  });
}
