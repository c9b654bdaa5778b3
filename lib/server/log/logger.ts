import 'server-only';
// The console's one logger: a JSON object per line on stdout, with the time, the level by name, and the request's
// route, client-request-id and agent oid where known. Credentials and passcodes are redacted by key, and anything
// token-shaped is scrubbed from the finished line. Nothing else in the console writes to stdout or stderr (see
// console-bridge.ts for the framework's own output).
import { pino, stdTimeFunctions, type DestinationStream } from 'pino';
import { z } from 'zod';
import { currentLogContext } from './context';
import { CENSOR, REDACT_PATHS, scrubCredentials } from './redaction';

/**
 * LOG_LEVEL is read here rather than with the rest of the configuration: the logger has to work before that is
 * validated, to report what is wrong with it. An unknown value falls back to info.
 */
const Level = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).catch('info');

export function createLogger(
  destination?: DestinationStream,
  level: string | undefined = process.env.LOG_LEVEL,
) {
  const options = {
    level: Level.parse(level ?? 'info'),
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: [...REDACT_PATHS], censor: CENSOR },
    mixin: () => ({ ...currentLogContext() }),
    hooks: { streamWrite: scrubCredentials },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type Logger = ReturnType<typeof createLogger>;

export const logger: Logger = createLogger();
