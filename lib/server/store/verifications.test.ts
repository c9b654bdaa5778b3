// Caller verifications on both databases: written as the server recorded them, found for the policy's question
// (this agent, this user, recently) in any letter case, and never changed or removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openAuditDb, type AuditDb } from './db';
import type { Actor } from './audit-store';
import { VerificationStore } from './verifications';
import { startTestPostgres, type TestPostgres } from '@/test-support/postgres';

const agent: Actor = {
  oid: 'AAAA-1',
  upn: 'helpdesk@contoso.com',
  name: 'Hanna Berger',
  tenant: 'T',
};
const subject = { id: 'User-1', upn: 'megan@contoso.com', name: 'Megan Bowen' };

let pg: TestPostgres;
const dir = mkdtempSync(join(tmpdir(), 'passcode-desk-verifications-'));
beforeAll(async () => {
  pg = await startTestPostgres();
}, 60_000);
afterAll(() => {
  pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  { name: 'SQLite', open: () => openAuditDb({ dataDir: dir }) },
  { name: 'PostgreSQL', open: () => openAuditDb({ dataDir: dir, databaseUrl: pg.url }) },
])('verification store on $name', ({ open }) => {
  let db: AuditDb;
  let clock = new Date('2026-12-02T10:00:00.000Z');
  let store: VerificationStore;
  beforeAll(async () => {
    db = await open();
    store = new VerificationStore(db, () => clock);
  });
  afterAll(async () => {
    await db.close();
  });

  it('records a call-back with the last digits only and reads it back by id in any letter case', async () => {
    const v = await store.record({
      agent,
      subject,
      deviceId: 'ABCDEF00-0000-0000-0000-000000000001',
      evidence: {
        method: 'callBack',
        phoneLast: '4567',
        phoneSource: 'mobilePhone',
        phoneType: null,
      },
      verified: true,
    });
    expect(v).toMatchObject({
      method: 'callBack',
      verified: true,
      subject: { id: 'user-1', upn: 'megan@contoso.com' },
      deviceId: 'abcdef00-0000-0000-0000-000000000001',
      agent: { oid: 'aaaa-1' },
    });
    expect(await store.get(v.id.toUpperCase())).toEqual(v);
    expect((await store.many([v.id, v.id.toUpperCase()])).size).toBe(1);
  });

  it("answers the policy's question: this agent's verifications of this user within the window only", async () => {
    clock = new Date('2026-12-02T11:00:00.000Z');
    const recent = await store.record({
      agent,
      subject,
      deviceId: null,
      evidence: { method: 'notVerified', reason: 'caller could not be reached' },
      verified: false,
    });
    await store.record({
      agent: { ...agent, oid: 'other-agent' },
      subject,
      deviceId: null,
      evidence: { method: 'inPerson', idType: 'passport', statement: 'at the desk' },
      verified: true,
    });
    const found = await store.recentFor('aaaa-1', 'USER-1', new Date('2026-12-02T10:30:00.000Z'));
    expect(found.map((v) => v.id)).toEqual([recent.id]);
    expect(await store.recentFor('aaaa-1', 'user-2', new Date(0))).toEqual([]);
  });

  it('refuses to change or remove a verification record', async () => {
    await expect(sql`UPDATE caller_verifications SET verified = 1`.execute(db.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM caller_verifications`.execute(db.db)).rejects.toThrow(
      /append-only/,
    );
  });
});
