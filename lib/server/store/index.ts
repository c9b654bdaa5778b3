import 'server-only';
// The server's one database, from the validated configuration: the audit store, and the state instances share
// beside it (the Graph throttle gate). Its migrations run when the server starts (instrumentation.ts); while they
// have not succeeded (the database unreachable, or the console's role not allowed to create tables), every use
// tries again, and /api/health says why. Once they have, a database that goes away and comes back needs nothing:
// the pool reconnects on the next use (pool-errors.ts), and the stores fail as StoreUnavailableError meanwhile.
import { serverEnv } from '@/lib/server/config/server-env';
import { logger } from '@/lib/server/log/logger';
import { ActivityLog } from './activity';
import { ApprovalStore } from './approvals';
import {
  AuditDbError,
  connectAuditDb,
  databaseErrorText,
  migrateAuditDb,
  type AuditDb,
} from './db';
import { driverCode, failingAsStoreUnavailable, storeFailure } from './database-errors';
import { Outbox } from './outbox';
import { RateLimits } from './rate-limits';
import { AuditStore } from './audit-store';
import { ThrottleStore } from './throttle-store';
import { VerificationStore } from './verifications';
import { VerifiedIdRequests } from './verified-id-requests';
import { NotificationStore, type NotifyRecipients } from './notifications';

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
        {
          source: 'audit-db',
          stage: e instanceof AuditDbError ? e.stage : 'connect',
          code: e instanceof AuditDbError ? e.code : driverCode(e),
        },
        `${safe} (the console serves on; /api/health answers 503 until this is fixed, and every use tries again)`,
      );
    }
    throw e instanceof AuditDbError
      ? e
      : new AuditDbError('connect', describeDatabaseError(e), driverCode(e));
  });
  return migrating;
}

/** Connects and runs the migrations now (the server's start-up), so that a failure is logged at once. */
export function prepareDatabase(): Promise<AuditDb> {
  return database();
}

/**
 * A store of the database, migrated; every failure of it (the database unreachable, not migrated, or failing a
 * query) is a StoreUnavailableError, which server actions and route handlers answer in words rather than throw.
 */
async function storeOf<T extends object>(make: (handle: AuditDb) => T): Promise<T> {
  const url = serverEnv().DATABASE_URL;
  let handle: AuditDb;
  try {
    handle = await database();
  } catch (e) {
    throw storeFailure(e, url);
  }
  return failingAsStoreUnavailable(make(handle), url);
}

/** Who gets the owner's e-mail, as configured. */
export function notifyRecipients(): NotifyRecipients {
  const env = serverEnv();
  return { owner: env.NOTIFY_OWNER === 'on', manager: env.NOTIFY_MANAGER === 'on' };
}

export function getAuditStore(): Promise<AuditStore> {
  // With a ticket webhook configured, state changes also go into its outbox; the owner's e-mail into its own.
  return storeOf(
    (handle) =>
      new AuditStore(
        handle,
        undefined,
        serverEnv().TICKET_WEBHOOK_URL !== undefined,
        notifyRecipients(),
      ),
  );
}

export function getNotificationStore(): Promise<NotificationStore> {
  return storeOf((handle) => new NotificationStore(handle));
}

export function getOutbox(): Promise<Outbox> {
  return storeOf((handle) => new Outbox(handle));
}

export function getRateLimits(): Promise<RateLimits> {
  return storeOf((handle) => new RateLimits(handle));
}

/** The database handle itself, migrated, for the retention job and the health check. */
export function getDatabase(): Promise<AuditDb> {
  return database();
}

export function getThrottleStore(): Promise<ThrottleStore> {
  return storeOf((handle) => new ThrottleStore(handle));
}

export function getActivityLog(): Promise<ActivityLog> {
  return storeOf((handle) => new ActivityLog(handle));
}

export function getVerificationStore(): Promise<VerificationStore> {
  return storeOf((handle) => new VerificationStore(handle));
}

export function getApprovalStore(): Promise<ApprovalStore> {
  return storeOf((handle) => new ApprovalStore(handle));
}

export function getVerifiedIdRequests(): Promise<VerifiedIdRequests> {
  return storeOf((handle) => new VerifiedIdRequests(handle));
}
