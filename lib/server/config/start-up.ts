import 'server-only';
// What a console server checks before it serves anything: its configuration, then its database. A wrong variable
// stops the process with every wrong variable named, because Next.js only logs a failing instrumentation hook and
// serves on: a console that cannot work must not look healthy to its load balancer. A database that cannot be
// reached or migrated does not stop it (a supervisor restarting it would only loop while the database is down):
// the cause is logged at once, /api/health answers 503 with it, and every use tries again.
import { prepareDatabase } from '@/lib/server/store';
import { logger } from '@/lib/server/log/logger';
import { serverEnv } from './server-env';

/** How long start-up waits for the database before serving anyway (a host that drops packets never answers). */
const DATABASE_WAIT_MS = 20_000;

export function checkConfigurationAtStart(): void {
  try {
    serverEnv();
  } catch (e) {
    logger.fatal({ source: 'start-up' }, e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}

/** Runs the audit database's migrations before the first request; their failure is logged by lib/server/store. */
export async function prepareDatabaseAtStart(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = await Promise.race([
    prepareDatabase().then(
      () => 'ready' as const,
      () => 'failed' as const,
    ),
    new Promise<'slow'>((resolve) => {
      timer = setTimeout(() => resolve('slow'), DATABASE_WAIT_MS);
    }),
  ]);
  clearTimeout(timer);
  if (waited === 'slow')
    logger.warn(
      { source: 'start-up' },
      `the audit database has not answered within ${DATABASE_WAIT_MS / 1000} s; serving on, /api/health answers 503 until it does`,
    );
}
