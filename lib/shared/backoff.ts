// The back-off when Graph throttles without saying how long (429 or 503 with no Retry-After): one formula for the
// server's gate (lib/server/graph/throttle-gate.ts) and the tab's (lib/browser/api/throttle-gate.ts), so the two
// cannot drift apart. Pure: no clock and no randomness of its own, so either gate injects both.

export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_CAP_MS = 30_000;

/**
 * How long to wait after `attempts` throttled answers in a row with no Retry-After (0 for the first): exponential
 * from BACKOFF_BASE_MS up to BACKOFF_CAP_MS, with jitter between half and all of it so many callers told to wait at
 * the same moment do not all come back at the same moment. `random` is in [0, 1), like Math.random.
 */
export function backoffMs(attempts: number, random: number): number {
  return Math.round(Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempts) * (0.5 + random / 2));
}

/** The wait Graph asked for: Retry-After in (possibly fractional) seconds, as whole ms rounded up. */
export function retryAfterMs(retryAfterSeconds: number): number {
  return Math.ceil(retryAfterSeconds * 1000);
}
