// The audit store on both databases: records cannot be changed or removed, and the one-recovery-per-device
// guard holds across separate connections.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { connectAuditDb, openAuditDb, type AuditDb } from './db';
import { AuditStore, type Actor } from './audit-store';
import { startTestPostgres, type TestPostgres } from '@/test-support/postgres';
import { allRecords, migrateTo, tryToReplace, tryToRewrite } from '@/test-support/audit';

const agent: Actor = {
  oid: 'oid-1',
  upn: 'helpdesk@contoso.com',
  name: 'Hanna Berger',
  tenant: 't',
};
const other: Actor = { oid: 'oid-2', upn: 'admin@contoso.com', name: 'Alex Moreau', tenant: 't' };

interface Backend {
  name: string;
  open(): Promise<AuditDb>;
  cleanup(): void;
}

let pg: TestPostgres;
const sqliteDir = mkdtempSync(join(tmpdir(), 'passcode-desk-audit-'));
beforeAll(async () => {
  pg = await startTestPostgres();
}, 60_000);
afterAll(() => {
  pg?.stop();
  rmSync(sqliteDir, { recursive: true, force: true });
});

const backends: Backend[] = [
  { name: 'SQLite', open: () => openAuditDb({ dataDir: sqliteDir }), cleanup: () => undefined },
  {
    name: 'PostgreSQL',
    open: () => openAuditDb({ dataDir: sqliteDir, databaseUrl: pg.url }),
    cleanup: () => undefined,
  },
];

