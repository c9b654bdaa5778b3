// The passcode action under Graph throttling, against the emulator over HTTP: 429 with Retry-After 1 s on 30 % of
// all Graph requests, several agents at once. Every 429 closes the console's shared throttle gate for a second;
// an action must wait that out within its budget, never fail because of it. Prints how the actions ended.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, TENANT_ID } from '@/emulator/constants';
import { openAuditDb, type AuditDb } from '@/lib/server/store/db';
import { RateLimits } from '@/lib/server/store/rate-limits';
import { AuditStore } from '@/lib/server/store/audit-store';
import type { PasscodeActionResult } from '@/lib/shared/actions/types';
import { VerificationStore } from '@/lib/server/store/verifications';
import { ApprovalStore } from '@/lib/server/store/approvals';
import type { ApprovalRule } from '@/lib/server/config/server-env';
import {
  PASSCODE_ACTION_SWITCHES,
  passcodeActionFor,
  type PasscodeActionKind,
} from '@/lib/shared/devices/passcode-plan';
import { DEFAULT_TICKET_EXAMPLE, DEFAULT_TICKET_PATTERN } from '@/lib/shared/ticket';
import { SCOPES, startEmulatorServer, type EmulatorServer } from '@/test-support/emulator-server';

const ACTIONS = 40;
const AGENTS_AT_ONCE = 8;

let server: EmulatorServer;
let db: AuditDb;
let dir: string;
let request: typeof import('./request-passcode-action').requestPasscodeActionOnce;

beforeAll(async () => {
  server = await startEmulatorServer({ devices: 400, users: 100 });
  dir = mkdtempSync(join(tmpdir(), 'passcode-desk-soak-'));
  db = await openAuditDb({ dataDir: dir });
  ({ requestPasscodeActionOnce: request } = await import('./request-passcode-action'));
});
afterAll(async () => {
  await db.close();
  server.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Ended {
  status: PasscodeActionResult['status'];
  code: string | null;
}

describe('a throttling soak: 429 (Retry-After 1 s) on 30 % of Graph requests', () => {
  it(`${ACTIONS} passcode actions, ${AGENTS_AT_ONCE} at a time: none fails because the console's gate was closed for a second`, async () => {
    const store = new AuditStore(db);
    const limits = new RateLimits(db);
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
    const token = await server.token(DEMO_ACCOUNTS.admin, [SCOPES.read, SCOPES.privileged]);
    const devices = server.emu.ctx.tenant.devices
      .filter((d) => d.scenario === 'online' && passcodeActionFor(d.graph).available)
      .slice(0, ACTIONS);
    expect(devices).toHaveLength(ACTIONS);
    await server.control('PUT', '/faults', { rate: 0.3, rateStatuses: [429] });

    const ended: Ended[] = [];
    const results = new Map<string, string>();
    const queue = devices.entries();
    const agent = async () => {
      for (const [i, d] of queue) {
        const plan = passcodeActionFor(d.graph);
        if (!plan.available) continue;
        const result = await request(
          { deviceId: d.graph.id, kind: plan.kind, ticket: `INC-${i + 1}` },
          token,
          {
            store,
            limits,
            verifications: new VerificationStore(db),
            approvals: new ApprovalStore(db),
            env,
          },
        );
        results.set(d.graph.id, result.status);
        ended.push({
          status: result.status,
          code: 'failure' in result ? result.failure.code : null,
        });
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: AGENTS_AT_ONCE }, agent));
    const seconds = (performance.now() - started) / 1000;

    const { entries } = await server.control<{
      entries: { method: string; path: string; status: number }[];
    }>('GET', '/requests');
    const posts = entries.filter((e) => e.method === 'POST');
    const tally = new Map<string, number>();
    for (const e of ended) {
      const key = e.code ? `${e.status} (${e.code})` : e.status;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    console.log(
      `throttling soak: ${ACTIONS} actions, ${AGENTS_AT_ONCE} at a time, ${seconds.toFixed(1)} s: ${[
        ...tally,
      ]
        .map(([k, n]) => `${n} ${k}`)
        .join(
          ', ',
        )}; Graph saw ${entries.length} requests, ${entries.filter((e) => e.status === 429).length} answered 429, ${posts.length} POSTs (${posts.filter((e) => e.status === 429).length} answered 429)`,
    );
    expect(ended).toHaveLength(ACTIONS);
    // Exactly once: Graph queued at most one action per device (its random 429s come before handling), one for
    // each accepted request; a POST Graph answered 429 was sent again at most once (after the device was seen
    // without it), and an action is "unknown" only where Graph's last answer to its POST was a 429.
    for (const d of devices) {
      const mine = posts.filter((p) => p.path.split('/').at(-2) === d.graph.id);
      expect(mine.length).toBeLessThanOrEqual(2);
      const queued = await server.control<{ actions: unknown[] }>(
        'GET',
        `/actions?deviceId=${d.graph.id}`,
      );
      const outcome = results.get(d.graph.id);
      expect(queued.actions).toHaveLength(outcome === 'accepted' ? 1 : 0);
      if (outcome === 'unknown') expect(mine.at(-1)?.status).toBe(429);
    }
    // The gate's own refusal never reaches the agent when the wait fits the action's budget; nor does a read Graph
    // answered 429 (a GET is safe to send again).
    expect(ended.filter((e) => e.code === 'graphWaiting')).toEqual([]);
    expect(ended.filter((e) => e.status === 'failed' || e.status === 'throttled')).toEqual([]);
  }, 180_000);
});
