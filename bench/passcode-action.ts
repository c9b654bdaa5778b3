// Benchmark of the passcode action (resetPasscode on iOS and Android, recoverPasscode on Windows 10 Mobile): (1)
// the server action's own time, from call to answer, minus the time the
// emulator spent on the Graph requests it made (its request log gives them), at the median and 95th
// percentile; (2) how many Graph requests tracking one action costs, from POST to a terminal state, with the
// browser's polling schedule, for an action that completes in 10 s, in 2 minutes, and never (first ten minutes,
// first hour, first day), and how soon after done the schedule sees a done-in-10-s action. Run with
// `npm run bench:action` (bench/support/server-only.js lets the server-only modules load).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { summary, ms } from './lib';
import { DEFAULT_TICKET_EXAMPLE, DEFAULT_TICKET_PATTERN } from '../lib/shared/ticket';
import type { PasscodeActionKind } from '../lib/shared/devices/passcode-plan';
import type { ApprovalRule } from '../lib/server/config/server-env';
import { Figures } from './support/figures';
import { SCOPES, startInProcessEmulator } from './support/in-process-emulator';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const EMULATOR_PORT = 4982;

interface Logged {
  method: string;
  path: string;
  status: number;
  durationMs: number;
  clientRequestId: string | null;
  seq: number;
}