describe.each(backends)('audit store on $name', (backend) => {
  let a: AuditDb;
  let b: AuditDb;
  let store: AuditStore;
  let second: AuditStore;
  beforeAll(async () => {
    a = await backend.open();
    b = await backend.open(); // a second connection, as a second process or instance has
    store = new AuditStore(a);
    second = new AuditStore(b);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('refuses UPDATE and DELETE on audit records, in the database itself', async () => {
    await store.record({
      actionId: 'act-append',
      actionName: 'resetPasscode',
      kind: 'intent',
      deviceId: 'dev-append',
      ticket: 'INC-1',
      actor: { value: agent, verified: true },
    });
    await store.record({
      actionId: 'act-append',
      actionName: 'resetPasscode',
      kind: 'outcome',
      deviceId: 'dev-append',
      outcome: 'denied',
    });
    await expect(tryToRewrite(a, 'update')).rejects.toThrow(/append-only/);
    await expect(tryToRewrite(a, 'delete')).rejects.toThrow(/append-only/);
    const records = await store.actionRecords('act-append');
    expect(records.map((r) => [r.kind, r.outcome])).toEqual([
      ['intent', null],
      ['outcome', 'denied'],
    ]);
    expect(records[0]).toMatchObject({
      actor_upn: agent.upn,
      actor_verified: 1,
      ticket: 'INC-1',
      action_name: 'resetPasscode',
    });
  });

  it('refuses a write that would replace a record (INSERT OR REPLACE, REPLACE INTO, ON CONFLICT DO UPDATE)', async () => {
    await store.record({
      actionId: 'act-replace',
      actionName: 'resetPasscode',
      kind: 'intent',
      deviceId: 'dev-replace',
      ticket: 'INC-7',
      actor: { value: agent, verified: true },
    });
    const [original] = await store.actionRecords('act-replace');
    if (!original) throw new Error('no record');
    await expect(tryToReplace(a, original)).rejects.toThrow(/append-only/);
    expect(await store.actionRecords('act-replace')).toEqual([original]);
  });

  it('lets one action hold a device, tells the next who holds it, and frees it on release', async () => {
    const first = await store.claimDevice({
      deviceId: 'dev-1',
      actionId: 'a1',
      ticket: 'INC-1',
      actor: agent,
      holdMinutes: 15,
      force: false,
    });
    expect(first).toEqual({ acquired: true });
    const next = await second.claimDevice({
      deviceId: 'dev-1',
      actionId: 'a2',
      ticket: 'INC-2',
      actor: other,
      holdMinutes: 15,
      force: false,
    });
    expect(next).toMatchObject({
      acquired: false,
      holder: { actionId: 'a1', ticket: 'INC-1', actorUpn: agent.upn, actorName: 'Hanna Berger' },
    });
    await store.releaseDevice('dev-1', 'a1');
    expect(
      await second.claimDevice({
        deviceId: 'dev-1',
        actionId: 'a2',
        ticket: 'INC-2',
        actor: other,
        holdMinutes: 15,
        force: false,
      }),
    ).toEqual({ acquired: true });
  });

  it('gives the device to whoever asks once the hold has expired, and to a forced claim at once', async () => {
    let now = new Date('2026-11-28T10:00:00Z');
    const clocked = new AuditStore(a, () => now);
    expect(
      await clocked.claimDevice({
        deviceId: 'dev-2',
        actionId: 'b1',
        ticket: 'INC-1',
        actor: agent,
        holdMinutes: 15,
        force: false,
      }),
    ).toEqual({ acquired: true });
    now = new Date('2026-11-28T10:14:59Z');
    expect(
      (
        await clocked.claimDevice({
          deviceId: 'dev-2',
          actionId: 'b2',
          ticket: 'INC-2',
          actor: other,
          holdMinutes: 15,
          force: false,
        })
      ).acquired,
    ).toBe(false);
    expect(
      await clocked.claimDevice({
        deviceId: 'dev-2',
        actionId: 'b3',
        ticket: 'INC-3',
        actor: other,
        holdMinutes: 15,
        force: true,
      }),
    ).toEqual({ acquired: true });
    now = new Date('2026-11-28T10:30:00Z');
    expect(
      await clocked.claimDevice({
        deviceId: 'dev-2',
        actionId: 'b4',
        ticket: 'INC-4',
        actor: agent,
        holdMinutes: 15,
        force: false,
      }),
    ).toEqual({ acquired: true });
  });

  it('lets exactly one of many simultaneous claims on two connections win', async () => {
    const attempts = Array.from({ length: 20 }, (_, i) =>
      (i % 2 ? store : second).claimDevice({
        deviceId: 'dev-race',
        actionId: `race-${i}`,
        ticket: `INC-${i}`,
        actor: agent,
        holdMinutes: 15,
        force: false,
      }),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r.acquired)).toHaveLength(1);
    const holders = new Set(results.flatMap((r) => (r.acquired ? [] : [r.holder.actionId])));
    expect(holders.size).toBe(1);
  });

  it('records an observed state once however many pollers see it', async () => {
    const obs = {
      actionId: 'act-obs',
      actionName: 'resetPasscode',
      deviceId: 'dev-3',
      actionState: 'done',
    };
    const firsts = await Promise.all([store.observe(obs), second.observe(obs), store.observe(obs)]);
    expect(firsts.filter(Boolean)).toHaveLength(1);
    expect(await store.observe({ ...obs, actionState: 'pending' })).toBe(true);
    expect((await store.actionRecords('act-obs')).map((r) => r.action_state)).toEqual([
      'done',
      'pending',
    ]);
  });

  it("finds an agent's recent actions and a device's latest action", async () => {
    const since = new Date(Date.now() - 60_000);
    await store.record({
      actionId: 'mine-1',
      actionName: 'resetPasscode',
      kind: 'intent',
      deviceId: 'dev-4',
      ticket: 'INC-9',
      actor: { value: other, verified: true },
    });
    await store.record({
      actionId: 'mine-1',
      actionName: 'resetPasscode',
      kind: 'outcome',
      deviceId: 'dev-4',
      outcome: 'accepted',
    });
    const mine = await store.recordsOfActor(other.oid, since);
    expect(mine.records.map((r) => r.action_id)).toEqual(['mine-1', 'mine-1']);
    expect(mine.more).toBe(false);
    expect((await store.latestActionOnDevice('dev-4')).map((r) => r.kind)).toEqual([
      'intent',
      'outcome',
    ]);
    // A later attempt refused by the guard does not hide the recovery that is under way.
    await store.record({
      actionId: 'refused-1',
      actionName: 'resetPasscode',
      kind: 'intent',
      deviceId: 'dev-4',
      ticket: 'INC-10',
      actor: { value: agent, verified: true },
    });
    await store.record({
      actionId: 'refused-1',
      actionName: 'resetPasscode',
      kind: 'outcome',
      deviceId: 'dev-4',
      outcome: 'refused',
      detail: 'alreadyRequested',
    });
    expect((await store.latestActionOnDevice('dev-4'))[0]?.action_id).toBe('mine-1');
    expect(await store.latestActionOnDevice('dev-none')).toEqual([]);
    // The tray's read is capped to the newest actions, says there are more, and leaves refused attempts out.
    const busy: Actor = { ...other, oid: 'oid-busy' };
    for (let i = 0; i < 5; i++) {
      await store.record({
        actionId: `busy-${i}`,
        actionName: 'resetPasscode',
        kind: 'intent',
        deviceId: `dev-b${i}`,
        actor: { value: busy, verified: true },
      });
      await store.record({
        actionId: `busy-${i}`,
        actionName: 'resetPasscode',
        kind: 'outcome',
        deviceId: `dev-b${i}`,
        outcome: i === 4 ? 'refused' : 'accepted',
        actor: { value: busy, verified: true },
      });
    }
    const capped = await store.recordsOfActor(busy.oid, since, 2);
    expect([...new Set(capped.records.map((r) => r.action_id))]).toEqual(['busy-2', 'busy-3']);
    expect(capped.more).toBe(true);
  });

  it('finds the newest action of each of several devices in two queries, and records which device by serial and user', async () => {
    const since = new Date(Date.now() - 60_000);
    const device = {
      serialNumber: 'C39XK2',
      userPrincipalName: 'zoe.obrien@contoso.com',
      userDisplayName: "Zoë O'Brien",
    };
    await store.record({
      actionId: 'many-1',
      actionName: 'resetPasscode',
      kind: 'intent',
      deviceId: 'dev-m1',
      device,
      ticket: 'INC-1',
      actor: { value: agent, verified: true },
    });
    await store.record({
      actionId: 'many-2',
      actionName: 'resetPasscode',
      kind: 'intent',
      deviceId: 'dev-m1',
      ticket: 'INC-2',
      actor: { value: agent, verified: true },
    });
    await store.record({
      actionId: 'many-2',
      actionName: 'resetPasscode',
      kind: 'outcome',
      deviceId: 'dev-m1',
      outcome: 'refused',
    });
    await store.record({
      actionId: 'many-3',
      actionName: 'resetPasscode',
      kind: 'intent',
      deviceId: 'dev-m2',
      ticket: 'INC-3',
      actor: { value: other, verified: true },
    });
    const found = await store.latestActionsOnDevices(['dev-m1', 'dev-m2', 'dev-m3'], since);
    expect(found.map((records) => records.map((r) => r.action_id))).toEqual(
      expect.arrayContaining([['many-1'], ['many-3']]),
    );
    expect(found).toHaveLength(2);
    expect(found.flat().find((r) => r.action_id === 'many-1')).toMatchObject({
      device_serial: 'C39XK2',
      device_user_upn: device.userPrincipalName,
      device_user_name: "Zoë O'Brien",
    });
    expect(await store.latestActionsOnDevices(['dev-m1'], new Date(Date.now() + 60_000))).toEqual(
      [],
    );
    expect(await store.latestActionsOnDevices([], since)).toEqual([]);
  });

  it("counts the passcode actions on a user's devices since a moment, by UPN in any letter case, refused ones left out", async () => {
    const since = new Date(Date.now() - 60_000);
    const upn = 'Juergen.Weiss@contoso.com';
    const device = { serialNumber: 'F2LX', userPrincipalName: upn, userDisplayName: 'Jürgen Weiß' };
    const intent = (actionId: string, deviceId: string) =>
      store.record({
        actionId,
        actionName: 'resetPasscode',
        kind: 'intent',
        deviceId,
        device,
        ticket: 'INC-9',
        actor: { value: agent, verified: true },
      });
    await intent('user-1', 'dev-u1');
    await intent('user-2', 'dev-u2');
    await intent('user-3', 'dev-u2');
    await store.record({
      actionId: 'user-3',
      actionName: 'resetPasscode',
      kind: 'outcome',
      deviceId: 'dev-u2',
      outcome: 'refused',
    });
    const found = await store.actionsOnUserSince('juergen.weiss@CONTOSO.com', since);
    expect(found.count).toBe(2);
    expect(Date.parse(found.latestAt ?? '')).toBeGreaterThanOrEqual(since.getTime());
    expect(await store.actionsOnUserSince(upn, new Date(Date.now() + 60_000))).toEqual({
      count: 0,
      latestAt: null,
    });
    expect(await store.actionsOnUserSince('nobody@contoso.com', since)).toEqual({
      count: 0,
      latestAt: null,
    });
  });
});

describe.each(backends)('migrations on $name', (backend) => {
  it('keep every record of an existing trail, and its append-only promise, when the schema moves on', async () => {
    const options =
      backend.name === 'SQLite'
        ? { dataDir: mkdtempSync(join(tmpdir(), 'passcode-desk-migrate-')) }
        : { dataDir: sqliteDir, databaseUrl: await pg.createDatabase('migrate') };
    const old = connectAuditDb(options);
    await migrateTo(old, '0001_audit_records');
    await sql`INSERT INTO audit_records (id, action_id, kind, recorded_at, action_name, device_id, ticket, actor_verified, outcome)
      VALUES ('r1', 'a1', 'intent', '2026-11-01T10:00:00.000Z', 'recoverPasscode', 'd1', 'INC-1', 1, null),
             ('r2', 'a1', 'outcome', '2026-11-01T10:00:01.000Z', 'recoverPasscode', 'd1', 'INC-1', 1, 'accepted')`.execute(
      old.db,
    );
    await old.close();

    const current = await openAuditDb(options);
    const store = new AuditStore(current);
    expect(
      (await store.actionRecords('a1')).map((r) => [
        r.id,
        r.kind,
        r.outcome,
        r.action_name,
        r.action_kind,
        r.device_serial,
      ]),
    ).toEqual([
      ['r1', 'intent', null, 'recoverPasscode', null, null],
      ['r2', 'outcome', 'accepted', 'recoverPasscode', null, null],
    ]);
    await store.record({
      actionId: 'a2',
      actionName: 'resetPasscode',
      actionKind: 'resetDevicePasscode',
      kind: 'reveal',
      deviceId: 'd1',
    });
    await expect(tryToRewrite(current, 'delete')).rejects.toThrow(/append-only/);
    await expect(tryToRewrite(current, 'update')).rejects.toThrow(/append-only/);
    await expect(tryToReplace(current, (await store.actionRecords('a1'))[0]!)).rejects.toThrow(
      /append-only/,
    );
    expect(await allRecords(current)).toHaveLength(3);
    await current.close();
  });
});
