import 'server-only';
// What a console server checks before it serves anything: its configuration. A wrong variable stops the process
// with every wrong variable named, because Next.js only logs a failing instrumentation hook and serves on: a
// console that cannot work must not look healthy to its load balancer.
import { logger } from '@/lib/server/log/logger';
import { serverEnv } from './server-env';

export function checkConfigurationAtStart(): void {
  try {
    serverEnv();
  } catch (e) {
    logger.fatal({ source: 'start-up' }, e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
