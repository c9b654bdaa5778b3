// The owner's notification outbox on both databases (security.md case 26): queued once per action, event and
// recipient however many retries and instances record the event, leased so two instances never send one twice,
// and a failed send kept with its error and tried again only after its back-off.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditDb, type AuditDb } from './db';
import { AuditStore, type Actor, type NewRecord } from './audit-store';
import { NotificationStore } from './notifications';
import { startTestPostgres, type TestPostgres } from '@/test-support/postgres';

const agent: Actor = {
  oid: 'oid-n1',
  upn: 'helpdesk@contoso.com',
  name: 'Hanna Berger',
  tenant: 't',
};
const OWNER = { owner: true, manager: false };

let pg: TestPostgres;
const sqliteDir = mkdtempSync(join(tmpdir(), 'passcode-desk-notify-store-'));
beforeAll(async () => {
  pg = await startTestPostgres();
}, 60_000);
afterAll(() => {
  pg?.stop();
  rmSync(sqliteDir, { recursive: true, force: true });
});

const backends = [
  { name: 'SQLite', open: () => openAuditDb({ dataDir: sqliteDir }) },
  { name: 'PostgreSQL', open: () => openAuditDb({ dataDir: sqliteDir, databaseUrl: pg.url }) },
];

describe.each(backends)('case 26: the owner notification outbox on $name', (backend) => {
  let a: AuditDb;
  let b: AuditDb;
  let one: AuditStore;
  let two: AuditStore;
  beforeAll(async () => {
    a = await backend.open();
    b = await backend.open(); // a second instance's connection to the same database
    one = new AuditStore(a, undefined, false, OWNER);
    two = new AuditStore(b, undefined, false, OWNER);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  const base = (actionId: string): Omit<NewRecord, 'kind'> => ({
    actionId,
    actionName: 'resetPasscode',
    actionKind: 'removePasscode',
    deviceId: `dev-${actionId}`,
    ticket: 'INC-26',
    actor: { value: agent, verified: true },
  });
  const accepted = async (store: AuditStore, actionId: string) => {
    await store.record({ ...base(actionId), kind: 'outcome', outcome: 'accepted' });
  };

  it('case 26: queues one e-mail per action and event, across retries and two instances on one database', async () => {
    const id = `act-once-${backend.name}`;
    await one.record({ ...base(id), kind: 'intent' });
    await accepted(one, id);
    await accepted(two, id); // a retry, or another instance, records the same event
    expect(await one.observe({ ...base(id), actor: null, actionState: 'done' })).toBe(true);
    expect(await two.observe({ ...base(id), actor: null, actionState: 'done' })).toBe(false);
    const told = (await one.notificationsOf([id])).get(id) ?? [];
    expect(told.map((n) => `${n.event}/${n.recipient}/${n.state}`)).toEqual([
      'accepted/owner/pending',
      'done/owner/pending',
    ]);
  });

  it('case 26: two instances claiming at once never both get a row; a sent row is never claimed again', async () => {
    const id = `act-lease-${backend.name}`;
    await one.record({ ...base(id), kind: 'intent' });
    await accepted(one, id);
    const first = new NotificationStore(a);
    const second = new NotificationStore(b);
    const [x, y] = await Promise.all([
      first.claimDue([id], agent.oid, 60_000),
      second.claimDue([id], agent.oid, 60_000),
    ]);
    expect(x.length + y.length).toBe(1);
    const row = [...x, ...y][0];
    if (!row) throw new Error('nothing claimed');
    await first.sent(row.id, 'req-1');
    const later = new NotificationStore(a, () => new Date(Date.now() + 3_600_000));
    expect(await later.claimDue([id], agent.oid, 60_000)).toEqual([]);
    expect((await one.notificationsOf([id])).get(id)?.[0]).toMatchObject({
      state: 'sent',
      requestId: 'req-1',
    });
  });

  it("case 26: only the requesting agent's reads claim it; a failure waits for its back-off and keeps Graph's error", async () => {
    const id = `act-retry-${backend.name}`;
    await one.record({ ...base(id), kind: 'intent' });
    await accepted(one, id);
    const store = new NotificationStore(a);
    expect(await store.claimDue([id], 'someone-else', 60_000)).toEqual([]);
    const [row] = await store.claimDue([id], agent.oid, 60_000);
    if (!row) throw new Error('nothing claimed');
    const retryAt = new Date(Date.now() + 30_000);
    await store.failed(row.id, {
      code: 'ErrorAccessDenied',
      status: 403,
      requestId: 'req-f',
      retryAt,
    });
    expect(await store.claimDue([id], agent.oid, 60_000)).toEqual([]);
    expect((await one.notificationsOf([id])).get(id)?.[0]).toMatchObject({
      state: 'failed',
      attempts: 1,
      retryAt: retryAt.toISOString(),
      error: { code: 'ErrorAccessDenied', status: 403, requestId: 'req-f' },
    });
    const later = new NotificationStore(a, () => new Date(Date.now() + 31_000));
    expect(await later.claimDue([id], agent.oid, 60_000)).toHaveLength(1);
  });

  it('queues nothing when notifications are off, or for an attempt nobody verified', async () => {
    const off = new AuditStore(a);
    const id = `act-off-${backend.name}`;
    await off.record({ ...base(id), kind: 'intent' });
    await off.record({ ...base(id), kind: 'outcome', outcome: 'accepted' });
    const anon = `act-anon-${backend.name}`;
    await one.record({ ...base(anon), actor: null, kind: 'outcome', outcome: 'accepted' });
    const told = await one.notificationsOf([id, anon]);
    expect(told.size).toBe(0);
  });
});
