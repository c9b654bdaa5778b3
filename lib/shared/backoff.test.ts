import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffMs, retryAfterMs } from './backoff';

describe('backoffMs', () => {
  it('doubles from the base with each attempt, up to the cap', () => {
    const highest = [0, 1, 2, 3, 4, 5, 6, 20].map((attempts) => backoffMs(attempts, 1));
    expect(highest).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(highest[0]).toBe(BACKOFF_BASE_MS);
    expect(Math.max(...highest)).toBe(BACKOFF_CAP_MS);
  });

  it('jitters between half and all of the wait', () => {
    expect(backoffMs(0, 0)).toBe(BACKOFF_BASE_MS / 2);
    expect(backoffMs(0, 0.5)).toBe(750);
    expect(backoffMs(10, 0)).toBe(BACKOFF_CAP_MS / 2);
    for (let attempts = 0; attempts < 8; attempts++) {
      for (const random of [0, 0.1, 0.37, 0.5, 0.99]) {
        const ms = backoffMs(attempts, random);
        expect(ms).toBeGreaterThanOrEqual(backoffMs(attempts, 0));
        expect(ms).toBeLessThanOrEqual(backoffMs(attempts, 1));
        expect(Number.isInteger(ms)).toBe(true);
      }
    }
  });
});

describe('retryAfterMs', () => {
  it('turns Retry-After seconds, fractional too, into whole ms rounded up', () => {
    expect(retryAfterMs(2)).toBe(2000);
    expect(retryAfterMs(2.128)).toBe(2128);
    expect(retryAfterMs(0.0001)).toBe(1);
  });
});
