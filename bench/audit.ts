// Benchmark of the audit trail: (1) the audit store's write latency (record of an intent, of an outcome, and
// observe) on SQLite and on PostgreSQL, at the median and 95th percentile; (2) the activity export
// (GET /api/activity/export, CSV and JSON Lines) of 100,000 actions through the real standalone console server:
// rows, bytes, time, rows/s and MB/s, and the server's resident memory before and at its peak during the
// download, beside the same export of 10,000 actions (a constant-memory export has the same peak for both).
// Run with `npm run bench:audit` (bench/support/server-only.js lets the server-only modules load). It needs the
// standalone build (`npm run build`; run here only when .next/standalone/server.js or the export route is
// missing) and PostgreSQL's Debian binaries (`apt-get install postgresql`).
// Ports: 3960 emulator, 3961-3963 and 3965 console servers, 3964 PostgreSQL.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { sql, type Insertable } from 'kysely';
import { Client } from 'pg';
import { DEMO_ACCOUNTS, DEMO_CLIENT_ID, TENANT_ID } from '../emulator/constants';
import { startTestPostgres, type TestPostgres } from '../test-support/postgres';
import { stopMarked } from './runner/processes';
import type { AuditDb } from '../lib/server/store/db';
import type { AuditRecordTable, Outcome } from '../lib/server/store/schema';
import { ms, signInOverHttp, startEmulator, summary, type RunningEmulator } from './lib';

const WRITES = Number(process.env.BENCH_WRITES ?? 2000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);
const EXPORT_ACTIONS = Number(process.env.BENCH_EXPORT_ACTIONS ?? 100_000);
const SMALL_EXPORT_ACTIONS = Math.max(1, Math.round(EXPORT_ACTIONS / 10));
const SKIP_POSTGRES_EXPORT = process.env.BENCH_SKIP_PG_EXPORT === '1';

const EMULATOR_PORT = 3960;
const CONSOLE_PORTS = {
  sqliteLarge: 3961,
  sqliteSmall: 3962,
  postgresLarge: 3963,
  postgresSmall: 3965,
} as const;
const POSTGRES_PORT = 3964;
const ROOT = resolve(__dirname, '..');
const SERVER_JS = join(ROOT, '.next', 'standalone', 'server.js');
const EXPORT_ROUTE = join(
  ROOT,
  '.next',
  'standalone',
  '.next',
  'server',
  'app',
  'api',
  'activity',
  'export',
);

/** The demo helpdesk agent (emulator/tenant/seed.ts), the actor of every seeded record. */
const AGENT = {
  oid: '4a1f7c52-9e3b-4d8a-b6c1-2f5e8d9a0b11',
  upn: DEMO_ACCOUNTS.helpdesk,
  name: 'Hanna Berger',
  tenant: TENANT_ID,
};
const GRAPH_READ = 'https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All';

// ---------------------------------------------------------------------------------------------------------------
// Processes this benchmark starts, stopped at the end, on failure, and on Ctrl-C. Each carries the run's mark in its
// environment, and its own, which its descendants inherit (the emulator runs under tsx, which starts node as its
// own child): the bench runner's helpers find them by it in /proc, so no grandchild is left behind.

/** In the environment of every process this run starts. */
const RUN_MARK = `PASSCODE_DESK_BENCH_AUDIT=${randomUUID()}`;
let postgres: TestPostgres | null = null;
const tempDirs: string[] = [];

/** The run's mark and a fresh one for one child, as environment variables; the child's mark to stop it by. */
function marked(): { env: Record<string, string>; mark: string } {
  const mark = `PASSCODE_DESK_BENCH_AUDIT_CHILD=${randomUUID()}`;
  const env: Record<string, string> = {};
  for (const m of [RUN_MARK, mark]) {
    const [key = '', value = ''] = m.split('=');
    env[key] = value;
  }
  return { env, mark };
}

/** SIGTERM to a child and its descendants; SIGKILL to whatever is left after 10 s. */
async function stopChild(mark: string): Promise<void> {
  await stopMarked(mark, 10_000);
}

