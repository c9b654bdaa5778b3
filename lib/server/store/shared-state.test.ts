// What several instances share in the database, on both dialects: retention (the one way a record can go), the
// webhook outbox (every event leased to one instance at a time) and the per-agent rate limits (one count across
// connections).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditDb, type AuditDb } from './db';
import { Outbox } from './outbox';
import { RateLimits } from './rate-limits';
import { purgeOlderThan, PURGE_DEVICE } from './retention';
import { AuditStore, type Actor } from './audit-store';
import { startTestPostgres, type TestPostgres } from '@/test-support/postgres';
import { allRecords, tryToRewrite } from '@/test-support/audit';

const agent: Actor = {
  oid: 'oid-1',
  upn: 'helpdesk@contoso.com',
  name: 'Hanna Berger',
  tenant: 't',
};
const DAY = 86_400_000;

let pg: TestPostgres;
const dirs: string[] = [];
beforeAll(async () => {
  pg = await startTestPostgres();
}, 60_000);
afterAll(() => {
  pg?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Backend {
  name: string;
  open(name: string): Promise<[AuditDb, AuditDb]>;
}
const backends: Backend[] = [
  {
    name: 'SQLite',
    async open() {
      const dataDir = mkdtempSync(join(tmpdir(), 'passcode-desk-shared-'));
      dirs.push(dataDir);
      return [await openAuditDb({ dataDir }), await openAuditDb({ dataDir })];
    },
  },
  {
    name: 'PostgreSQL',
    async open(name) {
      const databaseUrl = await pg.createDatabase(name);
      return [
        await openAuditDb({ dataDir: '.', databaseUrl }),
        await openAuditDb({ dataDir: '.', databaseUrl }),
      ];
    },
  },
];

describe.each(backends)('retention on $name', (backend) => {
  let a: AuditDb;
  let b: AuditDb;
  beforeAll(async () => {
    [a, b] = await backend.open('retention');
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('removes only records older than the cutoff, and records that it did', async () => {
    const store = new AuditStore(a);
    const now = new Date();
    await store.record({
      actionId: 'old',
      actionName: 'resetPasscode',
      kind: 'intent',
      deviceId: 'd-old',
      actor: { value: agent, verified: true },
      at: new Date(now.getTime() - 500 * DAY),
    });
    await store.record({
      actionId: 'old',
      actionName: 'resetPasscode',
      kind: 'outcome',
      deviceId: 'd-old',
      outcome: 'accepted',
      at: new Date(now.getTime() - 500 * DAY),
    });
    await store.record({
      actionId: 'kept',
      actionName: 'resetPasscode',
      kind: 'intent',
      deviceId: 'd-new',
      actor: { value: agent, verified: true },
      at: new Date(now.getTime() - 399 * DAY),
    });

    const removed = await purgeOlderThan(a, new Date(now.getTime() - 400 * DAY), now);
    expect(removed).toBe(2);
    const left = await allRecords(a);
    expect(left.map((r) => r.action_id)).toEqual(['kept', expect.any(String)]);
    expect(left[1]).toMatchObject({
      kind: 'purge',
      device_id: PURGE_DEVICE,
      detail: expect.stringMatching(/removed 2 records older than/),
    });
    // The grant closed with the job's transaction: nothing can delete after it, not even old records.
    await store.record({
      actionId: 'older',
      actionName: 'resetPasscode',
      kind: 'intent',
      deviceId: 'd-old',
      at: new Date(now.getTime() - 900 * DAY),
    });
    await expect(tryToRewrite(b, 'delete')).rejects.toThrow(/append-only/);
    await expect(
      sql`DELETE FROM audit_records WHERE action_id = 'older'`.execute(a.db),
    ).rejects.toThrow(/append-only/);
  });

  it('lets nothing else delete: no grant reaches a recent record, and a closed grant cannot be reopened', async () => {
    const store = new AuditStore(a);
    await store.record({
      actionId: 'recent',
      actionName: 'resetPasscode',
      kind: 'intent',
      deviceId: 'd',
      at: new Date(Date.now() - 10 * DAY),
    });
    // An attacker with SQL access writes their own grant for everything up to now: refused by the grant's trigger.
    await expect(
      sql`INSERT INTO purge_grants (id, cutoff, active, created_at) VALUES ('forged', ${new Date().toISOString()}, 1, ${new Date().toISOString()})`.execute(
        a.db,
      ),
    ).rejects.toThrow(/shortest retention/);
    await expect(sql`UPDATE purge_grants SET active = 1`.execute(a.db)).rejects.toThrow(
      /only be closed|shortest retention/,
    );
    await expect(
      sql`DELETE FROM audit_records WHERE action_id = 'recent'`.execute(a.db),
    ).rejects.toThrow(/append-only/);
    // A purge job asked to reach younger than the shortest retention fails whole: nothing removed, nothing recorded.
    const before = await allRecords(a);
    await expect(purgeOlderThan(a, new Date())).rejects.toThrow(/shortest retention/);
    expect(await allRecords(a)).toEqual(before);
  });
});

describe.each(backends)('webhook outbox on $name', (backend) => {
  let a: AuditDb;
  let b: AuditDb;
  beforeAll(async () => {
    [a, b] = await backend.open('outbox');
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('queues each state change with its record, never the intent, and never a passcode', async () => {
    const store = new AuditStore(a, undefined, true);
    await store.record({
      actionId: 'w1',
      actionName: 'resetPasscode',
      actionKind: 'resetDevicePasscode',
      kind: 'intent',
      deviceId: 'd1',
      ticket: 'INC-1',
      actor: { value: agent, verified: true },
    });
    await store.record({
      actionId: 'w1',
      actionName: 'resetPasscode',
      actionKind: 'resetDevicePasscode',
      kind: 'outcome',
      deviceId: 'd1',
      ticket: 'INC-1',
      outcome: 'accepted',
      graphRequestId: 'req-1',
      clientRequestId: 'w1',
      actor: { value: agent, verified: true },
    });
    expect(
      await store.observe({
        actionId: 'w1',
        actionName: 'resetPasscode',
        deviceId: 'd1',
        actionState: 'done',
      }),
    ).toBe(true);
    expect(
      await store.observe({
        actionId: 'w1',
        actionName: 'resetPasscode',
        deviceId: 'd1',
        actionState: 'done',
      }),
    ).toBe(false);
    const due = await new Outbox(a).claimDue(10, 60_000);
    expect(due.map((e) => JSON.parse(e.payload).state)).toEqual(['accepted', 'done']);
    expect(JSON.parse(due[0]!.payload)).toMatchObject({
      actionId: 'w1',
      ticket: 'INC-1',
      graphRequestId: 'req-1',
      agent: { upn: agent.upn },
    });
    expect(due.map((e) => e.payload).join('')).not.toMatch(/passcode"\s*:/);
    for (const e of due) await new Outbox(a).delivered(e.eventId);
    expect(await new Outbox(a).pending()).toBe(0);
  });

  it('leases an event to one instance at a time, and hands it out again after a failure once it is due', async () => {
    let now = new Date('2030-01-01T10:00:00Z');
    const store = new AuditStore(a, () => now, true);
    await store.record({
      actionId: 'w2',
      actionName: 'resetPasscode',
      kind: 'outcome',
      deviceId: 'd2',
      outcome: 'accepted',
      at: now,
    });
    const first = new Outbox(a, () => now);
    const second = new Outbox(b, () => now);
    const [x, y] = await Promise.all([first.claimDue(10, 60_000), second.claimDue(10, 60_000)]);
    const claimed = [...x, ...y].filter((e) => JSON.parse(e.payload).actionId === 'w2');
    expect(claimed).toHaveLength(1);
    await first.failed(claimed[0]!.eventId, 1, new Date(now.getTime() + 10_000), 'HTTP 503');
    expect(
      (await second.claimDue(10, 60_000)).filter((e) => e.eventId === claimed[0]!.eventId),
    ).toEqual([]);
    now = new Date(now.getTime() + 10_001);
    const again = await second.claimDue(10, 60_000);
    expect(again.filter((e) => e.eventId === claimed[0]!.eventId)).toEqual([
      { ...claimed[0], attempts: 1 },
    ]);
  });
});

describe.each(backends)('rate limits on $name', (backend) => {
  let a: AuditDb;
  let b: AuditDb;
  beforeAll(async () => {
    [a, b] = await backend.open('limits');
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it("count one agent's attempts across two connections, tell how long to wait, and let other agents through", async () => {
    const now = new Date('2030-01-01T10:00:00Z');
    const limits = [new RateLimits(a, () => now), new RateLimits(b, () => now)];
    const verdicts = await Promise.all(
      Array.from({ length: 8 }, (_, i) => limits[i % 2]!.hit('oid-1', 'action', 5, 600_000)),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    expect(verdicts.find((v) => !v.allowed)).toEqual({ allowed: false, retryAfterSeconds: 600 });
    expect(await limits[1]!.hit('oid-2', 'action', 5, 600_000)).toEqual({ allowed: true });
    expect(await limits[1]!.hit('oid-1', 'reveal', 5, 600_000)).toEqual({ allowed: true });
    const later = new RateLimits(b, () => new Date(now.getTime() + 600_001));
    expect(await later.hit('oid-1', 'action', 5, 600_000)).toEqual({ allowed: true });
  });
});

describe.each(backends)('activity on $name', (backend) => {
  let a: AuditDb;
  let b: AuditDb;
  const other: Actor = { oid: 'oid-2', upn: 'Admin@Contoso.com', name: 'Alex Moreau', tenant: 't' };
  beforeAll(async () => {
    [a, b] = await backend.open('activity');
    const store = new AuditStore(a);
    const t0 = Date.parse('2026-11-01T08:00:00Z');
    // 120 actions: three agents' worth, mixed kinds and outcomes, one observed state each for the accepted ones.
    for (let i = 0; i < 120; i++) {
      const actor = i % 3 === 0 ? other : agent;
      const common = {
        actionId: `act-${String(i).padStart(3, '0')}`,
        actionName: i % 4 === 0 ? 'recoverPasscode' : 'resetPasscode',
        actionKind: i % 4 === 0 ? 'recoverPin' : 'removePasscode',
        deviceId: `00000000-0000-0000-0000-${String(i % 10).padStart(12, '0')}`,
        deviceName: i % 10 === 7 ? 'Ann_Smith 100%' : `Device ${i % 10}`,
        ticket: `INC-${1000 + i}`,
        actor: { value: actor, verified: true },
        clientRequestId: `act-${i}`,
        at: new Date(t0 + i * 3_600_000),
      };
      await store.record({ ...common, kind: 'intent' });
      await store.record({
        ...common,
        kind: 'outcome',
        outcome: i % 5 === 0 ? 'denied' : 'accepted',
        graphRequestId: `req-${i}`,
        at: new Date(t0 + i * 3_600_000 + 1000),
      });
      if (i % 5 !== 0) await store.observe({ ...common, actionState: 'pending' });
      if (i % 5 !== 0 && i % 2 === 0) await store.observe({ ...common, actionState: 'done' });
    }
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('pages newest first by keyset: every action exactly once, whatever is written meanwhile', async () => {
    const { ActivityLog } = await import('./activity');
    const log = new ActivityLog(b);
    const seen: string[] = [];
    let before: number | null = null;
    for (let n = 0; n < 10; n++) {
      const page = await log.page({}, { actorOid: null }, before, 50);
      seen.push(...page.rows.map((r) => r.actionId));
      // A new action written between pages is newer than the cursor: it never shifts or repeats a later page.
      if (n === 0)
        await new AuditStore(a).record({
          actionId: 'act-new',
          actionName: 'resetPasscode',
          kind: 'intent',
          deviceId: 'd',
          at: new Date('2026-12-01T00:00:00Z'),
        });
      if (page.nextBeforeSeq === null) break;
      before = page.nextBeforeSeq;
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(seen[0]).toBe('act-119');
    expect(seen.at(-1)).toBe('act-000');
  });

  it("shows each row's last outcome, final state and ids, and filters by agent, device, ticket, outcome, kind and time", async () => {
    const { ActivityLog } = await import('./activity');
    const log = new ActivityLog(a);
    const all = { actorOid: null };
    const only = async (filters: Parameters<typeof log.page>[0]) =>
      (await log.page(filters, all, null, 500)).rows;
    const r12 = (await only({ ticket: 'inc-1012' }))[0];
    expect(r12).toMatchObject({
      actionId: 'act-012',
      outcome: 'accepted',
      finalState: 'done',
      graphRequestId: 'req-12',
      clientRequestId: 'act-12',
      kind: 'recoverPin',
      agent: { upn: other.upn },
    });
    expect(
      (await only({ agent: 'admin@contoso.com' })).every((r) => r.agent.upn === other.upn),
    ).toBe(true);
    expect(await only({ agent: 'admin@contoso.com' })).toHaveLength(40);
    expect(await only({ outcome: 'denied' })).toHaveLength(24);
    expect(await only({ kind: 'recoverPin' })).toHaveLength(30);
    expect(await only({ device: '00000000-0000-0000-0000-000000000003' })).toHaveLength(12);
    expect(await only({ device: 'ann_smith 100' })).toHaveLength(12);
    expect(await only({ device: 'ann%' })).toEqual([]); // % and _ match only themselves
    expect(await only({ from: '2026-11-02', to: '2026-11-02' })).toHaveLength(24);
    expect(
      await only({
        from: '2026-11-02',
        to: '2026-11-02',
        outcome: 'denied',
        agent: 'helpdesk@contoso.com',
      }),
    ).toHaveLength(3);
  });

  it("shows an agent only their own actions; everyone's only to the auditor scope", async () => {
    const { ActivityLog } = await import('./activity');
    const log = new ActivityLog(a);
    const mine = await log.page({}, { actorOid: agent.oid }, null, 500);
    expect(mine.rows).toHaveLength(80);
    expect(mine.rows.every((r) => r.agent.upn === agent.upn)).toBe(true);
    // Asking for another agent's records by filter does not widen the scope.
    expect((await log.page({ agent: other.upn }, { actorOid: agent.oid }, null, 500)).rows).toEqual(
      [],
    );
  });

  it('exports in batches: all rows, in order, one batch held at a time', async () => {
    const { ActivityLog } = await import('./activity');
    const batches: number[] = [];
    const ids: string[] = [];
    for await (const rows of new ActivityLog(a).all({ agent: agent.upn }, { actorOid: null }, 7)) {
      batches.push(rows.length);
      ids.push(...rows.map((r) => r.actionId));
    }
    expect(ids).toHaveLength(80);
    expect(Math.max(...batches)).toBe(7);
    expect([...ids].sort().reverse()).toEqual(ids);
  });
});
