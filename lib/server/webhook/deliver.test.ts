// The ticket webhook against a real local receiver: signed, retried with back-off from the durable outbox while the
// receiver is down, and every event accepted exactly once by event id, even with two instances delivering.
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditDb, type AuditDb } from '@/lib/server/store/db';
import { Outbox } from '@/lib/server/store/outbox';
import { AuditStore, type Actor } from '@/lib/server/store/audit-store';
import {
  deliverDue,
  retryDelayMs,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  EVENT_ID_HEADER,
} from './deliver';

const SECRET = 'a-webhook-secret-of-at-least-32-characters';
const agent: Actor = {
  oid: 'oid-1',
  upn: 'helpdesk@contoso.com',
  name: 'Hanna Berger',
  tenant: 't',
};

interface Received {
  eventId: string;
  body: string;
  signatureOk: boolean;
  answered: number;
}

let dir: string;
let db: AuditDb;
let receiver: Server;
let url: string;
const received: Received[] = [];
let failuresLeft = 2;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'passcode-desk-webhook-'));
  db = await openAuditDb({ dataDir: dir });
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers[TIMESTAMP_HEADER] ?? '');
      const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`;
      const answered = failuresLeft > 0 ? 503 : 200;
      if (failuresLeft > 0) failuresLeft--;
      received.push({
        eventId: String(req.headers[EVENT_ID_HEADER] ?? ''),
        body,
        signatureOk: req.headers[SIGNATURE_HEADER] === expected,
        answered,
      });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const address = receiver.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hooks/passcode-desk`;
});
afterAll(async () => {
  receiver.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the ticket webhook', () => {
  it('a receiver that fails twice, then accepts, gets every event exactly once by event id, signed, without a passcode', async () => {
    let now = Date.parse('2030-01-01T10:00:00Z');
    const clock = () => new Date(now);
    const store = new AuditStore(db, clock, true);
    for (const [i, state] of ['pending', 'done'].entries()) {
      const base = {
        actionId: `hook-${i}`,
        actionName: 'resetPasscode',
        actionKind: 'resetDevicePasscode',
        deviceId: `d-${i}`,
        ticket: `INC-${i}`,
        actor: { value: agent, verified: true },
      };
      await store.record({ ...base, kind: 'intent' });
      await store.record({
        ...base,
        kind: 'outcome',
        outcome: 'accepted',
        graphRequestId: `req-${i}`,
      });
      await store.observe({ ...base, actionState: state });
    }
    const target = { url, secret: SECRET, firstRetryMs: 10_000 };
    // Two instances deliver from the same outbox at the same moments.
    const instances = [new Outbox(db, clock), new Outbox(db, clock)];
    for (let round = 0; round < 12; round++) {
      await Promise.all(
        instances.map((o) => deliverDue(o, target, { now: clock, random: () => 0.5 })),
      );
      now += 15_000;
    }
    const accepted = received.filter((r) => r.answered === 200);
    const ids = accepted.map((r) => r.eventId);
    expect(received.filter((r) => r.answered === 503)).toHaveLength(2);
    expect(ids).toHaveLength(4); // two actions, an outcome and an observed state each
    expect(new Set(ids).size).toBe(4);
    expect(received.every((r) => r.signatureOk)).toBe(true);
    const events = accepted.map(
      (r) => JSON.parse(r.body) as { eventId: string; state: string; actionId: string },
    );
    expect(events.map((e) => e.eventId)).toEqual(ids);
    expect(events.map((e) => `${e.actionId}:${e.state}`).sort()).toEqual([
      'hook-0:accepted',
      'hook-0:pending',
      'hook-1:accepted',
      'hook-1:done',
    ]);
    expect(received.map((r) => r.body).join('')).not.toMatch(/passcode"\s*:/);
    expect(await instances[0]!.pending()).toBe(0);
  });

  it('backs off exponentially with jitter, up to an hour', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, 10_000, () => 0.5))).toEqual([
      10_000, 20_000, 40_000,
    ]);
    expect(retryDelayMs(30, 10_000, () => 1)).toBe(Math.round(3_600_000 * 1.2));
    expect(retryDelayMs(1, 10_000, () => 0)).toBe(8_000);
  });
});
