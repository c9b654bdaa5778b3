// Intervals the server keeps, which tests and benchmarks wait out. They live here rather than in the server
// modules that use them because every lib/server module starts with `import 'server-only'`, which throws outside
// Next (in Playwright, in a benchmark): tests import the number from here and wait for it plus a margin, so a
// changed interval cannot leave a test waiting for the old one.

/**
 * How long one Graph read of a device's action results answers for every agent tracking it
 * (lib/server/actions/shared-device-reads.ts): shorter than the shortest poll interval, so nobody sees stale news.
 */
export const SHARED_READ_MS = 2_000;

/**
 * How stale an instance's copy of the shared Graph wait may be (lib/server/graph/throttle-gate.ts): it re-reads the
 * database at most this often, so the gate costs no database read per Graph call.
 */
export const SHARED_REFRESH_MS = 1_000;
