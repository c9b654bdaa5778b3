// The recoverPasscode server action against the emulator over HTTP, one test per case of security.md it
// owns (numbers in the names), plus the status tracking that settles unknown outcomes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_ACCOUNTS, TENANT_ID } from '@/emulator/constants';
import { DEFAULT_TICKET_EXAMPLE, DEFAULT_TICKET_PATTERN } from '@/lib/shared/ticket';
import { openAuditDb, type AuditDb } from '@/lib/server/audit/db';
import { AuditStore } from '@/lib/server/audit/store';
import { SCOPES, startEmulatorServer, type EmulatorServer } from '@/test-support/emulator-server';
import { allRecords } from '@/test-support/audit';
import type { RecoverResult } from '@/lib/shared/actions/types';

interface LoggedRequest { method: string; path: string; status: number; clientRequestId: string | null; at: number }
interface ControlDevice { id: string; deviceName: string; scopeTag: string; scenario: string }

let server: EmulatorServer;
let db: AuditDb;
let store: AuditStore;
let dir: string;
let recover: typeof import('./recover').recoverPasscodeOnce;
let actionStatus: typeof import('./status').actionStatus;
const env = { AUTH_TENANT_ID: TENANT_ID, TICKET_PATTERN: DEFAULT_TICKET_PATTERN, TICKET_EXAMPLE: DEFAULT_TICKET_EXAMPLE, RECOVERY_GUARD_MINUTES: 15 };
const waits: number[] = [];
const wait = async (ms: number) => {
  waits.push(ms);
  await new Promise((r) => setTimeout(r, ms));
};

beforeAll(async () => {
  server = await startEmulatorServer({ devices: 400, users: 100 }, { GRAPH_TIMEOUT_MS: '1500' });
  dir = mkdtempSync(join(tmpdir(), 'passcode-desk-recover-'));
  db = await openAuditDb({ dataDir: dir });
  store = new AuditStore(db);
  ({ recoverPasscodeOnce: recover } = await import('./recover'));
  ({ actionStatus } = await import('./status'));
});
afterAll(async () => {
  await db.close();
  server.stop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await server.control('POST', '/reset');
  waits.length = 0;
});

// The audit store (and its device guards) lives across tests, so every test takes a device of its own.
const used = new Set<string>();
const device = async (query: Record<string, string>) => {
  const { devices } = await server.control<{ devices: ControlDevice[] }>('GET', `/devices?${new URLSearchParams({ ...query, limit: '500' })}`);
  const fresh = devices.find((d) => !used.has(d.id));
  if (!fresh) throw new Error('no unused device');
  used.add(fresh.id);
  return fresh;
};
const posts = async () => (await server.control<{ entries: LoggedRequest[] }>('GET', '/requests?method=POST')).entries;
const graphCalls = async () => (await server.control<{ entries: LoggedRequest[] }>('GET', '/requests')).entries;
const helpdesk = () => server.token(DEMO_ACCOUNTS.helpdesk, [SCOPES.read, SCOPES.privileged]);
const run = (input: unknown, token: unknown) => recover(input, token, { store, env, wait });
const recordsOf = async (result: RecoverResult) => store.actionRecords('actionId' in result ? result.actionId : 'none');

