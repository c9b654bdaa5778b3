// The passcode action when the console's own database fails, against the emulator over HTTP: a store that fails
// before the POST is answered "nothing was sent" (and Graph sees no POST); one that fails after Graph answered is
// answered with what Graph said (accepted with its request-id, unknown, refused) and logged at error level without
// the token; anything that is not the store's failure still throws.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_ACCOUNTS, TENANT_ID } from '@/emulator/constants';
import { logger } from '@/lib/server/log/logger';
import { openAuditDb, type AuditDb } from '@/lib/server/store/db';
import { AuditStore, type NewRecord } from '@/lib/server/store/audit-store';
import { storeFailure } from '@/lib/server/store/database-errors';
import { RateLimits } from '@/lib/server/store/rate-limits';
import { VerificationStore } from '@/lib/server/store/verifications';
import { ApprovalStore } from '@/lib/server/store/approvals';
import type { ApprovalRule } from '@/lib/server/config/server-env';
import {
  PASSCODE_ACTION_SWITCHES,
  type PasscodeActionKind,
} from '@/lib/shared/devices/passcode-plan';
import { DEFAULT_TICKET_EXAMPLE, DEFAULT_TICKET_PATTERN } from '@/lib/shared/ticket';
import { SCOPES, startEmulatorServer, type EmulatorServer } from '@/test-support/emulator-server';
import type { PasscodeActionDeps } from './request-passcode-action';

interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}

let server: EmulatorServer;
let db: AuditDb;
let store: AuditStore;
let limits: RateLimits;
let dir: string;
let requestOrExplain: typeof import('./store-failure-answer').requestPasscodeActionOrExplain;
const env = {
  AUTH_TENANT_ID: TENANT_ID,
  TICKET_PATTERN: DEFAULT_TICKET_PATTERN,
  TICKET_EXAMPLE: DEFAULT_TICKET_EXAMPLE,
  RECOVERY_GUARD_MINUTES: 15,
  PASSCODE_ACTIONS: [...PASSCODE_ACTION_SWITCHES],
  RECOVER_PASSCODE_EVERYWHERE: false,
  ACTION_RATE_LIMIT: 1000,
  ACTION_RESULTS_DELAY_SECONDS: 6, // the emulator shows a new action 5 s late
  // The end-to-end trust specs cover the caller policy; these run with it off, as the suite's consoles do.
  VERIFY_CALLER: 'off' as 'off' | 'record' | 'required',
  VERIFY_MAX_AGE_MINUTES: 30,
  VERIFY_REQUIRED_GROUPS: [] as string[],
  VERIFY_REQUIRED_KINDS: [] as PasscodeActionKind[],
  APPROVAL_REQUIRED: { all: false, reveal: false, kinds: [], groups: [] } as ApprovalRule,
  APPROVAL_TTL_MINUTES: 60,
};

beforeAll(async () => {
  server = await startEmulatorServer({ devices: 300, users: 80 }, { GRAPH_TIMEOUT_MS: '1500' });
  dir = mkdtempSync(join(tmpdir(), 'passcode-desk-store-failure-'));
  db = await openAuditDb({ dataDir: dir });
  store = new AuditStore(db);
  limits = new RateLimits(db);
  ({ requestPasscodeActionOrExplain: requestOrExplain } = await import('./store-failure-answer'));
});
afterAll(async () => {
  await db.close();
  server.stop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await server.control('POST', '/reset');
  vi.restoreAllMocks();
});

/** PostgreSQL gone: what pg rejects a query with. */
const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

/** `target`, whose method `name` fails as a database that went away does, when `when` says so. */
function failing<T extends object>(
  target: T,
  name: keyof T,
  when: (...args: unknown[]) => boolean = () => true,
): T {
  return new Proxy(target, {
    get(obj, prop) {
      const value: unknown = Reflect.get(obj, prop, obj);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown =>
        prop === name && when(...args)
          ? Promise.reject(refused())
          : (Reflect.apply(value, obj, args) as unknown);
    },
  });
}

const used = new Set<string>();
async function iPhone(): Promise<{ id: string }> {
  const { devices } = await server.control<{ devices: { id: string }[] }>(
    'GET',
    '/devices?mode=iosAutomatedEnrollment&scenario=online&scopeTag=EMEA&limit=300',
  );
  const fresh = devices.find((d) => !used.has(d.id));
  if (!fresh) throw new Error('no unused device');
  used.add(fresh.id);
  return fresh;
}
const input = (d: { id: string }, ticket: string) => ({
  deviceId: d.id,
  kind: 'removePasscode',
  ticket,
});
const posts = async () =>
  (await server.control<{ entries: LoggedRequest[] }>('GET', '/requests?method=POST')).entries;
const token = (upn: string = DEMO_ACCOUNTS.helpdesk) =>
  server.token(upn, [SCOPES.read, SCOPES.privileged]);