async function main() {
  const figures = new Figures('passcode-action');
  const server = await startInProcessEmulator(EMULATOR_PORT, {
    devices: Math.max(2500, RUNS + 100),
    users: 800,
  });
  const dir = mkdtempSync(join(tmpdir(), 'passcode-desk-bench-'));
  const { openAuditDb } = await import('../lib/server/store/db');
  const { AuditStore } = await import('../lib/server/store/audit-store');
  const { RateLimits } = await import('../lib/server/store/rate-limits');
  const { VerificationStore } = await import('../lib/server/store/verifications');
  const { ApprovalStore } = await import('../lib/server/store/approvals');
  const { requestPasscodeActionOnce } =
    await import('../lib/server/actions/request-passcode-action');
  const { passcodeActionFor, PASSCODE_ACTION_SWITCHES } =
    await import('../lib/shared/devices/passcode-plan');
  const { actionStatus } = await import('../lib/server/actions/status');
  const { SharedDeviceReads } = await import('../lib/server/actions/shared-device-reads');
  const { pollInterval } = await import('../lib/browser/actions/poll-interval');
  const db = await openAuditDb({ dataDir: dir });
  const store = new AuditStore(db);
  const limits = new RateLimits(db);
  const verifications = new VerificationStore(db);
  const approvals = new ApprovalStore(db);
  const env = {
    AUTH_TENANT_ID: server.emu.ctx.tenant.tenantId,
    TICKET_PATTERN: DEFAULT_TICKET_PATTERN,
    TICKET_EXAMPLE: DEFAULT_TICKET_EXAMPLE,
    RECOVERY_GUARD_MINUTES: 15,
    PASSCODE_ACTIONS: [...PASSCODE_ACTION_SWITCHES],
    RECOVER_PASSCODE_EVERYWHERE: false,
    ACTION_RATE_LIMIT: 1000, // the benchmark is one agent running hundreds of actions
    ACTION_RESULTS_DELAY_SECONDS: 6, // the emulator shows a new action 5 s late
    // The end-to-end trust specs cover the caller policy; these run with it off, as the suite's consoles do.
    VERIFY_CALLER: 'off' as 'off' | 'record' | 'required',
    VERIFY_MAX_AGE_MINUTES: 30,
    VERIFY_REQUIRED_GROUPS: [] as string[],
    VERIFY_REQUIRED_KINDS: [] as PasscodeActionKind[],
    APPROVAL_REQUIRED: { all: false, reveal: false, kinds: [], groups: [] } as ApprovalRule,
    APPROVAL_TTL_MINUTES: 60,
  };
  /** The dialog's input for a device: its id and the action the console offers it. */
  const inputFor = (d: (typeof server.emu.ctx.tenant.devices)[number], ticket: string) => {
    const plan = passcodeActionFor(d.graph);
    if (!plan.available) throw new Error(`no passcode action for ${d.graph.deviceName}`);
    return { deviceId: d.graph.id, kind: plan.kind, ticket };
  };
  try {
    console.log(
      `passcode action benchmark (resetPasscode and recoverPasscode): ${RUNS} actions, SQLite audit store (WAL, synchronous=FULL), Node ${process.version}, ${new Date().toISOString()}`,
    );
    await server.control('PUT', '/throttling', { enabled: false });
    const token = await server.token(DEMO_ACCOUNTS.admin, [SCOPES.read, SCOPES.privileged]);
    const actionable = server.emu.ctx.tenant.devices.filter(
      (d) => d.scenario === 'online' && passcodeActionFor(d.graph).available,
    );
    const devices = actionable.slice(0, RUNS + 5);
    const byAction = new Map<string, number>();
    const totals: number[] = [];
    const own: number[] = [];
    const postTimes: number[] = [];
    for (const [i, d] of devices.entries()) {
      await server.control('DELETE', '/requests');
      const started = performance.now();
      const result = await requestPasscodeActionOnce(inputFor(d, `INC-${i + 1}`), token, {
        store,
        limits,
        verifications,
        approvals,
        env,
      });
      const total = performance.now() - started;
      if (result.status !== 'accepted') throw new Error(`action ${i}: ${result.status}`);
      if (i < 5) continue; // warm-up
      const { entries } = await server.control<{ entries: Logged[] }>('GET', '/requests');
      const graphMs = entries.reduce((n, e) => n + e.durationMs, 0);
      const post = entries.find((e) => e.method === 'POST');
      const action = post?.path.split('/').at(-1) ?? 'none';
      byAction.set(action, (byAction.get(action) ?? 0) + 1);
      totals.push(total);
      own.push(total - graphMs);
      postTimes.push(post?.durationMs ?? 0);
    }
    const t = summary(totals);
    const o = summary(own);
    const p = summary(postTimes);
    console.log(
      `server action, call to answer: median ${ms(t.median)}, p95 ${ms(t.p95)} (${t.n} actions: ${[...byAction].map(([a, n]) => `${n} ${a}`).join(', ')})`,
    );
    console.log(`  of which the emulator's POST: median ${ms(p.median)}, p95 ${ms(p.p95)}`);
    console.log(
      `  the action's own time (total minus the emulator's time for its GET and POST): median ${ms(o.median)}, p95 ${ms(o.p95)}`,
    );
    figures.push({
      id: 'action.server.total',
      label: `Server action in-process, call to answer, median (${t.n} actions, SQLite audit)`,
      value: t.median,
      unit: 'ms',
      detail: `p95 ${ms(t.p95)}; own time (minus the emulator's GET and POST) median ${ms(o.median)}, p95 ${ms(o.p95)}; ${[...byAction].map(([a, n]) => `${n} ${a}`).join(', ')}`,
    });

    // Tracking cost, on the emulator's clock, with the browser's schedule (pollInterval).
    await server.control('POST', '/clock', { freeze: true });
    const scenarios: {
      id: string;
      label: string;
      timings?: { pickupMs: number; completeMs: number };
      scenario: 'online' | 'offline';
      horizonMs: number;
    }[] = [
      {
        id: 'tracking.done10s',
        label: 'completes in 10 s',
        timings: { pickupMs: 4000, completeMs: 6000 },
        scenario: 'online',
        horizonMs: 600_000,
      },
      {
        id: 'tracking.done2min',
        label: 'completes in 2 min',
        timings: { pickupMs: 60_000, completeMs: 60_000 },
        scenario: 'online',
        horizonMs: 600_000,
      },
      {
        id: 'tracking.never10min',
        label: 'never (offline device), first 10 minutes',
        scenario: 'offline',
        horizonMs: 600_000,
      },
      {
        id: 'tracking.never1h',
        label: 'never (offline device), first hour',
        scenario: 'offline',
        horizonMs: 3_600_000,
      },
      {
        id: 'tracking.never24h',
        label: 'never (offline device), first 24 hours',
        scenario: 'offline',
        horizonMs: 86_400_000,
      },
    ];
    // Tracking an Android reset: the action whose done state also offers a passcode.
    const spare = actionable.filter(
      (d) => d.mode === 'androidFullyManaged' && !devices.includes(d),
    );
    for (const [i, s] of scenarios.entries()) {
      const device = spare[i];
      if (!device) throw new Error('no spare device');
      if (s.timings) await server.control('PUT', '/timings', s.timings);
      await server.control('PUT', `/devices/${device.graph.id}/scenario`, { scenario: s.scenario });
      const fresh = await server.token(DEMO_ACCOUNTS.admin, [SCOPES.read, SCOPES.privileged], {
        lifetimeSeconds: 86_400 * 2,
      });
      const result = await requestPasscodeActionOnce(inputFor(device, `INC-9${i}`), fresh, {
        store,
        limits,
        verifications,
        approvals,
        env,
      });
      if (result.status !== 'accepted') throw new Error(result.status);
      await server.control('DELETE', '/requests');
      const requestedAt = Date.parse(result.requestedAt);
      let elapsed = 0;
      let polls = 0;
      let state = 'pending';
      // The console's shared device reads reuse an answer for a few seconds of real time; here time is the
      // emulator's, so they get the same simulated clock (a cache on Date.now would answer every poll from the first).
      const deps = {
        store,
        verifications,
        env: { ACTION_VERIFY_WINDOW_SECONDS: 120, RECOVERY_GUARD_MINUTES: 15 },
        now: () => requestedAt + elapsed,
        reads: new SharedDeviceReads(undefined, () => requestedAt + elapsed),
      };
      let status = await actionStatus(result.actionId, fresh, deps);
      polls++;
      while (status && !status.terminal) {
        const wait = pollInterval(status, requestedAt + elapsed);
        if (wait === false || elapsed + wait > s.horizonMs) break;
        elapsed += wait;
        await server.control('POST', '/clock', { advanceMs: wait });
        status = await actionStatus(result.actionId, fresh, deps);
        polls++;
        state = status?.state ?? 'gone';
      }
      const { entries } = await server.control<{ entries: Logged[] }>('GET', '/requests');
      // When the device was done (emulator time, from the POST), and how long after it the poll that saw it ran.
      const doneAfterMs = s.timings ? s.timings.pickupMs + s.timings.completeMs : null;
      const seenAfterDone =
        doneAfterMs !== null && state === 'done' ? (elapsed - doneAfterMs) / 1000 : null;
      console.log(
        `tracking, action that ${s.label}: ${entries.length} Graph requests (${polls} polls over ${Math.round(elapsed / 1000)} s of emulator time), final state ${state}${seenAfterDone !== null ? `, seen ${seenAfterDone.toFixed(1)} s after done` : ''}`,
      );
      figures.push({
        id: `${s.id}.requests`,
        label: `Graph requests tracking an action that ${s.label}`,
        value: entries.length,
        unit: 'count',
        detail: `${polls} polls over ${Math.round(elapsed / 1000)} s of emulator time, final state ${state}`,
      });
      if (s.id === 'tracking.done10s') {
        figures.push({
          id: 'tracking.done10s.seenAfter',
          label: 'Done-in-10-s action: seen by the poll schedule after done',
          value: seenAfterDone,
          unit: 's',
          detail: `poll schedule 3, 6, 10, 15 … s after the request; Graph shows a new action after ${5} s (emulator default)`,
        });
      }
    }
  } finally {
    await db.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