describe('refused before any Graph call', () => {
  it('1: no token → refused, no Graph call, a denied attempt audited', async () => {
    const d = await device({ scenario: 'online', scopeTag: 'EMEA' });
    const result = await run({ deviceId: d.id, ticket: 'INC-1' }, undefined);
    expect(result.status).toBe('signInAgain');
    expect(await graphCalls()).toEqual([]);
    const records = await recordsOf(result);
    expect(records.map((r) => [r.kind, r.outcome, r.detail])).toEqual([['intent', null, null], ['outcome', 'refused', 'token: missing']]);
    expect(records.every((r) => r.actor_verified === 0 && r.actor_upn === null)).toBe(true);
  });

  it('2: a token for another audience → refused before any Graph call', async () => {
    const d = await device({ scenario: 'online', scopeTag: 'EMEA' });
    const token = await server.token(DEMO_ACCOUNTS.helpdesk, [SCOPES.privileged], { audience: 'api://something' });
    const result = await run({ deviceId: d.id, ticket: 'INC-2' }, token);
    expect(result.status).toBe('signInAgain');
    expect(await graphCalls()).toEqual([]);
    expect((await recordsOf(result)).at(-1)?.detail).toBe('token: wrongAudience');
  });

  it('3: an expired token → "sign in again", no Graph call', async () => {
    const d = await device({ scenario: 'online', scopeTag: 'EMEA' });
    const token = await server.token(DEMO_ACCOUNTS.helpdesk, [SCOPES.privileged], { issuedAt: Math.floor(Date.now() / 1000) - 7200, lifetimeSeconds: 3600 });
    expect((await run({ deviceId: d.id, ticket: 'INC-3' }, token)).status).toBe('signInAgain');
    expect(await graphCalls()).toEqual([]);
  });

  it('4: a token without PrivilegedOperations.All → consent is asked for, not a raw 403', async () => {
    const d = await device({ scenario: 'online', scopeTag: 'EMEA' });
    const token = await server.token(DEMO_ACCOUNTS.readOnly, [SCOPES.read]);
    expect((await run({ deviceId: d.id, ticket: 'INC-4' }, token)).status).toBe('consentRequired');
    expect(await graphCalls()).toEqual([]);
  });

  it('7: hostile device ids and shapes are refused and no fetch leaves the server', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const token = await helpdesk();
    const hostile: unknown[] = [
      '../users/x', 'id/wipe', '%2e%2e%2f%2e%2e%2fusers', '8b5e2c1a-4f7d-4e39-a6b0-3c9d1e7f5a24?$select=x', '',
      '8b5e2c1a-4f7d-4e39-a6b0-3c9d1e7f5a24a', ['8b5e2c1a-4f7d-4e39-a6b0-3c9d1e7f5a24'], { id: 'x' },
    ];
    for (const deviceId of hostile) {
      const result = await run({ deviceId, ticket: 'INC-7' }, token);
      expect(result.status, JSON.stringify(deviceId)).toBe('invalid');
      if (result.status === 'invalid') expect(result.fieldErrors.deviceId).toBeTruthy();
    }
    expect(await run({ deviceId: '8b5e2c1a-4f7d-4e39-a6b0-3c9d1e7f5a24', ticket: 'INC-7', extra: 'x' }, token)).toMatchObject({ status: 'invalid' });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(await graphCalls()).toEqual([]);
    fetchSpy.mockRestore();
  });

  it('refuses a ticket that does not match the configured format, and an over-long note', async () => {
    const d = await device({ scenario: 'online', scopeTag: 'EMEA' });
    const token = await helpdesk();
    expect(await run({ deviceId: d.id, ticket: 'call me' }, token)).toMatchObject({ status: 'invalid', fieldErrors: { ticket: expect.stringContaining('INC-12345') } });
    expect(await run({ deviceId: d.id, ticket: 'INC-1', note: 'x'.repeat(501) }, token)).toMatchObject({ status: 'invalid', fieldErrors: { note: expect.any(String) } });
    expect(await graphCalls()).toEqual([]);
  });
});

