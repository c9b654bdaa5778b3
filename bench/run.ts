// `npm run bench`: every benchmark of bench/, each in its own child process with a time limit, then one JSON file
// (bench/results/latest.json) and one table: each figure beside its baseline measured in the same run, its
// budget (bench/budgets.ts) and PASS or MISS. A benchmark that fails or runs out of time makes its budgeted figures
// MISS with the reason; the run goes on. Everything a benchmark started is stopped when it ends.
//
//   npm run bench                          # all of them (builds the console and the bare app first if stale)
//   npm run bench -- --only=load,interaction
//   npm run bench -- --no-build            # measure whatever build is there
//   npm run bench -- --rebuild             # build both even if up to date
//   npm run bench -- --strict              # exit 1 when a budget is missed
//   npm run bench -- --timeout=120         # every benchmark's limit, in seconds (else each its own)
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './support/figures';
import { ensureBareBuild, ensureConsoleBuild, type BuildStep } from './runner/builds';
import { LoadSampler } from './runner/machine-load';
import { runChild, stopMarked } from './runner/processes';
import { benchTable, details, rowsOf, table, type BenchRun } from './runner/report';

interface Bench {
  name: string;
  /** The npm script that runs it alone. */
  script: string;
  timeoutMs: number;
  needsBuild: boolean;
  /** A file that must exist for the benchmark to run (else it is skipped with a note). */
  requires?: string;
}

const MIN = 60_000;
const BENCHES: Bench[] = [
  { name: 'emulator', script: 'bench:emulator', timeoutMs: 4 * MIN, needsBuild: false },
  { name: 'search', script: 'bench:search', timeoutMs: 4 * MIN, needsBuild: true },
  { name: 'passcode-action', script: 'bench:action', timeoutMs: 3 * MIN, needsBuild: false },
  { name: 'read-overhead', script: 'bench:read', timeoutMs: 4 * MIN, needsBuild: true },
  // 17/17 added 20 timed page loads (navigation → content at 1× and 4× CPU): about a minute on a busy machine.
  { name: 'first-load-js', script: 'bench:size', timeoutMs: 6 * MIN, needsBuild: true },
  { name: 'interaction', script: 'bench:interaction', timeoutMs: 5 * MIN, needsBuild: true },
  { name: 'action-ui', script: 'bench:action-ui', timeoutMs: 3 * MIN, needsBuild: true },
  { name: 'load', script: 'bench:load', timeoutMs: 5 * MIN, needsBuild: true },
  // A colleague's benchmark of the audit store; run when it is in the checkout.
  {
    name: 'audit',
    script: 'bench:audit',
    timeoutMs: 5 * MIN,
    needsBuild: false,
    requires: 'bench/audit.ts',
  },
];

const root = process.cwd();
const argv = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k ?? '', v ?? 'true'];
  }),
);
const only = argv.get('only')?.split(',');
const resultsDir = join(root, 'bench', 'results');
const workDir = join(resultsDir, 'work');
// Every process of this run carries the mark (the children inherit it), so none can be left behind.
const mark = `passcode-desk-bench-${randomUUID()}`;
process.env.BENCH_RUN_MARK = mark;
let stopping = false;

async function interrupted(): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nInterrupted: stopping every process of this run…');
  await stopMarked(`BENCH_RUN_MARK=${mark}`);
  process.exit(130);
}
process.on('SIGINT', () => void interrupted());
process.on('SIGTERM', () => void interrupted());

function packageScripts(): Record<string, string> {
  return (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts;
}

function machine() {
  const chromium =
    spawnSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
    }).stdout?.trim() ?? 'n/a';
  const git = (args: string[]) => spawnSync('git', args, { encoding: 'utf8' }).stdout?.trim() ?? '';
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'n/a',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium,
    commit: git(['rev-parse', 'HEAD']),
    uncommittedChanges: git(['status', '--porcelain']).length > 0,
  };
}

