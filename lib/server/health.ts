import 'server-only';
// What the load balancer asks before sending an instance traffic: is the database reachable, are its migrations
// current (an instance of an older or newer build must not serve), and is the configuration valid. The answer
// names checks, never values: no connection string, no secret, no tenant detail.
import { Migrator, sql } from 'kysely';
import { getDatabase } from '@/lib/server/audit';
import { anonymousAuditBudget } from '@/lib/server/audit/anonymous-budget';
import { migrations } from '@/lib/server/audit/migrations';
import { serverEnv } from '@/lib/server/config/server-env';

export interface Health {
  status: 'ok' | 'failing';
  checks: {
    configuration: { ok: boolean };
    database: { ok: boolean; dialect: 'sqlite' | 'postgres' | null };
    migrations: { ok: boolean; pending: string[] };
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
      const handle = await getDatabase();
      database.dialect = handle.dialect;
      await sql`SELECT 1`.execute(handle.db);
      database.ok = true;
      const known = await new Migrator({
        db: handle.db,
        provider: migrations(handle.dialect),
      }).getMigrations();
      migrationState.pending = known.filter((m) => m.executedAt === undefined).map((m) => m.name);
      migrationState.ok = migrationState.pending.length === 0;
    } catch {
      database.ok = false;
    }
  }
  const ok = configuration.ok && database.ok && migrationState.ok;
  return {
    status: ok ? 'ok' : 'failing',
    checks: { configuration, database, migrations: migrationState },
    unverifiedRecordsNotWritten: anonymousAuditBudget.droppedCount,
  };
}
