// Memory of a process and its descendants, read from /proc (Linux): VmRSS is what it holds now, VmHWM the
// peak it has held ("high water mark") since it started.
import { readdirSync, readFileSync } from 'node:fs';

export interface Memory {
  rssKb: number;
  hwmKb: number;
}

export function memoryOf(pid: number): Memory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) =>
      Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
  } catch {
    return null; // the process has gone
  }
}

/** The parent's pid, or null once the process has gone. */
export function parentOf(pid: number): number | null {
  try {
    // The command name (field 2) may contain spaces and parentheses: the fields after its last ')' are fixed.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Every live process whose ancestry leads to `pid` (not `pid` itself). */
export function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const child = Number(name);
    if (!Number.isInteger(child)) continue;
    const parent = parentOf(child);
    if (parent === null) continue;
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const c of children.get(queue.shift() ?? -1) ?? []) {
      found.push(c);
      queue.push(c);
    }
  }
  return found;
}

/**
 * The process that does the work behind a launcher: `tsx file.ts` runs the script in a child node process, so the
 * launcher's own pid holds little memory. The descendant with the largest resident set is taken.
 */
export function workerOf(pid: number): number {
  let best = pid;
  let bestRss = memoryOf(pid)?.rssKb ?? 0;
  for (const d of descendantsOf(pid)) {
    const rss = memoryOf(d)?.rssKb ?? 0;
    if (rss > bestRss) {
      best = d;
      bestRss = rss;
    }
  }
  return best;
}

/** CPU time (user + system) a process has used so far, in seconds; null once it has gone. */
export function cpuSecondsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ ticks
  } catch {
    return null;
  }
}
