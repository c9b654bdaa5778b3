#!/usr/bin/env node
// Runs a command and copies everything it writes to stdout and stderr into a log file as well, so end-to-end
// tests can read what a server logged (to prove no token or passcode is ever in it). Signals go to the child.
// Usage: node scripts/with-log.mjs <log file> <command> [args…]
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

const [logFile, command, ...args] = process.argv.slice(2);
if (!logFile || !command) {
  console.error('usage: with-log.mjs <log file> <command> [args…]');
  process.exit(2);
}
const log = createWriteStream(logFile, { flags: 'a' });
const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  log.write(chunk);
});
child.stderr.on('data', (chunk) => {
  process.stderr.write(chunk);
  log.write(chunk);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => log.end(() => process.exit(code ?? (signal ? 1 : 0))));
