// Load: 50 agents (distinct emulator users) searching, opening devices and tracking their actions, plus 100
// passcode actions a minute, for 2 minutes, over HTTP against the standalone console and the emulator (5,000
// devices, Intune's throttling on, no injected fault). What an agent's browser would send, without a browser:
// - each agent: its tray (GET /api/actions), then a search (GET /api/devices?q=… by UPN, serial or name prefix),
//   1–3 s of thought, a device page (GET /api/devices/{id} and GET /api/actions?deviceId=…, together), 1–3 s,
//   and again; every action it requested is tracked (GET /api/actions/{id}) on the browser's poll schedule
//   (lib/browser/actions/poll-interval.ts), after its tray is refreshed;
// - the actions: one every 600 ms, round robin over the agents, each on its own device, posted to the server
//   action over HTTP exactly as the browser posts it (bench/support/server-action.ts).
// Reported: p50/p95/p99 per route, 5xx answers, the audit trail counted afterwards (one intent and one outcome per
// action), Graph writes (POSTs at the emulator) in the busiest 20 s, and the console's peak resident set (VmHWM).
// The seeded users get the helpdesk agent's consent and Intune role from bench/support/emulator-with-agents.ts.
// Needs `npm run build`; run with `npm run bench:load`.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pollInterval } from '../lib/browser/actions/poll-interval';
import type { ActionStatus } from '../lib/shared/actions/types';
import { signInOverHttp, startEmulator, summary } from './lib';
import { countAudit } from './support/audit-db';
import { startConsole } from './support/console-server';
import { emulatorControl, type ControlledDevice } from './support/emulator-control';
import { Figures, fmt } from './support/figures';
import { cpuSecondsOf, memoryOf, workerOf } from './support/procfs';
import {
  passcodeActionId,
  postPasscodeAction,
  recordInPersonVerification,
  verificationActionId,
  type PostedAction,
} from './support/server-action';

const EMULATOR_PORT = 4987;
const CONSOLE_PORT = 3988;
const AGENTS = Number(process.env.BENCH_AGENTS ?? 50);
const DURATION_MS = Number(process.env.BENCH_LOAD_MS ?? 120_000);
const ACTIONS_PER_MINUTE = 100;
const DEVICES = 5000;
const GRAPH_WRITE_WINDOW_MS = 20_000;
const SCOPE = [
  'DeviceManagementManagedDevices.Read.All',
  'DeviceManagementManagedDevices.PrivilegedOperations.All',
]
  .map((s) => `https://graph.microsoft.com/${s}`)
  .join(' ');
