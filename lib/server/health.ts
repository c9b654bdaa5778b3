import 'server-only';
// What the load balancer asks before sending an instance traffic: is the database reachable, are its migrations
// current (an instance of an older or newer build must not serve), and is the configuration valid. The answer
// names checks, never values: no connection string, no secret, no tenant detail. A failing database check carries
// the database's own message (e.g. "permission denied for schema public"), with any connection string removed,
// because "ok: false" alone leaves an administrator guessing. A check that could not run because an earlier one
// failed says `ok: null` (not checked), so that a database that is down is reported as the database, not as a
// knock-on migration failure. How many unverified requests went unrecorded is not here (anyone may ask this
// endpoint, and the count tells a prober how well a flood works): the server's log says it (anonymous-budget.ts).
import { Migrator, sql } from 'kysely';
import { describeDatabaseError, getDatabase, getDatabaseConnection } from '@/lib/server/store';
import type { AuditDb } from '@/lib/server/store/db';
import { migrations } from '@/lib/server/store/migrations';
import { serverEnv } from '@/lib/server/config/server-env';

export interface Health {
  status: 'ok' | 'failing';
  checks: {
    configuration: { ok: boolean };
    /** `ok: null`: not checked, because the configuration is not valid. */
    database: { ok: boolean | null; dialect: 'sqlite' | 'postgres' | null; error?: string };
    /**
     * `ok: null`: not checked, because the database cannot be reached (or the configuration is not valid); the
     * failing check is the one before, not the migrations.
     */
    migrations: { ok: boolean | null; pending: string[]; error?: string };
  };
}

export async function checkHealth(): Promise<Health> {
  const configuration = { ok: true };
  try {
    serverEnv();
  } catch {
    configuration.ok = false;
  }
  const database: Health['checks']['database'] = { ok: null, dialect: null };
  const migrationState: Health['checks']['migrations'] = { ok: null, pending: [] };
  if (configuration.ok) {
    let handle: AuditDb | undefined;
    try {
      handle = getDatabaseConnection();
      database.dialect = handle.dialect;
      await sql`SELECT 1`.execute(handle.db);
      database.ok = true;
    } catch (e) {
      database.ok = false;
      database.error = describeDatabaseError(e);
    }
    if (handle && database.ok) migrationState.ok = await checkMigrations(handle, migrationState);
  }
  const ok = configuration.ok && database.ok === true && migrationState.ok === true;
  return {
    status: ok ? 'ok' : 'failing',
    checks: { configuration, database, migrations: migrationState },
  };
}

/** Whether the migrations are current, on a database that answers; fills in what is pending and why not. */
async function checkMigrations(
  handle: AuditDb,
  state: Health['checks']['migrations'],
): Promise<boolean> {
  try {
    // Runs the migrations if they have not succeeded yet (start-up failed), so a fixed grant heals the instance.
    await getDatabase();
  } catch (e) {
    state.error = describeDatabaseError(e);
  }
  try {
    const known = await new Migrator({
      db: handle.db,
      provider: migrations(handle.dialect),
    }).getMigrations();
    state.pending = known.filter((m) => m.executedAt === undefined).map((m) => m.name);
  } catch (e) {
    state.error ??= describeDatabaseError(e);
  }
  return state.pending.length === 0 && state.error === undefined;
}
