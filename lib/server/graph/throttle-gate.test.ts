// Throttling shared on the server: one Retry-After per tenant and app, honoured by every Graph call of every
// instance, in memory and through the database the instances share (SQLite file or PostgreSQL).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditDb, type AuditDb } from '@/lib/server/store/db';
import { ThrottleStore } from '@/lib/server/store/throttle-store';
import { startTestPostgres, type TestPostgres } from '@/test-support/postgres';
import { BACKOFF_CAP_MS } from '@/lib/shared/backoff';
import { ServerThrottleGate, SHARED_REFRESH_MS, type SharedWait } from './throttle-gate';

describe('the server throttle gate in memory', () => {
  it('holds every call for Retry-After (fractional too), then opens', async () => {
    let now = 1_000_000;
    const gate = new ServerThrottleGate(
      't|a',
      async () => null,
      () => now,
    );
    expect(await gate.remainingMs()).toBe(0);
    expect(await gate.throttled(2.128)).toBe(2128);
    expect(await gate.remainingMs()).toBe(2128);
    now += 2000;
    expect(await gate.remainingMs()).toBe(128);
    now += 200;
    expect(await gate.remainingMs()).toBe(0);
  });

  it('within a budget, waits for the gate to open (re-reading it after each wait); beyond the budget, says what is left', async () => {
    let now = 1_000_000;
    const gate = new ServerThrottleGate(
      't|a',
      async () => null,
      () => now,
    );
    const waited: number[] = [];
    const wait = async (ms: number) => {
      waited.push(ms);
      now += ms;
      // Meanwhile another call met a 429: the gate closes again for 500 ms.
      if (waited.length === 1) await gate.throttled(0.5);
    };
    await gate.throttled(1);
    expect(await gate.openWithin({ deadline: now + 20_000 }, wait)).toBe(0);
    expect(waited).toEqual([1000, 500]);
    // A gate that opens after the deadline is not waited for at all.
    await gate.throttled(3);
    waited.length = 0;
    expect(await gate.openWithin({ deadline: now + 2000 }, wait)).toBe(3000);
    expect(waited).toEqual([]);
    // No budget: fail fast, as lists and polls do.
    expect(await gate.openWithin(undefined, wait)).toBe(3000);
    expect(waited).toEqual([]);
    now += 3000;
    expect(await gate.openWithin(undefined, wait)).toBe(0);
  });

  it('backs off exponentially with jitter and a cap when Graph does not say how long', async () => {
    const gate = new ServerThrottleGate(
      't|a',
      async () => null,
      () => 0,
      () => 1,
    );
    const waits = [];
    for (let i = 0; i < 8; i++) waits.push(await gate.throttled(null));
    expect(waits.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(Math.max(...waits)).toBe(BACKOFF_CAP_MS);
    gate.succeeded();
    expect(await gate.throttled(null)).toBe(1000);
  });

  it('re-reads the shared wait once per refresh interval (SHARED_REFRESH_MS unless told), not per call', async () => {
    let now = 0;
    let reads = 0;
    const store: SharedWait = {
      until: async () => {
        reads++;
        return 0;
      },
      extend: async () => {},
    };
    const byDefault = new ServerThrottleGate(
      't|a',
      async () => store,
      () => now,
    );
    await byDefault.remainingMs();
    now += SHARED_REFRESH_MS - 1;
    await byDefault.remainingMs();
    expect(reads).toBe(1);
    now += 1;
    await byDefault.remainingMs();
    expect(reads).toBe(2);

    reads = 0;
    const everyFiveSeconds = new ServerThrottleGate(
      't|a',
      async () => store,
      () => now,
      Math.random,
      5_000,
    );
    await everyFiveSeconds.remainingMs();
    now += 4_999;
    await everyFiveSeconds.remainingMs();
    expect(reads).toBe(1);
    now += 1;
    await everyFiveSeconds.remainingMs();
    expect(reads).toBe(2);
  });
});

interface Backend {
  name: string;
  open(): Promise<AuditDb>;
}
let pg: TestPostgres;
const dir = mkdtempSync(join(tmpdir(), 'passcode-desk-gate-'));
beforeAll(async () => {
  pg = await startTestPostgres();
}, 60_000);
afterAll(() => {
  pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});
const backends: Backend[] = [
  { name: 'SQLite', open: () => openAuditDb({ dataDir: dir }) },
  { name: 'PostgreSQL', open: () => openAuditDb({ dataDir: dir, databaseUrl: pg.url }) },
];

describe.each(backends)(
  'throttling shared on the server, across instances, on $name',
  (backend) => {
    it("a Retry-After one instance received holds the other instance's calls too, per tenant and app", async () => {
      const [a, b] = [await backend.open(), await backend.open()]; // two instances, two connections
      let now = Date.now();
      const first = new ServerThrottleGate(
        'tenant|app',
        async () => new ThrottleStore(a),
        () => now,
      );
      const second = new ServerThrottleGate(
        'tenant|app',
        async () => new ThrottleStore(b),
        () => now,
      );
      const otherApp = new ServerThrottleGate(
        'tenant|other-app',
        async () => new ThrottleStore(b),
        () => now,
      );
      expect(await second.remainingMs()).toBe(0);
      await first.throttled(30);
      now += SHARED_REFRESH_MS + 500; // the second instance re-reads the shared wait at most once a refresh interval
      expect(await second.remainingMs()).toBeGreaterThan(28_000);
      expect(await otherApp.remainingMs()).toBe(0);
      // A shorter Retry-After elsewhere never shortens the wait.
      await second.throttled(1);
      now += SHARED_REFRESH_MS + 500;
      expect(await first.remainingMs()).toBeGreaterThan(26_000);
      // Calls made at the same moment (a search's two Graph reads) all wait for the one shared read: none goes
      // ahead on the value from before it.
      const third = new ServerThrottleGate(
        'tenant|app',
        async () => new ThrottleStore(b),
        () => now,
      );
      const together = await Promise.all([
        third.remainingMs(),
        third.remainingMs(),
        third.remainingMs(),
      ]);
      for (const ms of together) expect(ms).toBeGreaterThan(26_000);
      await a.close();
      await b.close();
    });
  },
);
