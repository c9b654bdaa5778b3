// Turning the benchmarks' figures into the run's verdicts and its printed table: every budgeted figure is PASS or
// MISS (a figure that was not delivered is a MISS, with the benchmark's failure as the reason), every other
// figure is INFO.
import { BUDGETS, within, type Budget } from '../budgets';
import type { BenchResult, Figure, Unit } from '../support/figures';
import type { MachineLoad } from './machine-load';

export interface BenchRun {
  name: string;
  script: string;
  status: 'ok' | 'failed' | 'timed out' | 'skipped';
  ms: number;
  reason?: string;
  notes: string[];
  /** How busy the machine was meanwhile, apart from this run. */
  machine?: MachineLoad;
}

export type Verdict = 'PASS' | 'MISS' | 'INFO';

export interface Row {
  bench: string;
  id: string;
  label: string;
  value: number | null;
  unit: Unit;
  baseline: string;
  budget: string;
  verdict: Verdict;
  detail: string;
}

const UNIT_TEXT: Record<Unit, string> = {
  ms: ' ms',
  s: ' s',
  ratio: '×',
  KB: ' KB',
  MB: ' MB',
  count: '',
};

export function formatValue(value: number | null, unit: Unit): string {
  if (value === null || !Number.isFinite(value)) return 'not measured';
  const digits =
    unit === 'ratio' ? 3 : unit === 'count' ? 0 : unit === 's' ? 2 : value < 10 ? 2 : 1;
  return `${value.toFixed(digits)}${UNIT_TEXT[unit]}`;
}

export const budgetText = (b: Budget) =>
  `${b.op === '=' ? '=' : b.op === '<' ? '<' : '≤'} ${b.limit}${UNIT_TEXT[b.unit]}`;

export function rowsOf(runs: BenchRun[], results: Map<string, BenchResult>): Row[] {
  const rows: Row[] = [];
  for (const run of runs) {
    const figures: Figure[] = results.get(run.name)?.figures ?? [];
    for (const f of figures) {
      const budget = BUDGETS.find((b) => b.id === f.id);
      const verdict: Verdict = !budget
        ? 'INFO'
        : f.value !== null && Number.isFinite(f.value) && within(budget, f.value)
          ? 'PASS'
          : 'MISS';
      rows.push({
        bench: run.name,
        id: f.id,
        label: f.label,
        value: f.value,
        unit: f.unit,
        baseline: f.baseline ?? '—',
        budget: budget ? budgetText(budget) : '—',
        verdict,
        detail: f.detail ?? '',
      });
    }
    // Budgeted figures the benchmark never delivered.
    for (const b of BUDGETS.filter(
      (x) => x.bench === run.name && !figures.some((f) => f.id === x.id),
    )) {
      rows.push({
        bench: run.name,
        id: b.id,
        label: b.id,
        value: null,
        unit: b.unit,
        baseline: '—',
        budget: budgetText(b),
        verdict: 'MISS',
        detail: `not measured: ${run.status === 'ok' ? 'the benchmark did not report it' : `${run.status}: ${run.reason ?? ''}`}`,
      });
    }
  }
  return rows;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A Markdown table: readable in a terminal, and pastes into an issue or a README as it is. */
export function table(rows: Row[]): string {
  const lines = [
    '| # | figure | measured | baseline (same run) | budget | verdict |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r, i) =>
        `| ${i + 1} | ${cell(r.label)} | ${formatValue(r.value, r.unit)} | ${cell(r.baseline)} | ${r.budget} | ${r.verdict === 'INFO' ? 'info' : `**${r.verdict}**`} |`,
    ),
  ];
  return lines.join('\n');
}

export function details(rows: Row[]): string {
  return rows
    .map((r, i) => (r.detail ? `${String(i + 1).padStart(2)}. ${r.id}: ${r.detail}` : ''))
    .filter(Boolean)
    .join('\n');
}

export function benchTable(runs: BenchRun[]): string {
  return [
    "| benchmark | npm script | status | time | load average | others' CPU | reason |",
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map(
      (r) =>
        `| ${r.name} | ${r.script} | ${r.status} | ${(r.ms / 1000).toFixed(1)} s | ${r.machine ? r.machine.loadAverage.toFixed(1) : '—'} | ${r.machine ? `${(r.machine.othersCpuShare * 100).toFixed(0)}%` : '—'} | ${cell(r.reason ?? '')} |`,
    ),
  ].join('\n');
}
