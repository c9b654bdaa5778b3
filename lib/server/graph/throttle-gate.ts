import 'server-only';
// One Retry-After for the whole console, not per tab: when Graph says "wait" (429, or 503 with Retry-After),
// every search, device read, status poll and action of every agent waits until then, so many agents do not each
// spend Intune's budget (graph-intune.md: honour Retry-After across the whole app). The wait lives in memory and,
// through the database, is shared with every instance; without Retry-After it grows exponentially with jitter
// (lib/shared/backoff.ts, the tab's gate uses the same).
import { setTimeout as sleep } from 'node:timers/promises';
import { backoffMs, retryAfterMs } from '@/lib/shared/backoff';
import { SHARED_REFRESH_MS } from '@/lib/shared/timing';
import { fitsBudget, type WaitBudget } from './wait-budget';

/** The default for `sharedRefreshMs`: tests that wait for an instance to learn of a wait import it from lib/shared. */
export { SHARED_REFRESH_MS };

/** Where instances share the wait: the database (lib/server/store/throttle-store.ts), or nothing in unit tests. */
export interface SharedWait {
  until(key: string): Promise<number>;
  extend(key: string, until: number): Promise<void>;
}

export class ServerThrottleGate {
  private until = 0;
  private attempts = 0;
  private readAt = Number.NEGATIVE_INFINITY;
  /** The shared read in flight: concurrent callers wait for it rather than go ahead on a stale value. */
  private reading: Promise<void> | null = null;

  constructor(
    private readonly key: string,
    private readonly shared: () => Promise<SharedWait | null>,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
    /** How stale the shared value may be: re-read at most this often, so the gate costs no database read per call. */
    private readonly sharedRefreshMs: number = SHARED_REFRESH_MS,
  ) {}

  /** How long a Graph call must still wait, in ms (0: go ahead). */
  async remainingMs(): Promise<number> {
    const now = this.now();
    if (this.reading === null && now - this.readAt >= this.sharedRefreshMs) {
      this.readAt = now;
      this.reading = (async () => {
        const store = await this.shared();
        if (store) this.until = Math.max(this.until, await store.until(this.key));
      })().finally(() => {
        this.reading = null;
      });
    }
    if (this.reading) await this.reading;
    return Math.max(0, this.until - this.now());
  }

  /**
   * Waits while the gate is closed, as long as it opens within `budget` (none: no wait at all). Returns what is
   * still to wait, in ms: 0 to go ahead, more when the gate stays closed beyond the budget. Each turn re-reads the
   * gate, so a wait another call or instance added meanwhile is honoured too.
   */
  async openWithin(
    budget: WaitBudget | undefined,
    wait: (ms: number) => Promise<unknown> = sleep,
  ): Promise<number> {
    for (;;) {
      const ms = await this.remainingMs();
      if (ms === 0 || budget === undefined || !fitsBudget(budget, ms, this.now())) return ms;
      await wait(ms);
    }
  }

  /** Graph asked to wait `retryAfterSeconds` (null: it did not say). Returns the wait in ms. */
  async throttled(retryAfterSeconds: number | null): Promise<number> {
    const wait =
      retryAfterSeconds !== null
        ? retryAfterMs(retryAfterSeconds)
        : backoffMs(this.attempts, this.random());
    this.attempts++;
    const until = this.now() + wait;
    this.until = Math.max(this.until, until);
    const store = await this.shared();
    if (store) await store.extend(this.key, until);
    return wait;
  }

  succeeded(): void {
    this.attempts = 0;
  }
}
