// How busy the machine was while a benchmark ran, apart from the benchmark itself: other people's tests and builds
// share these CPUs, and a figure measured beside them says less. Samples /proc every two seconds: the 1-minute load
// average, and the CPU time used by processes that do not carry this run's mark and do not descend from one that does
// (Chromium clears its renderers' and zygotes' environment, so the benchmark's own renderers carry no mark: by the
// mark alone they counted as others, and a quiet machine read 50 % busy). A lower bound: a process that starts and
// ends between two samples is not seen.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parentOf } from '../support/procfs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface MachineLoad {
  /** Mean of the 1-minute load average over the samples. */
  loadAverage: number;
  /** CPU time of processes outside this run, as a share of all CPUs' time over the period (0–1). */
  othersCpuShare: number;
}

function ticksOf(pid: string): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return null;
  }
}

export class LoadSampler {
  private readonly marked = new Map<string, boolean>();
  private readonly last = new Map<string, number>();
  private othersTicks = 0;
  private loads: number[] = [];
  private timer: NodeJS.Timeout | undefined;
  private started = 0;

  constructor(private readonly mark: string) {}

  private isOurs(pid: string, depth = 0): boolean {
    let ours = this.marked.get(pid);
    if (ours === undefined) {
      try {
        ours =
          Number(pid) === process.pid ||
          readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(this.mark);
      } catch {
        ours = false; // not readable: another user's, so not ours
      }
      if (!ours && depth < 16) {
        const parent = parentOf(Number(pid));
        ours = parent !== null && parent > 1 && this.isOurs(String(parent), depth + 1);
      }
      this.marked.set(pid, ours);
    }
    return ours;
  }

  private sample(first: boolean): void {
    this.loads.push(loadavg()[0] ?? 0);
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid) || this.isOurs(pid)) continue;
      const ticks = ticksOf(pid);
      if (ticks === null) continue;
      const before = this.last.get(pid);
      // A process seen for the first time after the start counts from zero: it began during the period.
      if (!first) this.othersTicks += Math.max(0, ticks - (before ?? 0));
      this.last.set(pid, ticks);
    }
  }

  start(): void {
    this.started = performance.now();
    this.sample(true);
    this.timer = setInterval(() => this.sample(false), 2000);
  }

  stop(): MachineLoad {
    clearInterval(this.timer);
    this.sample(false);
    const seconds = (performance.now() - this.started) / 1000;
    return {
      loadAverage: this.loads.reduce((n, x) => n + x, 0) / Math.max(1, this.loads.length),
      othersCpuShare:
        seconds > 0 ? this.othersTicks / TICKS_PER_SECOND / (seconds * cpus().length) : 0,
    };
  }
}
