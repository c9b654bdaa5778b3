import 'server-only';
// Per-agent rate limits on privileged operations (passcode actions, passcode reveals), kept in the database so
// they hold across instances. An attempt is counted and written in one statement (SQLite runs a statement under its
// write lock) inside a transaction that holds an advisory lock per agent and kind (PostgreSQL), so two instances
// racing at the limit cannot both get through. A refused attempt is not written and does not count.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { AuditDb } from './db';
import type { AuditDatabase } from './schema';

export type LimitedOperation = 'action' | 'reveal';
export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateLimits {
  constructor(
    private readonly handle: AuditDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async hit(
    actorOid: string,
    kind: LimitedOperation,
    limit: number,
    windowMs: number,
  ): Promise<LimitVerdict> {
    const now = this.now();
    const since = new Date(now.getTime() - windowMs).toISOString();
    const countAndInsert = async (trx: Kysely<AuditDatabase>) => {
      // One statement that counts and inserts only under the limit: SQLite runs it whole under its write lock.
      const result = await sql`INSERT INTO rate_limit_events (id, actor_oid, kind, at)
        SELECT CAST(${randomUUID()} AS text), CAST(${actorOid} AS text), CAST(${kind} AS text), CAST(${now.toISOString()} AS text)
        WHERE (SELECT count(*) FROM rate_limit_events WHERE actor_oid = ${actorOid} AND kind = ${kind} AND at > ${since}) < ${limit}`.execute(
        trx,
      );
      return Number(result.numAffectedRows ?? 0) > 0;
    };
    // SQLite: no transaction around it (better-sqlite3 would wait for a lock synchronously, holding up the very
    // process that holds it); PostgreSQL: the advisory lock is taken inside the transaction and ends with it.
    const inserted =
      this.handle.dialect === 'sqlite'
        ? await countAndInsert(this.handle.db)
        : await this.handle.db.transaction().execute(async (trx) => {
            await sql`SELECT pg_advisory_xact_lock(hashtext(${actorOid}), hashtext(${kind}))`.execute(
              trx,
            );
            return countAndInsert(trx);
          });
    if (inserted) return { allowed: true };
    const counted = await this.handle.db
      .selectFrom('rate_limit_events')
      .select('at')
      .where('actor_oid', '=', actorOid)
      .where('kind', '=', kind)
      .where('at', '>', since)
      .orderBy('at')
      .execute();
    // Allowed again once enough of the attempts that count have left the window.
    const freeing = counted[counted.length - limit];
    const freeAt = freeing ? Date.parse(freeing.at) + windowMs : now.getTime();
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)),
    };
  }

  /** Forgets attempts older than the window (they no longer count), so the table stays small. */
  async prune(olderThan: Date): Promise<void> {
    await this.handle.db
      .deleteFrom('rate_limit_events')
      .where('at', '<', olderThan.toISOString())
      .execute();
  }
}
