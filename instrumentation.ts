// Next's instrumentation hook: runs once when a console server starts, before its first request, and hears of every
// request error the framework catches. Next compiles this file for the edge runtime too, where the console runs
// nothing: each Node.js module is loaded only behind a NEXT_RUNTIME check, which that build drops.
import type { Instrumentation } from 'next';

/**
 * Makes every console.* write and Node warning a JSON log line. Synchronous and exported, so that the standalone
 * server can call it before Next prints its start-up banner (scripts/complete-standalone.mjs).
 */
export function installJsonLogging(): void {
  if (process.env.NEXT_RUNTIME === 'edge') return;
  // A require, not an import: it has to take effect before the caller's next line.
  type Bridge = typeof import('@/lib/server/log/console-bridge');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bridge = require('@/lib/server/log/console-bridge') as Bridge;
  bridge.routeConsoleThroughLogger();
}

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  installJsonLogging();
  const { checkConfigurationAtStart, prepareDatabaseAtStart } =
    await import('@/lib/server/config/start-up');
  checkConfigurationAtStart();
  // Next awaits this hook before it serves: the migrations run here, once, not on some agent's first request.
  await prepareDatabaseAtStart();
  const { startBackgroundJobs } = await import('@/lib/server/jobs/background-jobs');
  startBackgroundJobs();
}

export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logRequestError } = await import('@/lib/server/log/request-error');
  logRequestError(...args);
};
