import 'server-only';
// The server's one audit store, opened (and migrated) on first use from the validated configuration.
import { serverEnv } from '@/lib/server/config/server-env';
import { openAuditDb } from './db';
import { AuditStore } from './store';

let opening: Promise<AuditStore> | undefined;

export function getAuditStore(): Promise<AuditStore> {
  opening ??= (async () => {
    const env = serverEnv();
    return new AuditStore(await openAuditDb({ dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL }));
  })().catch((e: unknown) => {
    opening = undefined; // let the next request try again rather than fail forever
    throw e;
  });
  return opening;
}