async function main() {
  const startedAt = new Date();
  const wall = performance.now();
  mkdirSync(workDir, { recursive: true });
  console.log(
    `npm run bench: ${startedAt.toISOString()}, ${cpus().length} CPUs, Node ${process.version}`,
  );

  const builds: BuildStep[] = [];
  let buildFailure: string | null = null;
  if (!argv.has('no-build')) {
    for (const [name, ensure] of [
      ['console', ensureConsoleBuild],
      ['bare Next.js app', ensureBareBuild],
    ] as const) {
      try {
        const step = ensure(root, argv.has('rebuild'));
        builds.push(step);
        console.log(
          `${step.name}: ${step.built ? `built in ${(step.ms / 1000).toFixed(0)} s (${step.reason})` : step.reason}`,
        );
      } catch (e) {
        buildFailure = `${name} build failed: ${e instanceof Error ? e.message : String(e)}`;
        console.log(buildFailure);
      }
      await stopMarked(`BENCH_RUN_MARK=${mark}`); // a build's workers, should any outlive it
    }
  }

  const scripts = packageScripts();
  const runs: BenchRun[] = [];
  const results = new Map<string, BenchResult>();
  for (const b of BENCHES.filter((x) => !only || only.includes(x.name))) {
    if (stopping) break;
    const run: BenchRun = {
      name: b.name,
      script: `npm run ${b.script}`,
      status: 'ok',
      ms: 0,
      notes: [],
    };
    runs.push(run);
    if (b.requires && !existsSync(join(root, b.requires))) {
      run.status = 'skipped';
      run.reason = `${b.requires} is not in this checkout`;
      console.log(`\n== ${b.name}: skipped (${run.reason})`);
      continue;
    }
    if (b.needsBuild && buildFailure) {
      run.status = 'failed';
      run.reason = buildFailure;
      continue;
    }
    const resultsFile = join(workDir, `${b.name}.json`);
    rmSync(resultsFile, { force: true });
    // A benchmark that has no npm script yet (a colleague's file without its package.json line) runs with tsx.
    const [command, args] = scripts[b.script]
      ? ['npm', ['run', '--silent', b.script]]
      : [join(root, 'node_modules', '.bin', 'tsx'), [b.requires ?? `bench/${b.name}.ts`]];
    console.log(
      `\n== ${b.name} (${command === 'npm' ? `npm run ${b.script}` : `tsx ${args.join(' ')}`}, limit ${argv.has('timeout') ? Number(argv.get('timeout')) : b.timeoutMs / 1000} s)`,
    );
    const timeoutMs = argv.has('timeout') ? Number(argv.get('timeout')) * 1000 : b.timeoutMs;
    const sampler = new LoadSampler(`BENCH_RUN_MARK=${mark}`);
    sampler.start();
    const outcome = await runChild({
      command,
      args,
      env: { BENCH_RESULTS_FILE: resultsFile },
      timeoutMs,
      logFile: join(workDir, `${b.name}.log`),
      prefix: `[${b.name}]`,
    });
    run.ms = outcome.ms;
    run.machine = sampler.stop();
    if (run.machine.othersCpuShare > 0.1) {
      run.notes.push(
        `measured on a busy machine: processes outside this run used ${(run.machine.othersCpuShare * 100).toFixed(0)}% of all CPU time meanwhile (load average ${run.machine.loadAverage.toFixed(1)} on ${cpus().length} CPUs); its times are pessimistic`,
      );
    }
    const left = await stopMarked(`BENCH_RUN_MARK=${mark}`);
    if (left > 0) run.notes.push(`${left} process(es) it left running were stopped`);
    if (outcome.timedOut) {
      run.status = 'timed out';
      run.reason = `stopped after ${(timeoutMs / 1000).toFixed(0)} s`;
    } else if (outcome.code !== 0) {
      run.status = 'failed';
      run.reason = `exit ${outcome.code ?? outcome.signal}: ${outcome.tail
        .split('\n')
        .filter((l) => l.trim())
        .slice(0, 2)
        .join(' ')
        .slice(0, 300)}`;
    }
    if (existsSync(resultsFile)) {
      const result = JSON.parse(readFileSync(resultsFile, 'utf8')) as BenchResult;
      results.set(b.name, result);
      run.notes.push(...result.notes);
    } else if (run.status === 'ok') {
      run.notes.push('it printed its figures but wrote no results file: see its log');
    }
    console.log(
      `== ${b.name}: ${run.status} in ${(run.ms / 1000).toFixed(1)} s${run.reason ? ` (${run.reason})` : ''}`,
    );
  }

  const rows = rowsOf(runs, results);
  const wallMs = performance.now() - wall;
  const summary = {
    pass: rows.filter((r) => r.verdict === 'PASS').length,
    miss: rows.filter((r) => r.verdict === 'MISS').length,
    info: rows.filter((r) => r.verdict === 'INFO').length,
  };
  const report = {
    issue: 11,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    wallMs: Math.round(wallMs),
    machine: machine(),
    builds,
    benchmarks: runs,
    summary,
    figures: rows,
  };
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);

  console.log(`\n## Benchmarks\n\n${benchTable(runs)}`);
  console.log(`\n## Figures\n\n${table(rows)}`);
  console.log(`\n## Details\n\n${details(rows)}`);
  const notes = runs.flatMap((r) => r.notes.map((n) => `- ${r.name}: ${n}`));
  if (notes.length > 0) console.log(`\n## Notes\n\n${notes.join('\n')}`);
  console.log(
    `\n${summary.pass} PASS, ${summary.miss} MISS, ${summary.info} info; builds ${builds.map((s) => `${s.name} ${s.built ? `${(s.ms / 1000).toFixed(0)} s` : 'up to date'}`).join(', ') || 'skipped'}; wall time ${(wallMs / 1000).toFixed(0)} s. Written to bench/results/latest.json.`,
  );
  process.exitCode = argv.has('strict') && summary.miss > 0 ? 1 : 0;
}

main().catch(async (e: unknown) => {
  // The runner's own failure (not a benchmark's): still stop everything it started.
  console.error(e);
  await stopMarked(`BENCH_RUN_MARK=${mark}`);
  process.exit(2);
});
