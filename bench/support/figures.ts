// What a benchmark hands the runner: measured figures, each with what it was compared with in the same run.
// Budgets are not here: the runner holds them (bench/budgets.ts) and decides PASS or MISS, so a benchmark
// only measures.
import { writeFileSync } from 'node:fs';

export type Unit = 'ms' | 's' | 'ratio' | 'KB' | 'MB' | 'count';

export interface Figure {
  /** Stable key, matched by the budgets (e.g. `read.ratio.bare`). */
  id: string;
  label: string;
  /** Null when it could not be measured (the note says why). */
  value: number | null;
  unit: Unit;
  /** The baseline measured in the same run, as text (e.g. `bare Next median 61.2 ms, p95 64.0 ms`). */
  baseline?: string;
  /** Further measured detail: the p95, the sample count, the worst case. */
  detail?: string;
}

export interface BenchResult {
  bench: string;
  figures: Figure[];
  notes: string[];
}

/** Collects a benchmark's figures and writes them where the runner asked (BENCH_RESULTS_FILE), if it asked. */
export class Figures {
  private readonly result: BenchResult;

  constructor(bench: string) {
    this.result = { bench, figures: [], notes: [] };
  }

  add(f: Figure): void {
    this.result.figures.push(f);
  }

  note(text: string): void {
    this.result.notes.push(text);
    console.log(`note: ${text}`);
  }

  /** Written after every figure, so a benchmark that dies half-way still hands over what it measured. */
  save(): void {
    const file = process.env.BENCH_RESULTS_FILE;
    if (file) writeFileSync(file, JSON.stringify(this.result, null, 2));
  }

  push(f: Figure): void {
    this.add(f);
    this.save();
  }
}

export const fmt = {
  ms: (v: number | null) =>
    v === null || !Number.isFinite(v) ? 'n/a' : `${v.toFixed(v < 10 ? 2 : 1)} ms`,
  ratio: (v: number | null) => (v === null || !Number.isFinite(v) ? 'n/a' : `${v.toFixed(3)}×`),
  kb: (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`,
};
