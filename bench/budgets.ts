// The budgets of `npm run bench` (issue 11), in one place: which benchmark measures each figure, and the limit.
// Benchmarks only measure; the runner compares. A budgeted figure a benchmark did not deliver is a MISS.
import type { Unit } from './support/figures';

export interface Budget {
  id: string;
  bench: string;
  op: '<' | '<=' | '=';
  limit: number;
  unit: Unit;
}

export const BUDGETS: Budget[] = [
  { id: 'read.ratio.bare', bench: 'read-overhead', op: '<=', limit: 1.02, unit: 'ratio' },
  { id: 'read.ratio.direct', bench: 'read-overhead', op: '<=', limit: 1.08, unit: 'ratio' },
  { id: 'js.firstload./', bench: 'first-load-js', op: '<=', limit: 250, unit: 'KB' },
  { id: 'js.firstload./devices/[id]', bench: 'first-load-js', op: '<=', limit: 250, unit: 'KB' },
  { id: 'ui.inp', bench: 'interaction', op: '<', limit: 100, unit: 'ms' },
  { id: 'ui.enterToRequest', bench: 'interaction', op: '<', limit: 16, unit: 'ms' },
  { id: 'ui.scroll.longestFrame', bench: 'interaction', op: '<', limit: 50, unit: 'ms' },
  { id: 'ui.scroll.prefetches', bench: 'interaction', op: '=', limit: 0, unit: 'count' },
  { id: 'tracking.done10s.requests', bench: 'passcode-action', op: '<=', limit: 15, unit: 'count' },
  {
    id: 'tracking.done2min.requests',
    bench: 'passcode-action',
    op: '<=',
    limit: 15,
    unit: 'count',
  },
  {
    id: 'tracking.never10min.requests',
    bench: 'passcode-action',
    op: '<=',
    limit: 15,
    unit: 'count',
  },
  { id: 'tracking.done10s.seenAfter', bench: 'passcode-action', op: '<=', limit: 10, unit: 's' },
  { id: 'load.audit.anomalies', bench: 'load', op: '=', limit: 0, unit: 'count' },
  { id: 'load.5xx', bench: 'load', op: '=', limit: 0, unit: 'count' },
  { id: 'load.graphWrites', bench: 'load', op: '<', limit: 200, unit: 'count' },
  { id: 'emulator.startup', bench: 'emulator', op: '<', limit: 5, unit: 's' },
];

export function within(b: Budget, value: number): boolean {
  if (b.op === '<') return value < b.limit;
  if (b.op === '<=') return value <= b.limit;
  return value === b.limit;
}
