import 'server-only';
// The Graph throttle gate shares Graph's Retry-After with the other instances through the database. A database that
// fails must not stop the console's Graph calls with it (finding a device needs no database): until it answers
// again, each instance keeps to the waits it heard itself, and says so once.
import { logger } from '@/lib/server/log/logger';
import { databaseFailureSummary } from '@/lib/server/store/database-errors';
import type { SharedWait } from './throttle-gate';

export function sharedWaitOrLocal(
  load: () => Promise<SharedWait | null>,
  log: Pick<typeof logger, 'warn'> = logger,
): () => Promise<SharedWait | null> {
  let failing = false;
  const failed = (e: unknown) => {
    if (failing) return;
    failing = true;
    const { code, message } = databaseFailureSummary(e);
    log.warn(
      { source: 'throttle-gate', code, error: message },
      "Graph's Retry-After cannot be shared with other instances while the audit database fails; this instance keeps to the waits it hears itself",
    );
  };
  return async () => {
    let shared: SharedWait | null;
    try {
      shared = await load();
    } catch (e) {
      failed(e);
      return null;
    }
    if (!shared) return null;
    const store = shared;
    return {
      async until(key) {
        try {
          const until = await store.until(key);
          failing = false;
          return until;
        } catch (e) {
          failed(e);
          return 0;
        }
      },
      async extend(key, until) {
        try {
          await store.extend(key, until);
          failing = false;
        } catch (e) {
          failed(e);
        }
      },
    };
  };
}
