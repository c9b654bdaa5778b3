import 'server-only';
// What the load balancer asks before sending an instance traffic: is the database reachable, are its migrations
// current (an instance of an older or newer build must not serve), and is the configuration valid. The answer
// names checks, never values: no connection string, no secret, no tenant detail. A failing database check carries
// the database's own message (e.g. "permission denied for schema public"), with any connection string removed,
// because "ok: false" alone leaves an administrator guessing.
import { Migrator, sql } from 'kysely';
import { describeDatabaseError, getDatabase, getDatabaseConnection } from '@/lib/server/store';
import { anonymousAuditBudget } from '@/lib/server/store/anonymous-budget';
import { migrations } from '@/lib/server/store/migrations';
import { serverEnv } from '@/lib/server/config/server-env';

export interface Health {
  status: 'ok' | 'failing';
  checks: {
    configuration: { ok: boolean };
    database: { ok: boolean; dialect: 'sqlite' | 'postgres' | null; error?: string };
    migrations: { ok: boolean; pending: string[]; error?: string };
  };
  /** Audit records of unverified requests not written because their budget was spent (see anonymous-budget.ts). */
  unverifiedRecordsNotWritten: number;
}

export async function checkHealth(): Promise<Health> {
  const configuration = { ok: true };
  try {
    serverEnv();
  } catch {
    configuration.ok = false;
  }
  const database: Health['checks']['database'] = { ok: false, dialect: null };
  const migrationState: Health['checks']['migrations'] = { ok: false, pending: [] };
  if (configuration.ok) {
    try {
      const handle = getDatabaseConnection();
      database.dialect = handle.dialect;
      await sql`SELECT 1`.execute(handle.db);
      database.ok = true;
      try {
        // Runs the migrations if they have not succeeded yet (start-up failed), so a fixed grant heals the instance.
        await getDatabase();
      } catch (e) {
        migrationState.error = describeDatabaseError(e);
      }
      const known = await new Migrator({
        db: handle.db,
        provider: migrations(handle.dialect),
      }).getMigrations();
      migrationState.pending = known.filter((m) => m.executedAt === undefined).map((m) => m.name);
      migrationState.ok = migrationState.pending.length === 0 && !migrationState.error;
    } catch (e) {
      if (database.ok) migrationState.error ??= describeDatabaseError(e);
      else database.error = describeDatabaseError(e);
    }
  }
  const ok = configuration.ok && database.ok && migrationState.ok;
  return {
    status: ok ? 'ok' : 'failing',
    checks: { configuration, database, migrations: migrationState },
    unverifiedRecordsNotWritten: anonymousAuditBudget.droppedCount,
  };
}
