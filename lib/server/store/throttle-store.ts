import 'server-only';
// The shared part of the server's Graph throttle gate: one row per tenant and app holding until when Graph asked
// the console to wait, so that every instance behind a load balancer honours a Retry-After any of them received.
import type { AuditDb } from './db';

export class ThrottleStore {
  constructor(private readonly handle: AuditDb) {}

  /** Until when (epoch ms) the key must wait; 0 when it need not. */
  async until(key: string): Promise<number> {
    const row = await this.handle.db
      .selectFrom('graph_throttle')
      .select('until')
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? Date.parse(row.until) : 0;
  }

  /** Extends the wait to `until` (never shortens it: another instance may have been told to wait longer). */
  async extend(key: string, until: number): Promise<void> {
    const iso = new Date(until).toISOString();
    await this.handle.db
      .insertInto('graph_throttle')
      .values({ key, until: iso })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ until: iso }).where('graph_throttle.until', '<', iso),
      )
      .execute();
  }
}