const KIND_OF_MODE: Record<string, string> = {
  iosAutomatedEnrollment: 'removePasscode',
  androidFullyManaged: 'resetDevicePasscode',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const think = () => sleep(1000 + Math.random() * 2000);
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

/** Latencies and answers per route, as the agents saw them. */
class Recorder {
  readonly ms = new Map<string, number[]>();
  readonly statuses = new Map<string, Map<number, number>>();
  networkErrors = 0;

  add(route: string, status: number, ms: number): void {
    const samples = this.ms.get(route) ?? [];
    samples.push(ms);
    this.ms.set(route, samples);
    const s = this.statuses.get(route) ?? new Map<number, number>();
    s.set(status, (s.get(status) ?? 0) + 1);
    this.statuses.set(route, s);
  }

  count(pred: (status: number) => boolean): number {
    let n = 0;
    for (const s of this.statuses.values()) for (const [status, c] of s) if (pred(status)) n += c;
    return n;
  }
}

async function main() {
  const figures = new Figures('load');
  const agentsFile = join(
    mkdtempSync(join(tmpdir(), 'passcode-desk-bench-agents-')),
    'agents.json',
  );
  const emu = await startEmulator(EMULATOR_PORT, ['--devices', String(DEVICES)], {
    script: 'bench/support/emulator-with-agents.ts',
    env: { BENCH_AGENTS: String(AGENTS), BENCH_AGENTS_FILE: agentsFile },
  });
  const control = emulatorControl(emu.origin);
  const app = await startConsole({
    port: CONSOLE_PORT,
    emulatorOrigin: emu.origin,
    emulatorPort: EMULATOR_PORT,
  });
  const origin = `http://localhost:${CONSOLE_PORT}`;
  const rec = new Recorder();
  try {
    const upns = JSON.parse(readFileSync(agentsFile, 'utf8')) as string[];
    const agents = await Promise.all(
      upns.map(async (upn) => ({
        upn,
        token: (await signInOverHttp(emu.origin, upn, SCOPE)).access_token,
      })),
    );
    const visible = await control.devices({ scopeTag: 'EMEA', limit: '1000' });
    const actionable: ControlledDevice[] = [];
    for (const mode of Object.keys(KIND_OF_MODE))
      actionable.push(
        ...(await control.devices({ scopeTag: 'EMEA', scenario: 'online', mode, limit: '1000' })),
      );
    const actionsWanted = Math.round((ACTIONS_PER_MINUTE * DURATION_MS) / 60_000);
    if (actionable.length < actionsWanted)
      throw new Error(`only ${actionable.length} devices to act on`);
    const queries = visible
      .flatMap((d) => [d.userPrincipalName, d.serialNumber, d.deviceName.slice(0, 3)])
      .filter((q) => q.trim().length >= 2);
    const actionId = passcodeActionId();
    const verificationId = verificationActionId();
    figures.note(
      `${agents.length} agents (seeded EMEA users given the helpdesk agent's consent and Intune role by bench/support/emulator-with-agents.ts: the control API cannot grant them); ${DEVICES} devices; Intune throttling on; think time 1–3 s`,
    );
    await control.clearRequests();

    const emulatorPid = workerOf(emu.process.pid ?? -1);
    const cpuBefore = {
      console: cpuSecondsOf(app.pid) ?? 0,
      emulator: cpuSecondsOf(emulatorPid) ?? 0,
      generator: process.cpuUsage(),
    };
    const started = Date.now();
    const deadline = started + DURATION_MS;
    const get = async (token: string, route: string, path: string): Promise<unknown> => {
      const t0 = performance.now();
      try {
        const res = await fetch(`${origin}${path}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = await res.text();
        rec.add(route, res.status, performance.now() - t0);
        return res.ok ? (JSON.parse(body) as unknown) : null;
      } catch {
        rec.networkErrors++;
        return null;
      }
    };

    const tracking: Promise<void>[] = [];
    /** What the tray does for a new action: refresh the list, then poll the action until it ends (or the run does). */
    const track = async (token: string, id: string) => {
      await get(token, 'GET /api/actions', '/api/actions');
      let status = (await get(
        token,
        'GET /api/actions/[id]',
        `/api/actions/${id}`,
      )) as ActionStatus | null;
      for (;;) {
        const wait = pollInterval(status ?? undefined);
        if (wait === false || Date.now() + wait > deadline) return;
        await sleep(wait);
        status = (await get(
          token,
          'GET /api/actions/[id]',
          `/api/actions/${id}`,
        )) as ActionStatus | null;
      }
    };

    const agentLoop = async (a: { token: string }) => {
      await sleep(Math.random() * 2000); // agents do not all start in the same millisecond
      await get(a.token, 'GET /api/actions', '/api/actions');
      while (Date.now() < deadline) {
        await get(
          a.token,
          'GET /api/devices',
          `/api/devices?q=${encodeURIComponent(pick(queries))}`,
        );
        await think();
        const d = pick(visible);
        await Promise.all([
          get(a.token, 'GET /api/devices/[id]', `/api/devices/${d.id}`),
          get(a.token, 'GET /api/actions?deviceId', `/api/actions?deviceId=${d.id}`),
        ]);
        await think();
      }
    };

    const posted: PostedAction[] = [];
    const actionLoop = async () => {
      const every = 60_000 / ACTIONS_PER_MINUTE;
      for (let i = 0; i < actionsWanted; i++) {
        const due = started + i * every;
        if (due > Date.now()) await sleep(due - Date.now());
        const a = agents[i % agents.length];
        const d = actionable[i];
        if (!a || !d) break;
        // Not awaited: an agent's slow answer must not hold back the next agent's action. As at the desk, the caller's
        // verification is recorded first (the console's default policy, "record", refuses an action without one).
        tracking.push(
          recordInPersonVerification(origin, verificationId, d.id, a.token)
            .then((v) => {
              rec.add('POST / (record verification)', v.httpStatus, v.ms);
              return postPasscodeAction(
                origin,
                actionId,
                {
                  deviceId: d.id,
                  kind: KIND_OF_MODE[d.mode] ?? 'removePasscode',
                  ticket: `INC-${10_000 + i}`,
                  ...(v.verificationId ? { verificationId: v.verificationId } : {}),
                },
                a.token,
              );
            })
            .then(
              (r) => {
                posted.push(r);
                rec.add('POST / (server action)', r.httpStatus, r.ms);
                if (r.status === 'accepted' && r.actionId)
                  tracking.push(track(a.token, r.actionId));
              },
              () => {
                rec.networkErrors++;
              },
            ),
        );
      }
    };

    console.log(
      `load: ${agents.length} agents, ${actionsWanted} actions over ${DURATION_MS / 1000} s…`,
    );
    const sampler = setInterval(
      () =>
        console.log(
          `  ${Math.round((Date.now() - started) / 1000)} s: ${[...rec.ms.values()].reduce((n, x) => n + x.length, 0)} answers, ${posted.length} actions, console RSS ${((memoryOf(app.pid)?.rssKb ?? 0) / 1024).toFixed(0)} MB`,
        ),
      20_000,
    );
    await Promise.all([...agents.map(agentLoop), actionLoop()]);
    // Actions posted in the last moments still finish (their tracking stops at the deadline).
    for (let settled = 0; settled < tracking.length;) {
      const batch = tracking.slice(settled);
      settled = tracking.length;
      await Promise.all(batch);
    }
    clearInterval(sampler);
    const elapsed = Date.now() - started;

    // --- afterwards: the console's memory, the audit trail, Graph's writes ---------------------------------------
    const generatorCpu = process.cpuUsage(cpuBefore.generator);
    const cpu = {
      console: (cpuSecondsOf(app.pid) ?? NaN) - cpuBefore.console,
      emulator: (cpuSecondsOf(emulatorPid) ?? NaN) - cpuBefore.emulator,
      generator: (generatorCpu.user + generatorCpu.system) / 1e6,
    };
    const share = (sec: number) =>
      `${sec.toFixed(0)} s (${((sec / (elapsed / 1000)) * 100).toFixed(0)}% of one CPU)`;
    const cpuText = `CPU used over the run: console ${share(cpu.console)}, emulator ${share(cpu.emulator)}, load generator ${share(cpu.generator)}`;
    // Where the time goes: Graph's part of each answer is the emulator's own time for it.
    const graphLog = await control.requests();
    const graphGets = summary(graphLog.filter((e) => e.method === 'GET').map((e) => e.durationMs));
    const graphText = `the emulator's own time per Graph GET: median ${fmt.ms(graphGets.median)}, p95 ${fmt.ms(graphGets.p95)} (${graphGets.n} GETs, ${graphLog.filter((e) => e.outcome === 'throttled').length} throttled)`;
    const mem = memoryOf(app.pid);
    const audit = countAudit(app.dataDir);
    const accepted = posted.filter((p) => p.status === 'accepted');
    const answeredIds = new Set(
      posted.map((p) => p.actionId).filter((x): x is string => x !== null),
    );
    const graphPosts = (await control.requests({ method: 'POST' })).filter((e) =>
      /Passcode$/.test(e.path),
    );
    const times = graphPosts.map((e) => e.at).sort((x, y) => x - y);
    let busiest = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while ((times[i] ?? 0) - (times[j] ?? 0) >= GRAPH_WRITE_WINDOW_MS) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    const missing = [...answeredIds].filter((id) => audit.lost.includes(id));
    const unanswered = posted.length - answeredIds.size;
    const anomalies =
      audit.lost.length +
      audit.duplicated.length +
      Math.abs(audit.intents - posted.length) +
      Math.abs(graphPosts.length - (audit.outcomesByKind.accepted ?? 0));
    const fiveXx = rec.count((s) => s >= 500);

    const statusText = (route: string) =>
      [...(rec.statuses.get(route) ?? new Map<number, number>())]
        .map(([s, n]) => `${n}×${s}`)
        .join(' ');
    for (const [route, samples] of [...rec.ms].sort(([a], [b]) => a.localeCompare(b))) {
      const s = summary(samples);
      const p99 =
        [...samples].sort((x, y) => x - y)[Math.max(0, Math.ceil(0.99 * samples.length) - 1)] ??
        NaN;
      console.log(
        `${route}: p50 ${fmt.ms(s.median)}, p95 ${fmt.ms(s.p95)}, p99 ${fmt.ms(p99)} (${s.n} answers: ${statusText(route)})`,
      );
      figures.push({
        id: `load.latency.${route}`,
        label: `Load: ${route}, p95 (p50 / p99 in detail)`,
        value: s.p95,
        unit: 'ms',
        detail: `p50 ${fmt.ms(s.median)}, p99 ${fmt.ms(p99)}, max ${fmt.ms(s.max)}; ${s.n} answers (${statusText(route)})`,
      });
    }
    console.log(
      `audit: ${audit.actions} actions, ${audit.intents} intents, ${audit.outcomes} outcomes (${JSON.stringify(audit.outcomesByKind)}); ${posted.length} POSTs, ${accepted.length} accepted, ${unanswered} answered without an action id; Graph POSTs ${graphPosts.length}; lost ${audit.lost.length}, duplicated ${audit.duplicated.length}`,
    );
    console.log(
      `Graph writes: busiest 20 s ${busiest}; 5xx answers ${fiveXx}; network errors ${rec.networkErrors}; console VmHWM ${mem ? (mem.hwmKb / 1024).toFixed(0) : 'n/a'} MB; ${(elapsed / 1000).toFixed(0)} s`,
    );
    console.log(`${cpuText}; ${graphText}`);
    figures.note(`${cpuText} (the machine has 2 CPUs); ${graphText}`);

    figures.push({
      id: 'load.audit.anomalies',
      label: 'Load: audit records lost or duplicated (one intent + one outcome per action)',
      value: anomalies,
      unit: 'count',
      baseline: `${posted.length} actions posted, ${accepted.length} accepted, ${graphPosts.length} Graph POSTs`,
      detail: `${audit.intents} intents, ${audit.outcomes} outcomes (${Object.entries(
        audit.outcomesByKind,
      )
        .map(([k, n]) => `${n} ${k}`)
        .join(
          ', ',
        )}); lost ${audit.lost.length}, duplicated ${audit.duplicated.length}, answered ids not in the trail ${missing.length}`,
    });
    figures.push({
      id: 'load.5xx',
      label: 'Load: 5xx answers (no fault injected)',
      value: fiveXx,
      unit: 'count',
      detail: `${rec.count(() => true)} answers; ${rec.count((s) => s === 429)} × 429; network errors ${rec.networkErrors}`,
    });
    figures.push({
      id: 'load.graphWrites',
      label: 'Load: Graph writes (POSTs at the emulator) in the busiest 20 s',
      value: busiest,
      unit: 'count',
      detail: `${graphPosts.length} POSTs in ${(elapsed / 1000).toFixed(0)} s; Intune allows 200 per app per 20 s`,
    });
    figures.push({
      id: 'load.consoleHwm',
      label: 'Load: console peak resident set (VmHWM)',
      value: mem ? mem.hwmKb / 1024 : null,
      unit: 'MB',
      detail: `VmRSS at the end ${mem ? (mem.rssKb / 1024).toFixed(0) : 'n/a'} MB`,
    });
  } finally {
    await app.stop();
    await emu.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
