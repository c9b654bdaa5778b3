import 'server-only';
// PostgreSQL ends every open connection when it restarts, fails over or is stopped. pg's Pool then emits 'error' for
// each idle one, and an EventEmitter with no 'error' listener throws: an uncaughtException, logged at error level on
// every instance, with the error's `client` (pg-pool attaches it) dumped, the backend's cancel secretKey included.
// Each pool gets a listener instead, which logs the loss once per outage, at warn, with the code and the message
// only. Nothing else is needed to recover: the pool drops a dead connection and opens a new one on the next use.
import type { Pool, PoolClient } from 'pg';
import { outsideLogContext } from '@/lib/server/log/context';
import { logger } from '@/lib/server/log/logger';
import { databaseFailureSummary } from './database-errors';

export type PoolLog = Pick<typeof logger, 'warn' | 'info'>;

/** Whether the database is known to be lost since the last connection that succeeded. */
export interface Outage {
  down: boolean;
}

/**
 * One outage state per process: Next.js bundles the store more than once (instrumentation, route handlers, server
 * actions), each copy with a pool of its own, and an instance should still report an outage once.
 */
const OUTAGE_KEY: unique symbol = Symbol.for('passcode-desk.audit-db.outage');
function processOutage(): Outage {
  const shared = globalThis as { [OUTAGE_KEY]?: Outage };
  return (shared[OUTAGE_KEY] ??= { down: false });
}

export function watchPoolErrors(
  pool: Pool,
  options: { databaseUrl?: string; log?: PoolLog; outage?: Outage } = {},
): void {
  const log = options.log ?? logger;
  const outage = options.outage ?? processOutage();
  const lost = (err: unknown) => {
    if (outage.down) return;
    outage.down = true;
    const { code, message } = databaseFailureSummary(err, options.databaseUrl);
    // The connection was opened by some request long gone: its loss is no request's.
    outsideLogContext(() =>
      log.warn(
        { source: 'audit-db', event: 'connectionLost', code, error: message },
        `the audit database closed the console's connections (${message}); passcode actions are refused with "cannot record" until it answers again, and the console reconnects by itself`,
      ),
    );
  };
  pool.on('error', lost);
  pool.on('connect', (client: PoolClient) => {
    // A connection in use has no listener of the pool's: without one of its own, its error would throw as well.
    client.on('error', lost);
    if (outage.down) {
      outage.down = false;
      log.info(
        { source: 'audit-db', event: 'connectionRestored' },
        'the audit database answers again',
      );
    }
  });
}
