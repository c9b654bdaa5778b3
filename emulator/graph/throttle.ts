// Intune's throttling: fixed windows (20 s) with separate budgets per tenant and per app, for writes and for
// all requests. Over budget, Graph answers 429 TooManyRequests with Retry-After until the window ends.
import type { Throttling } from '../settings';

export interface ThrottleDecision {
  throttled: boolean;
  /** Seconds until the window ends, as Retry-After would carry it; null when Retry-After is left out. */
  retryAfter: string | null;
  /** Which budget ran out, for the message. */
  budget?: string;
}

export class Throttler {
  private windowStart = -1;
  private readonly counts = new Map<string, number>();
  private rotation = 0;

  check(now: number, appId: string, isWrite: boolean, cfg: Throttling): ThrottleDecision {
    if (!cfg.enabled) return { throttled: false, retryAfter: null };
    const start = Math.floor(now / cfg.windowMs) * cfg.windowMs;
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.counts.clear();
    }
    const budgets: [string, number][] = [
      ['tenant:all', cfg.tenantRequests],
      [`app:${appId}:all`, cfg.appRequests],
      ...(isWrite
        ? ([
            ['tenant:write', cfg.tenantWrites],
            [`app:${appId}:write`, cfg.appWrites],
          ] as [string, number][])
        : []),
    ];
    // A throttled request does not spend budget, as Graph counts only what it serves.
    const exhausted = budgets.find(([key, limit]) => (this.counts.get(key) ?? 0) >= limit);
    if (exhausted) {
      const seconds = (start + cfg.windowMs - now) / 1000;
      return {
        throttled: true,
        retryAfter: this.format(seconds, cfg.retryAfter),
        budget: exhausted[0],
      };
    }
    for (const [key] of budgets) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    return { throttled: false, retryAfter: null };
  }

  reset(): void {
    this.windowStart = -1;
    this.counts.clear();
    this.rotation = 0;
  }

  private format(seconds: number, mode: Throttling['retryAfter']): string | null {
    const effective =
      mode === 'varied'
        ? (['integer', 'fractional', 'absent'] as const)[this.rotation++ % 3]
        : mode;
    if (effective === 'absent') return null;
    if (effective === 'fractional') return Math.max(0.001, seconds).toFixed(3);
    return String(Math.max(1, Math.ceil(seconds)));
  }
}