async function stopEverything(): Promise<void> {
  await stopMarked(RUN_MARK, 10_000);
  if (postgres) {
    const pg = postgres;
    postgres = null;
    try {
      pg.stop();
    } catch (e) {
      console.error(`could not stop PostgreSQL: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopEverything().finally(() => process.exit(130));
  });
}

function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `passcode-desk-bench-audit-${label}-`));
  tempDirs.push(dir);
  return dir;
}

// ---------------------------------------------------------------------------------------------------------------
// Machine conditions.

function diskOf(path: string): string {
  try {
    const line = execFileSync('df', ['-P', '-T', path]).toString().trim().split('\n')[1] ?? '';
    const [device, type] = line.split(/\s+/);
    return `${device ?? '?'} (${type ?? '?'})`;
  } catch {
    return 'unknown';
  }
}

const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;

function header(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const gb = (b: number) => `${(b / 2 ** 30).toFixed(1)} GB`;
  return (
    `${cpus().length} cores (${cpu}), ${gb(totalmem())} RAM (${gb(freemem())} free), temp files on ${diskOf(tmpdir())}, ` +
    `Node ${process.version}, ${load()}, ${new Date().toISOString()}`
  );
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL: the test helper's server (test-support/postgres.ts) on this benchmark's port, fsync off, then on.

async function pgQuery<R>(url: string, text: string): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as R[];
  } finally {
    await client.end();
  }
}

async function pgSettings(url: string): Promise<string> {
  const rows = await pgQuery<{ name: string; setting: string }>(
    url,
    `SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers') ORDER BY name`,
  );
  return rows.map((r) => `${r.name}=${r.setting}`).join(', ');
}

// ---------------------------------------------------------------------------------------------------------------
// (1) Write latency through the product's AuditStore.

async function openDb(dataDir: string, databaseUrl?: string): Promise<AuditDb> {
  const { openAuditDb } = await import('../lib/server/store/db');
  return openAuditDb(databaseUrl ? { dataDir, databaseUrl } : { dataDir });
}

async function writeLatency(label: string, handle: AuditDb): Promise<void> {
  const { AuditStore } = await import('../lib/server/store/audit-store');
  const store = new AuditStore(handle);
  const actor = { value: AGENT, verified: true };
  const samples = {
    intent: [] as number[],
    outcome: [] as number[],
    observe: [] as number[],
    observeAgain: [] as number[],
  };
  for (let i = 0; i < WARMUP + WRITES; i++) {
    const common = {
      actionId: randomUUID(),
      actionName: 'resetPasscode',
      actionKind: 'removePasscode',
      deviceId: randomUUID(),
      deviceName: `iPhone-${String(i).padStart(5, '0')}`,
      ticket: `INC-${1_000_000 + i}`,
      actor,
    };
    const clientRequestId = randomUUID();
    let t = performance.now();
    await store.record({ ...common, kind: 'intent', clientRequestId });
    const intent = performance.now() - t;
    t = performance.now();
    await store.record({
      ...common,
      kind: 'outcome',
      outcome: 'accepted',
      httpStatus: 204,
      clientRequestId,
      graphRequestId: randomUUID(),
    });
    const outcome = performance.now() - t;
    t = performance.now();
    const first = await store.observe({ ...common, actionState: 'pending' });
    const observe = performance.now() - t;
    t = performance.now();
    const again = await store.observe({ ...common, actionState: 'pending' });
    const observeAgain = performance.now() - t;
    if (!first || again)
      throw new Error('observe: the first observation must be written and the repeat refused');
    if (i < WARMUP) continue;
    samples.intent.push(intent);
    samples.outcome.push(outcome);
    samples.observe.push(observe);
    samples.observeAgain.push(observeAgain);
  }
  console.log(`${label}: ${WRITES} actions after ${WARMUP} warm-up, one at a time`);
  const line = (name: string, values: number[]) => {
    const s = summary(values);
    console.log(
      `  ${name.padEnd(44)} n=${s.n}  median ${ms(s.median).padStart(8)}  p95 ${ms(s.p95).padStart(8)}  max ${ms(s.max).padStart(8)}`,
    );
  };
  line('record(intent)', samples.intent);
  line('record(outcome)', samples.outcome);
  line('observe(new state: written)', samples.observe);
  line('observe(same state again: ON CONFLICT no-op)', samples.observeAgain);
}

// ---------------------------------------------------------------------------------------------------------------
// (2) Seeding an audit database for the export.

const KINDS = ['removePasscode', 'resetDevicePasscode', 'resetWorkProfilePasscode'] as const;
const MODELS = ['iPhone', 'Pixel', 'Galaxy'] as const;

/** `actions` actions over the last 90 days: each an intent and an outcome, every third also an observation. */
async function seed(handle: AuditDb, actions: number): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  const end = Date.now() - 60_000;
  const step = (90 * 86_400_000) / actions;
  const actor = {
    actor_oid: AGENT.oid,
    actor_upn: AGENT.upn,
    actor_name: AGENT.name,
    actor_tenant: AGENT.tenant,
    actor_verified: 1,
  };
  const PER_INSERT = 1000; // 21 values a row: under SQLite's 32,766 bound parameters
  const PER_TRANSACTION = 10_000; // actions
  let rows = 0;
  for (let from = 0; from < actions; from += PER_TRANSACTION) {
    const batch: Insertable<AuditRecordTable>[] = [];
    for (let i = from; i < Math.min(actions, from + PER_TRANSACTION); i++) {
      const at = end - (actions - i) * step;
      const kind = KINDS[i % KINDS.length] ?? 'removePasscode';
      const failed = i % 50 === 49;
      const outcome: Outcome = failed ? 'failed' : 'accepted';
      const common = {
        action_id: randomUUID(),
        action_name: 'resetPasscode',
        action_kind: kind,
        device_id: randomUUID(),
        device_name: `${MODELS[i % MODELS.length] ?? 'iPhone'}-${String(i).padStart(6, '0')}`,
        ticket: `INC-${1_000_000 + i}`,
        note: null,
        client_request_id: randomUUID(),
        ...actor,
      };
      batch.push({
        ...common,
        id: randomUUID(),
        kind: 'intent',
        recorded_at: new Date(at).toISOString(),
        outcome: null,
        action_state: null,
        graph_request_id: null,
        http_status: null,
        detail: null,
      });
      batch.push({
        ...common,
        id: randomUUID(),
        kind: 'outcome',
        recorded_at: new Date(at + 400).toISOString(),
        outcome,
        action_state: null,
        graph_request_id: randomUUID(),
        http_status: failed ? 403 : 204,
        detail: failed ? "Forbidden: the agent's Intune role has no remote tasks" : null,
      });
      if (i % 3 === 0 && !failed) {
        batch.push({
          ...common,
          id: randomUUID(),
          kind: 'observation',
          recorded_at: new Date(at + 30_000).toISOString(),
          outcome: null,
          action_state: 'done',
          graph_request_id: null,
          http_status: null,
          detail: null,
        });
      }
    }
    await handle.db.transaction().execute(async (trx) => {
      for (let j = 0; j < batch.length; j += PER_INSERT)
        await trx
          .insertInto('audit_records')
          .values(batch.slice(j, j + PER_INSERT))
          .execute();
    });
    rows += batch.length;
  }
  return { rows, seconds: (performance.now() - started) / 1000 };
}

function sqliteSizeMb(dataDir: string): number {
  return (
    ['audit.sqlite', 'audit.sqlite-wal']
      .map((f) => join(dataDir, f))
      .filter(existsSync)
      .reduce((n, f) => n + statSync(f).size, 0) / 1e6
  );
}

async function seededSqlite(label: string, actions: number): Promise<string> {
  const dir = tempDir(label);
  const handle = await openDb(dir);
  try {
    const { rows, seconds } = await seed(handle, actions);
    console.log(
      `seeded SQLite with ${actions.toLocaleString('en')} actions (${rows.toLocaleString('en')} records) in ${seconds.toFixed(1)} s` +
        ` (${Math.round(rows / seconds).toLocaleString('en')} records/s, transactions of 10,000 actions), file ${sqliteSizeMb(dir).toFixed(0)} MB`,
    );
  } finally {
    await handle.close();
  }
  return dir;
}

// ---------------------------------------------------------------------------------------------------------------
// The standalone console server, and its memory.

interface ConsoleServer {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * The standalone build, copied to a temporary folder, so that a `npm run build` in the checkout during the run
 * cannot take the server away. Builds first (once) only when the checkout has no build with the export route.
 */
function standaloneSnapshot(): string {
  if (!existsSync(SERVER_JS) || !existsSync(EXPORT_ROUTE)) {
    console.log('the standalone build is missing (or has no export route): npm run build');
    const build = spawnSync('npm', ['run', 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0) throw new Error(`npm run build failed (${build.status})`);
  }
  const source = dirname(SERVER_JS);
  const buildId = () => readFileSync(join(source, '.next', 'BUILD_ID'), 'utf8');
  const before = buildId();
  const copy = join(tempDir('standalone'), 'standalone');
  cpSync(source, copy, { recursive: true, verbatimSymlinks: true });
  if (
    buildId() !== before ||
    !existsSync(join(copy, 'server.js')) ||
    !existsSync(join(copy, '.next', 'server', 'app', 'api', 'activity', 'export'))
  ) {
    throw new Error(
      'the standalone build changed while it was being copied (a build running?): try again',
    );
  }
  console.log(
    `standalone build ${before.trim()} (${statSync(join(source, '.next', 'BUILD_ID')).mtime.toISOString()}), run from a copy`,
  );
  return join(copy, 'server.js');
}

async function startConsole(
  serverJs: string,
  port: number,
  emulator: string,
  dataDir: string,
  databaseUrl?: string,
): Promise<ConsoleServer> {
  const origin = `http://127.0.0.1:${port}`;
  const { env: marks, mark } = marked();
  const env: NodeJS.ProcessEnv = {
    ...marks,
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    AUTH_CLIENT_ID: DEMO_CLIENT_ID,
    AUTH_TENANT_ID: TENANT_ID,
    AUTH_AUTHORITY: `https://localhost:${EMULATOR_PORT}`,
    AUTH_ENDPOINTS_ORIGIN: emulator,
    GRAPH_BASE_URL: emulator,
    DATA_DIR: dataDir,
    NEXT_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  const child = spawn(process.execPath, [serverJs], {
    cwd: dirname(serverJs),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`console server exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline)
      throw new Error(`console server not healthy within 60 s:\n${output}`);
    try {
      if ((await fetch(`${origin}/api/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (child.pid === undefined) throw new Error('console server has no pid');
  return { origin, pid: child.pid, stop: () => stopChild(mark) };
}

/** Resident memory and its peak (kB) from /proc/<pid>/status. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** User plus system CPU time of a process so far, in seconds (/proc/<pid>/stat, clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Sets the process's peak RSS (VmHWM) back to its current RSS (Linux: `5` into clear_refs); false if refused. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

interface Download {
  status: number;
  bytes: number;
  lines: number;
  seconds: number;
  firstByteMs: number;
}

/** Downloads `url` as a stream, counting bytes and line feeds, keeping nothing; `onLines` hears the running count. */
async function download(
  url: string,
  token: string,
  onLines?: (lines: number) => void,
): Promise<Download> {
  const started = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok || !res.body) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  const reader = res.body.getReader();
  let bytes = 0;
  let lines = 0;
  let firstByteMs = NaN;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - started;
    bytes += value.byteLength;
    for (let at = value.indexOf(10); at !== -1; at = value.indexOf(10, at + 1)) lines++;
    onLines?.(lines);
  }
  return {
    status: res.status,
    bytes,
    lines,
    seconds: (performance.now() - started) / 1000,
    firstByteMs,
  };
}

interface ExportFigures {
  format: 'csv' | 'jsonl';
  rows: number;
  download: Download;
  rssBefore: number;
  hwmAfter: number;
  serverCpu: number;
  rssDuring: number[];
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

/** Both formats from one server: a warm-up (route loaded, token verified), then each export with the peak reset before it. */
async function measureExports(
  label: string,
  server: ConsoleServer,
  token: string,
  actions: number,
): Promise<ExportFigures[]> {
  // An empty export loads the route's code and has the console verify the token with Graph, outside the figures.
  for (const format of ['csv', 'jsonl'] as const)
    await download(`${server.origin}/api/activity/export?format=${format}&from=2999-01-01`, token);
  const figures: ExportFigures[] = [];
  for (const format of ['csv', 'jsonl'] as const) {
    const before = memoryOf(server.pid);
    const peakReset = resetPeak(server.pid);
    const cpuBefore = cpuSeconds(server.pid);
    // The server's resident memory as a quarter, a half and three quarters of the rows have arrived: a streamed
    // export holds it level; one that keeps what it sent grows with every row.
    const rssDuring: number[] = [];
    const marks = [0.25, 0.5, 0.75].map((q) => Math.round(q * actions));
    const d = await download(
      `${server.origin}/api/activity/export?format=${format}`,
      token,
      (lines) => {
        while (marks.length > 0 && lines >= (marks[0] ?? Infinity)) {
          marks.shift();
          rssDuring.push(memoryOf(server.pid).rss);
        }
      },
    );
    const serverCpu = cpuSeconds(server.pid) - cpuBefore;
    const after = memoryOf(server.pid);
    const rows = format === 'csv' ? d.lines - 1 : d.lines;
    if (rows !== actions) throw new Error(`${label} ${format}: ${rows} rows, expected ${actions}`);
    const f: ExportFigures = {
      format,
      rows,
      download: d,
      rssBefore: before.rss,
      hwmAfter: after.hwm,
      serverCpu,
      rssDuring,
    };
    figures.push(f);
    console.log(
      `  ${label}, ${format.padEnd(5)}: ${rows.toLocaleString('en')} rows${format === 'csv' ? ' + header' : ''}, ` +
        `${(d.bytes / 1e6).toFixed(1)} MB in ${d.seconds.toFixed(2)} s (first byte ${ms(d.firstByteMs)}): ` +
        `${Math.round(rows / d.seconds).toLocaleString('en')} rows/s, ${(d.bytes / 1e6 / d.seconds).toFixed(1)} MB/s, server CPU ${serverCpu.toFixed(1)} s; ` +
        `server VmRSS before ${mb(before.rss)}, VmHWM after ${mb(after.hwm)}${peakReset ? '' : ' (peak since start: clear_refs refused)'}, ` +
        `peak increase ${mb(after.hwm - before.rss)}; VmRSS at 25/50/75% of the rows ${rssDuring.map((k) => (k / 1024).toFixed(0)).join('/')} MB, after ${mb(after.rss)}`,
    );
  }
  return figures;
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const wallStarted = performance.now();
  console.log(`audit benchmark: ${header()}`);

  // (1) Write latency.
  console.log('');
  console.log(
    'audit write latency (AuditStore.record / observe, each its own statement and commit, no webhook outbox):',
  );
  const sqliteWrites = tempDir('writes');
  const sqlite = await openDb(sqliteWrites);
  try {
    await writeLatency(
      'SQLite (better-sqlite3, WAL, synchronous=FULL: an fsync per commit)',
      sqlite,
    );
  } finally {
    await sqlite.close();
  }
  postgres = await startTestPostgres({ port: POSTGRES_PORT, fsync: false });
  const pg = postgres;
  for (const fsync of [false, true]) {
    if (fsync) pg.restart({ fsync: true });
    const [setting] = await pgQuery<{ fsync: string }>(pg.url, 'SHOW fsync');
    if (setting?.fsync !== (fsync ? 'on' : 'off'))
      throw new Error(`PostgreSQL runs with fsync=${setting?.fsync}`);
    const url = await pg.createDatabase(`bench_writes_${fsync ? 'fsync' : 'nofsync'}`);
    const handle = await openDb(tempDir('pg-writes'), url);
    try {
      const settings = await pgSettings(url);
      await writeLatency(
        `PostgreSQL over TCP on 127.0.0.1, pool of 10 (${settings}${fsync ? '' : ": the test helper's setting, no disk flush"})`,
        handle,
      );
    } finally {
      await handle.close();
    }
  }

  // (2) Export through the console server.
  console.log('');
  console.log(
    `activity export (GET /api/activity/export, standalone console server, the helpdesk agent's own actions = all of them; ` +
      `the downloading client runs on the same ${cpus().length} cores; ${load()}):`,
  );
  const serverJs = standaloneSnapshot();
  const large = await seededSqlite('export-large', EXPORT_ACTIONS);
  const small = await seededSqlite('export-small', SMALL_EXPORT_ACTIONS);
  const pgExports: { url: string; actions: number }[] = [];
  if (!SKIP_POSTGRES_EXPORT) {
    for (const actions of [EXPORT_ACTIONS, SMALL_EXPORT_ACTIONS]) {
      const url = await pg.createDatabase(`bench_export_${actions}`);
      const handle = await openDb(tempDir('pg-export'), url);
      try {
        const { rows, seconds } = await seed(handle, actions);
        // What autovacuum would do within a minute of such a load: the planner's statistics for the new rows.
        await sql`ANALYZE audit_records`.execute(handle.db);
        console.log(
          `seeded PostgreSQL with ${actions.toLocaleString('en')} actions (${rows.toLocaleString('en')} records) in ${seconds.toFixed(1)} s` +
            ` (${Math.round(rows / seconds).toLocaleString('en')} records/s, transactions of 10,000 actions; then ANALYZE)`,
        );
      } finally {
        await handle.close();
      }
      pgExports.push({ url, actions });
    }
  }

  const emulatorStarted = performance.now();
  const emulatorMarks = marked();
  const emulator: RunningEmulator = await startEmulator(EMULATOR_PORT, [], {
    env: emulatorMarks.env,
  });
  const { access_token: token } = await signInOverHttp(
    emulator.origin,
    DEMO_ACCOUNTS.helpdesk,
    GRAPH_READ,
  );
  console.log(
    `emulator up and token for ${DEMO_ACCOUNTS.helpdesk} in ${((performance.now() - emulatorStarted) / 1000).toFixed(1)} s`,
  );

  const runs: {
    label: string;
    port: number;
    dir: string;
    databaseUrl?: string;
    actions: number;
  }[] = [
    {
      label: `SQLite, ${EXPORT_ACTIONS.toLocaleString('en')} actions`,
      port: CONSOLE_PORTS.sqliteLarge,
      dir: large,
      actions: EXPORT_ACTIONS,
    },
    {
      label: `SQLite, ${SMALL_EXPORT_ACTIONS.toLocaleString('en')} actions`,
      port: CONSOLE_PORTS.sqliteSmall,
      dir: small,
      actions: SMALL_EXPORT_ACTIONS,
    },
    ...pgExports.map((p, i) => ({
      label: `PostgreSQL, ${p.actions.toLocaleString('en')} actions`,
      port: i === 0 ? CONSOLE_PORTS.postgresLarge : CONSOLE_PORTS.postgresSmall,
      dir: tempDir('pg-console'),
      databaseUrl: p.url,
      actions: p.actions,
    })),
  ];
  const results: { label: string; figures: ExportFigures[] }[] = [];
  for (const run of runs) {
    const startedAt = performance.now();
    const server = await startConsole(
      serverJs,
      run.port,
      emulator.origin,
      run.dir,
      run.databaseUrl,
    );
    try {
      console.log(
        ` console server ${run.label}: healthy in ${((performance.now() - startedAt) / 1000).toFixed(1)} s, VmRSS ${mb(memoryOf(server.pid).rss)}`,
      );
      results.push({
        label: run.label,
        figures: await measureExports(run.label, server, token, run.actions),
      });
    } finally {
      await server.stop();
    }
  }
  await stopChild(emulatorMarks.mark);

  console.log('');
  console.log(
    `side by side: server peak memory during the export (VmHWM after minus VmRSS before), throughput, server CPU per 1,000 rows (${load()}):`,
  );
  for (const format of ['csv', 'jsonl'] as const) {
    for (const r of results) {
      const f = r.figures.find((x) => x.format === format);
      if (!f) continue;
      console.log(
        `  ${format.padEnd(5)} ${r.label.padEnd(31)} peak +${mb(f.hwmAfter - f.rssBefore).padStart(6)} (VmHWM ${mb(f.hwmAfter)}), ` +
          `${Math.round(f.rows / f.download.seconds)
            .toLocaleString('en')
            .padStart(
              7,
            )} rows/s, ${((f.serverCpu / f.rows) * 1000 * 1000).toFixed(0)} ms CPU per 1,000 rows`,
      );
    }
  }
  console.log('');
  console.log(`wall time ${((performance.now() - wallStarted) / 1000).toFixed(0)} s`);
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => stopEverything());
