// Running one benchmark as a child process that cannot outlive the run: its own process group (killed as a whole
// on timeout), and a mark in its environment that every descendant inherits, so that processes which leave the
// group (Chromium starts its own) are found by that mark in /proc and stopped by pid.
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';

export interface ChildOutcome {
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  ms: number;
  /** The last lines it wrote to stderr (a failure's reason). */
  tail: string;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Pids of live processes whose environment carries `mark` (processes of this user only are readable). */
export function markedProcesses(mark: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(mark))
        found.push(pid);
    } catch {
      // gone, or not ours
    }
  }
  return found;
}

/** SIGTERM to every process carrying the mark, then SIGKILL to those still there after a grace period. */
export async function stopMarked(mark: string, graceMs = 3000): Promise<number> {
  const pids = markedProcesses(mark);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && pids.some(isAlive)) await new Promise((r) => setTimeout(r, 100));
  for (const pid of pids.filter(isAlive)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  return pids.length;
}

export function runChild(opts: {
  command: string;
  args: string[];
  env: Record<string, string>;
  timeoutMs: number;
  logFile: string;
  prefix: string;
}): Promise<ChildOutcome> {
  const started = performance.now();
  const log = createWriteStream(opts.logFile);
  const child = spawn(opts.command, opts.args, {
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let tail = '';
  const echo = (chunk: Buffer, isErr: boolean) => {
    const text = chunk.toString();
    log.write(text);
    if (isErr) tail = (tail + text).split('\n').slice(-12).join('\n');
    for (const line of text.split('\n'))
      if (line.trim()) process.stdout.write(`${opts.prefix} ${line}\n`);
  };
  child.stdout.on('data', (c: Buffer) => echo(c, false));
  child.stderr.on('data', (c: Buffer) => echo(c, true));
  let timedOut = false;
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup('SIGTERM');
    setTimeout(() => killGroup('SIGKILL'), 5000).unref();
  }, opts.timeoutMs);
  return new Promise((resolve) => {
    // 'exit', not 'close': a server the benchmark left behind would hold its output open for ever. What is left of
    // its group is stopped at once; the output has a moment to drain.
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      killGroup('SIGTERM');
      setTimeout(() => {
        killGroup('SIGKILL');
        log.end();
        resolve({ code, signal, timedOut, ms, tail: tail.trim() });
      }, 500);
    });
  });
}
