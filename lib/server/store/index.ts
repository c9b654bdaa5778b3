import 'server-only';
// The server's one database, from the validated configuration: the audit store, and the state instances share
// beside it (the Graph throttle gate). Its migrations run when the server starts (instrumentation.ts); while they
// have not succeeded (the database unreachable, or the console's role not allowed to create tables), every use
// tries again, and /api/health says why.
import { serverEnv } from '@/lib/server/config/server-env';
import { logger } from '@/lib/server/log/logger';
import { ActivityLog } from './activity';
import {
  AuditDbError,
  connectAuditDb,
  databaseErrorText,
  migrateAuditDb,
  type AuditDb,
} from './db';
import { Outbox } from './outbox';
import { RateLimits } from './rate-limits';
import { AuditStore } from './audit-store';
import { ThrottleStore } from './throttle-store';

let connection: AuditDb | undefined;
let migrating: Promise<AuditDb> | undefined;
/** The last failure logged, so that a load balancer's health checks retrying every few seconds log it once. */
let lastLogged: string | undefined;

/** The database's message for `e`, without the connection string or its password. */
export function describeDatabaseError(e: unknown): string {
  return e instanceof AuditDbError ? e.reason : databaseErrorText(e, serverEnv().DATABASE_URL);
}

/** The handle, migrated or not: for the health check, which reports the two apart. */
export function getDatabaseConnection(): AuditDb {
  if (!connection) {
    const env = serverEnv();
    try {
      connection = connectAuditDb({ dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL });
    } catch (e) {
      // SQLite: DATA_DIR cannot be created or the file opened.
      throw new AuditDbError('connect', databaseErrorText(e, env.DATABASE_URL));
    }
  }
  return connection;
}

function database(): Promise<AuditDb> {
  migrating ??= (async () => {
    const handle = getDatabaseConnection();
    const applied = await migrateAuditDb(handle, serverEnv().DATABASE_URL);
    logger.info(
      { source: 'audit-db', dialect: handle.dialect, applied },
      applied.length > 0
        ? `audit database ready: ${applied.length} migration(s) applied`
        : 'audit database ready: migrations current',
    );
    lastLogged = undefined;
    return handle;
  })().catch((e: unknown) => {
    migrating = undefined; // let the next use try again rather than fail forever
    const message = e instanceof Error ? e.message : String(e);
    const safe =
      e instanceof AuditDbError
        ? message
        : `The audit database could not be opened: ${describeDatabaseError(e)}`;
    if (safe !== lastLogged) {
      lastLogged = safe;
      logger.error(
        { source: 'audit-db', stage: e instanceof AuditDbError ? e.stage : 'connect' },
        `${safe} (the console serves on; /api/health answers 503 until this is fixed, and every use tries again)`,
      );
    }
    throw e instanceof AuditDbError ? e : new AuditDbError('connect', describeDatabaseError(e));
  });
  return migrating;
}

/** Connects and runs the migrations now (the server's start-up), so that a failure is logged at once. */
export function prepareDatabase(): Promise<AuditDb> {
  return database();
}

export async function getAuditStore(): Promise<AuditStore> {
  // With a ticket webhook configured, state changes also go into its outbox.
  return new AuditStore(await database(), undefined, serverEnv().TICKET_WEBHOOK_URL !== undefined);
}

export async function getOutbox(): Promise<Outbox> {
  return new Outbox(await database());
}

export async function getRateLimits(): Promise<RateLimits> {
  return new RateLimits(await database());
}

/** The database handle itself, migrated, for the retention job and the health check. */
export function getDatabase(): Promise<AuditDb> {
  return database();
}

export async function getThrottleStore(): Promise<ThrottleStore> {
  return new ThrottleStore(await database());
}

export async function getActivityLog(): Promise<ActivityLog> {
  return new ActivityLog(await database());
}
