import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS } from '@/lib/shared/backoff';
import { ThrottleGate } from './throttle-gate';

describe('ThrottleGate', () => {
  it('waits exactly Retry-After, fractional seconds included, for every caller', async () => {
    let now = 1_000_000;
    const gate = new ThrottleGate(() => now);
    expect(gate.throttled(2.5)).toBe(2500);
    expect(gate.remainingMs()).toBe(2500);
    expect(gate.snapshot()).toEqual({ until: 1_002_500, source: 'retryAfter' });
    now += 1000;
    expect(gate.remainingMs()).toBe(1500);
    // A shorter Retry-After from another request does not shorten the shared wait.
    gate.throttled(0.5);
    expect(gate.remainingMs()).toBe(1500);
  });

  it('backs off exponentially with jitter and a cap when Retry-After is missing', () => {
    let now = 0;
    const low = new ThrottleGate(
      () => now,
      () => 0,
    );
    const high = new ThrottleGate(
      () => now,
      () => 1,
    );
    const lows = [1, 2, 3, 4, 5, 6, 7].map(() => low.throttled(null));
    const highs = [1, 2, 3, 4, 5, 6, 7].map(() => high.throttled(null));
    expect(highs).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(lows).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000]);
    expect(Math.max(...highs)).toBe(BACKOFF_CAP_MS);
    high.succeeded();
    now += 60_000;
    high.succeeded();
    expect(high.throttled(null)).toBe(1000); // back to the start after a success
  });

  it('notifies subscribers and lets waiters through once the time has passed', async () => {
    const gate = new ThrottleGate();
    const seen: number[] = [];
    gate.subscribe(() => seen.push(gate.snapshot().until));
    gate.throttled(0.05);
    const started = Date.now();
    await gate.wait();
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(seen).toHaveLength(1);
  });
});
