import 'server-only';
// The server's one database, opened (and migrated) on first use from the validated configuration: the audit
// store, and the state instances share beside it (the Graph throttle gate).
import { serverEnv } from '@/lib/server/config/server-env';
import { openAuditDb, type AuditDb } from './db';
import { ActivityLog } from './activity';
import { Outbox } from './outbox';
import { RateLimits } from './rate-limits';
import { AuditStore } from './store';
import { ThrottleStore } from './throttle-store';

let opening: Promise<AuditDb> | undefined;

function database(): Promise<AuditDb> {
  opening ??= (async () => {
    const env = serverEnv();
    return openAuditDb({ dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL });
  })().catch((e: unknown) => {
    opening = undefined; // let the next request try again rather than fail forever
    throw e;
  });
  return opening;
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

/** The database handle itself, for the retention job and the health check. */
export function getDatabase(): Promise<AuditDb> {
  return database();
}

export async function getThrottleStore(): Promise<ThrottleStore> {
  return new ThrottleStore(await database());
}

export async function getActivityLog(): Promise<ActivityLog> {
  return new ActivityLog(await database());
}