const deps =
  (overrides: Partial<PasscodeActionDeps> = {}) =>
  async (): Promise<PasscodeActionDeps> => ({
    store,
    limits,
    verifications: new VerificationStore(db),
    approvals: new ApprovalStore(db),
    env,
    ...overrides,
  });
const isOutcome = (status: string) => (r: unknown) =>
  (r as NewRecord).kind === 'outcome' && (r as NewRecord).outcome === status;

describe('the database fails before the POST: nothing was sent, and the agent is told so', () => {
  it('the store cannot even be opened', async () => {
    const d = await iPhone();
    const result = await requestOrExplain(input(d, 'INC-9101'), await token(), async () => {
      throw storeFailure(refused());
    });
    expect(result).toEqual({ status: 'storeUnavailable', sent: 'nothing' });
    expect(await posts()).toEqual([]);
  });

  it('the per-agent limit cannot be counted', async () => {
    const d = await iPhone();
    const warn = vi.spyOn(logger, 'warn');
    const result = await requestOrExplain(
      input(d, 'INC-9102'),
      await token(),
      deps({ limits: failing(limits, 'hit') }),
    );
    expect(result).toEqual({ status: 'storeUnavailable', sent: 'nothing' });
    expect(await posts()).toEqual([]);
    expect(warn).toHaveBeenCalledWith(
      { source: 'audit-db', code: 'ECONNREFUSED', error: 'connect ECONNREFUSED 127.0.0.1:5432' },
      expect.stringContaining('nothing was sent to Graph'),
    );
  });

  it('the intent cannot be written after the device was claimed: the claim is let go, so a retry goes through', async () => {
    const d = await iPhone();
    const result = await requestOrExplain(
      input(d, 'INC-9103'),
      await token(),
      deps({ store: failing(store, 'record', (r) => (r as NewRecord).kind === 'intent') }),
    );
    expect(result).toEqual({ status: 'storeUnavailable', sent: 'nothing' });
    expect(await posts()).toEqual([]);
    await expect.poll(async () => (await store.heldGuards([d.id])).size).toBe(0);
    const retry = await requestOrExplain(input(d, 'INC-9103'), await token(), deps());
    expect(retry.status).toBe('accepted');
    expect(await posts()).toHaveLength(1);
  });
});

describe('the database fails after Graph answered: what Graph said stands, and the gap is logged', () => {
  it('accepted: the agent gets Graph’s request-id; the error log names the action, never the token', async () => {
    const d = await iPhone();
    const bearer = await token();
    const error = vi.spyOn(logger, 'error');
    const result = await requestOrExplain(
      input(d, 'INC-9104'),
      bearer,
      deps({ store: failing(store, 'record', isOutcome('accepted')) }),
    );
    expect(result).toMatchObject({
      status: 'storeUnavailable',
      sent: 'accepted',
      kind: 'removePasscode',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const sent = await posts();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.status).toBe(204);
    if (result.status !== 'storeUnavailable' || result.sent === 'nothing') throw new Error('');
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[0]).toMatchObject({
      source: 'audit-db',
      code: 'ECONNREFUSED',
      actionId: result.actionId,
      graphRequestId: result.requestId,
      sent: 'accepted',
    });
    expect(JSON.stringify(error.mock.calls)).not.toContain(bearer);
    expect(JSON.stringify(result)).not.toContain(bearer);
  });

  it('a 500 from Graph (unknown fate) whose record cannot be written: unknownFate, never "nothing sent"', async () => {
    const d = await iPhone();
    await server.control('PUT', '/faults', {
      rules: [{ method: 'POST', path: 'resetPasscode$', status: 500, count: 1 }],
    });
    const result = await requestOrExplain(
      input(d, 'INC-9105'),
      await token(),
      deps({ store: failing(store, 'record', isOutcome('unknown')) }),
    );
    expect(result).toMatchObject({ status: 'storeUnavailable', sent: 'unknownFate' });
    expect(await posts()).toHaveLength(1);
  });

  it('Intune refused it (403) and the refusal cannot be written: refused', async () => {
    const d = await iPhone();
    const result = await requestOrExplain(
      input(d, 'INC-9106'),
      await token(DEMO_ACCOUNTS.viewer),
      deps({ store: failing(store, 'record', isOutcome('denied')) }),
    );
    expect(result).toMatchObject({ status: 'storeUnavailable', sent: 'refused' });
    expect((await posts()).map((p) => p.status)).toEqual([403]);
  });
});

it('a failure that is not the database’s is still thrown, not dressed up as one', async () => {
  const d = await iPhone();
  await expect(
    requestOrExplain(input(d, 'INC-9107'), await token(), deps(), async () => {
      throw new TypeError('a bug');
    }),
  ).rejects.toThrow('a bug');
});