describe('the POST and its outcomes', () => {
  it('16: 204 → accepted, audited with Graph\'s request-id and our client-request-id', async () => {
    const d = await device({ scenario: 'online', scopeTag: 'EMEA' });
    const result = await run({ deviceId: d.id, ticket: 'INC-16', note: 'Locked out after update' }, await helpdesk());
    expect(result.status).toBe('accepted');
    if (result.status !== 'accepted') return;
    const [post] = await posts();
    expect(post).toMatchObject({ path: `/v1.0/deviceManagement/managedDevices/${d.id}/recoverPasscode`, status: 204, clientRequestId: result.actionId });
    const records = await store.actionRecords(result.actionId);
    expect(records.map((r) => r.kind)).toEqual(['intent', 'outcome']);
    expect(records[0]).toMatchObject({ ticket: 'INC-16', note: 'Locked out after update', device_name: d.deviceName, actor_upn: DEMO_ACCOUNTS.helpdesk, actor_name: 'Hanna Berger', actor_verified: 1, client_request_id: result.actionId });
    expect(records[1]).toMatchObject({ outcome: 'accepted', graph_request_id: result.requestId, http_status: 204 });
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('5: Graph 403 (the Intune role does not cover the device) → "not allowed for this device", audited as denied', async () => {
    const d = await device({ scenario: 'online', scopeTag: 'AMER' });
    const result = await run({ deviceId: d.id, ticket: 'INC-5' }, await helpdesk());
    expect(result).toMatchObject({ status: 'denied', failure: { reason: 'outsideScope', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
    expect(await posts()).toEqual([]);
    expect((await recordsOf(result)).at(-1)).toMatchObject({ kind: 'outcome', outcome: 'denied', http_status: 403 });
  });

  it('12: 429 → one retry after Retry-After, with the same client-request-id', async () => {
    const d = await device({ scenario: 'online', scopeTag: 'EMEA' });
    await server.control('PUT', '/faults', { rules: [{ method: 'POST', path: 'recoverPasscode$', status: 429, count: 1, retryAfterSeconds: 1.5 }] });
    const result = await run({ deviceId: d.id, ticket: 'INC-12' }, await helpdesk());
    expect(result.status).toBe('accepted');
    const sent = await posts();
    expect(sent.map((p) => p.status)).toEqual([429, 204]);
    expect(sent[0]?.clientRequestId).toBe('actionId' in result ? result.actionId : '');
    expect(sent[1]?.clientRequestId).toBe(sent[0]?.clientRequestId);
    expect((sent[1]?.at ?? 0) - (sent[0]?.at ?? 0)).toBeGreaterThanOrEqual(1500);
    expect(waits).toEqual([1500]);
    expect((await recordsOf(result)).at(-1)?.detail).toMatch(/one retry \(429, Retry-After 1.5 s\)/);
  });

  it('12: a second 429 is not retried again', async () => {
    const d = await device({ scenario: 'online', scopeTag: 'EMEA' });
    await server.control('PUT', '/faults', { rules: [{ method: 'POST', path: 'recoverPasscode$', status: 429, count: 2, retryAfterSeconds: 0.2 }] });
    const result = await run({ deviceId: d.id, ticket: 'INC-12' }, await helpdesk());
    expect(result.status).toBe('throttled');
    expect((await posts()).map((p) => p.status)).toEqual([429, 429]);
  });

  for (const status of [503, 504] as const) {
    it(`13: ${status} → no second POST, "unknown, verifying", then settled from deviceActionResults`, async () => {
      const d = await device({ scenario: 'online', scopeTag: 'EMEA' });
      // The gateway fails after Intune queued the action: the caller cannot know it was.
      await server.control('PUT', '/faults', { rules: [{ method: 'POST', path: 'recoverPasscode$', status, count: 1, afterHandling: true }] });
      const token = await helpdesk();
      const result = await run({ deviceId: d.id, ticket: 'INC-13' }, token);
      expect(result.status).toBe('unknown');
      if (result.status !== 'unknown') return;
      expect(await posts()).toHaveLength(1);
      const status1 = await actionStatus(result.actionId, token, { store, env: { ACTION_VERIFY_WINDOW_SECONDS: 120 } });
      expect(status1?.state).toBe('pending');
      await server.control('POST', '/clock', { advanceMs: 10_000 });
      const status2 = await actionStatus(result.actionId, token, { store, env: { ACTION_VERIFY_WINDOW_SECONDS: 120 } });
      expect(status2).toMatchObject({ state: 'done', terminal: true });
      expect(await posts()).toHaveLength(1);
      const records = await store.actionRecords(result.actionId);
      expect(records.map((r) => [r.kind, r.outcome ?? r.action_state])).toEqual([
        ['intent', null], ['outcome', 'unknown'], ['observation', 'pending'], ['observation', 'done'],
      ]);
    });
  }

  it('13: a timeout → no second POST, "unknown"', async () => {
    const d = await device({ scenario: 'online', scopeTag: 'EMEA' });
    await server.control('PUT', '/faults', { rules: [{ method: 'POST', path: 'recoverPasscode$', status: 504, count: 1, afterHandling: true, latencyMs: 3000 }] });
    const result = await run({ deviceId: d.id, ticket: 'INC-13' }, await helpdesk());
    expect(result).toMatchObject({ status: 'unknown', failure: { code: 'GraphTimeout' } });
    await new Promise((r) => setTimeout(r, 1700)); // let the emulator finish its slow answer
    expect(await posts()).toHaveLength(1);
  });

  it('13: an unknown fate that the device never shows becomes "not queued" after the verify window, freeing the device', async () => {
    const d = await device({ scenario: 'online', scopeTag: 'EMEA' });
    await server.control('PUT', '/faults', { rules: [{ method: 'POST', path: 'recoverPasscode$', status: 503, count: 1 }] });
    const token = await helpdesk();
    const result = await run({ deviceId: d.id, ticket: 'INC-13' }, token);
    if (result.status !== 'unknown') throw new Error(result.status);
    const later = { store, env: { ACTION_VERIFY_WINDOW_SECONDS: 120 }, now: () => Date.now() + 121_000 };
    expect(await actionStatus(result.actionId, token, { ...later, now: Date.now })).toMatchObject({ state: 'verifying', terminal: false });
    expect(await actionStatus(result.actionId, token, later)).toMatchObject({ state: 'notQueued', terminal: true });
    expect((await run({ deviceId: d.id, ticket: 'INC-14' }, token)).status).toBe('accepted');
  });

  it('15: a second agent within minutes is told who, when and which ticket; going on needs a reason, which is audited', async () => {
    const d = await device({ scenario: 'offline', scopeTag: 'EMEA' });
    const first = await run({ deviceId: d.id, ticket: 'INC-100' }, await helpdesk());
    expect(first.status).toBe('accepted');
    const admin = await server.token(DEMO_ACCOUNTS.admin, [SCOPES.read, SCOPES.privileged]);
    const second = await run({ deviceId: d.id, ticket: 'INC-200' }, admin);
    expect(second).toMatchObject({ status: 'alreadyRequested', holder: { ticket: 'INC-100', actorName: 'Hanna Berger', actorUpn: DEMO_ACCOUNTS.helpdesk } });
    expect(await posts()).toHaveLength(1);
    expect((await run({ deviceId: d.id, ticket: 'INC-200', overrideReason: 'short' }, admin)).status).toBe('invalid');
    const forced = await run({ deviceId: d.id, ticket: 'INC-200', overrideReason: 'User is on the phone and the first request never reached the device.' }, admin);
    expect(forced.status).toBe('accepted');
    expect(await posts()).toHaveLength(2);
    const records = await recordsOf(forced);
    expect(records[0]).toMatchObject({ kind: 'override', detail: 'User is on the phone and the first request never reached the device.', actor_upn: DEMO_ACCOUNTS.admin });
  });

  it('14: two simultaneous requests for one device produce exactly one Graph POST', async () => {
    const d = await device({ scenario: 'online', scopeTag: 'EMEA' });
    const token = await helpdesk();
    const results = await Promise.all([run({ deviceId: d.id, ticket: 'INC-14' }, token), run({ deviceId: d.id, ticket: 'INC-14' }, token)]);
    expect(results.map((r) => r.status).sort()).toEqual(['accepted', 'alreadyRequested']);
    expect(await posts()).toHaveLength(1);
  });

  it('17: 401 with a claims challenge → the claims go back to the browser; nothing is POSTed', async () => {
    const d = await device({ scenario: 'online', scopeTag: 'EMEA' });
    await server.control('PUT', `/users/${DEMO_ACCOUNTS.helpdesk}/claims-challenge`, { enabled: true });
    const result = await run({ deviceId: d.id, ticket: 'INC-17' }, await helpdesk());
    expect(result.status).toBe('claimsChallenge');
    if (result.status === 'claimsChallenge') expect(JSON.parse(Buffer.from(result.claims, 'base64').toString())).toHaveProperty('access_token');
    expect(await posts()).toEqual([]);
  });

  it('22: no audit record holds a token', async () => {
    const all = JSON.stringify(await allRecords(db));
    expect(all).not.toMatch(/eyJ|Bearer /);
  });
});
