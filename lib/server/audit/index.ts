import 'server-only';
// The server's one database, opened (and migrated) on first use from the validated configuration: the audit
// store, and the state instances share beside it (the Graph throttle gate).
import { serverEnv } from '@/lib/server/config/server-env';
import { openAuditDb, type AuditDb } from './db';
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
  return new AuditStore(await database());
}

export async function getThrottleStore(): Promise<ThrottleStore> {
  return new ThrottleStore(await database());
}
