import 'server-only';
// Next.js and the libraries it loads write to console.* and Node prints its warnings to stderr, in plain text that
// can quote request bytes (a body the framework could not parse starts a line of its own after a CR/LF). Every one
// of those writes goes through the logger instead, so each is one JSON line whose text is a quoted string.
import { format, stripVTControlCharacters } from 'node:util';
import { logger } from './logger';

type Level = 'debug' | 'info' | 'warn' | 'error';
const LEVEL_OF = {
  debug: 'debug',
  trace: 'debug',
  log: 'info',
  info: 'info',
  dir: 'info',
  warn: 'warn',
  error: 'error',
} as const satisfies Record<string, Level>;
/** Next's own markers before a message (⨯ error, ⚠ warning, ✓ event, ▲ start-up, ○ wait, » trace). */
const FRAMEWORK_MARKER = /^[\s⨯⚠✓▲○»-]+/u;

let installed = false;

/** What one console call becomes: its error, if it passed one, and the rest as one message. */
export function consoleEntry(args: readonly unknown[]): { err?: Error; msg: string } {
  const err = args.find((a): a is Error => a instanceof Error);
  const rest = args.filter((a) => a !== err);
  const text = rest.length
    ? stripVTControlCharacters(format(...rest))
        .replace(FRAMEWORK_MARKER, '')
        .trim()
    : '';
  return err ? { err, msg: text || err.message } : { msg: text };
}

/** Replaces console.* and Node's warning printer with the logger; once per process. */
export function routeConsoleThroughLogger(): void {
  if (installed) return;
  installed = true;
  for (const [method, level] of Object.entries(LEVEL_OF) as [keyof typeof LEVEL_OF, Level][]) {
    console[method] = (...args: unknown[]) => {
      const { err, msg } = consoleEntry(args);
      logger[level]({ source: 'console', ...(err ? { err } : {}) }, msg);
    };
  }
  // Node's default 'warning' listener writes to stderr directly; ours writes a JSON line.
  process.removeAllListeners('warning');
  process.on('warning', (warning) =>
    logger.warn({ source: 'node', err: warning }, warning.message),
  );
}
