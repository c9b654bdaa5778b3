// The log of Graph requests the emulator received, for tests to count and inspect (e.g. exactly one POST,
// no retry sooner than Retry-After). Bounded, oldest entries dropped first.
export interface LoggedRequest {
  seq: number;
  /** Emulator clock, ms. */
  at: number;
  method: string;
  path: string;
  query: string;
  clientRequestId: string | null;
  requestId: string;
  status: number;
  user: string | null;
  /** How the answer came about: served, throttled, or an injected fault. */
  outcome: 'served' | 'throttled' | 'fault';
  /** Time the emulator spent on the request, injected latency included (ms, wall clock). */
  durationMs: number;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  constructor(private readonly capacity = 100_000) {}

  add(entry: Omit<LoggedRequest, 'seq'>): void {
    this.entries.push({ ...entry, seq: ++this.seq });
    if (this.entries.length > this.capacity)
      this.entries.splice(0, this.entries.length - this.capacity);
  }

  since(seq = 0): LoggedRequest[] {
    return this.entries.filter((e) => e.seq > seq);
  }

  clear(): void {
    this.entries = [];
  }
}
