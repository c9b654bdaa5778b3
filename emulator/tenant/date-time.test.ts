import { describe, expect, it } from 'vitest';
import { graphDateTime } from './date-time';

const reference = (ms: number) =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

describe('graphDateTime', () => {
  it('writes what toISOString writes, to the second, without a fraction', () => {
    expect(graphDateTime(Date.UTC(2026, 11, 1, 8, 5, 2, 999))).toBe('2026-12-01T08:05:02Z');
    expect(graphDateTime(Date.UTC(2026, 0, 1))).toBe('2026-01-01T00:00:00Z');
    expect(graphDateTime(Date.UTC(2024, 1, 29, 23, 59, 59, 500))).toBe('2024-02-29T23:59:59Z');
  });

  it('agrees with toISOString over times before and after 1970 and across days', () => {
    let x = 12345;
    for (let i = 0; i < 20_000; i++) {
      // A small linear congruential walk over ±60 years around 2026, with fractions of a second.
      x = (x * 1103515245 + 12345) % 2147483648;
      const ms = Date.UTC(2026, 0, 1) + (x / 2147483648 - 0.5) * 2 * 60 * 365 * 86_400_000;
      expect(graphDateTime(ms)).toBe(reference(ms));
    }
    expect(graphDateTime(-1)).toBe(reference(-1));
    expect(graphDateTime(-86_400_000 - 1)).toBe(reference(-86_400_000 - 1));
  });

  it('writes years beyond 9999 as toISOString does', () => {
    const far = Date.UTC(12000, 0, 1, 1, 2, 3);
    expect(graphDateTime(far)).toBe(reference(far));
  });
});
