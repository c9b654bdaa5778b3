import 'server-only';
// A bounded budget for audit records nobody verified (malformed input, tokens Graph would refuse): anyone can
// send those requests, so without a bound they could fill the audit disk. The records past the budget are not
// written, only counted and logged (once per window, at warn level): the count is for operators, not for the
// anonymous health check, which would tell a prober how well the flood works. Per instance and in memory: the bound
// is on disk growth per process.
import { logger } from '@/lib/server/log/logger';

export class AnonymousAuditBudget {
  private windowStart = 0;
  private used = 0;
  private dropped = 0;
  private droppedInWindow = 0;

  constructor(
    private readonly perWindow: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    /** Told when a window's budget is first spent (the log line operators see). */
    private readonly onSpent: (perWindow: number) => void = () => undefined,
  ) {}

  /** True when one more unverified record may be written now. */
  take(): boolean {
    const t = this.now();
    if (t - this.windowStart >= this.windowMs) {
      this.windowStart = t;
      this.used = 0;
      this.droppedInWindow = 0;
    }
    if (this.used >= this.perWindow) {
      this.dropped++;
      if (this.droppedInWindow++ === 0) this.onSpent(this.perWindow);
      return false;
    }
    this.used++;
    return true;
  }

  /** How many unverified records were not written since the process started. */
  get droppedCount(): number {
    return this.dropped;
  }
}

/**
 * 500 unverified refusals an hour per instance (two records each, about half a kilobyte): far above what real
 * agents' mistakes produce, and at most some 12 MB a day however hard anyone tries.
 */
export const anonymousAuditBudget = new AnonymousAuditBudget(500, 3_600_000, Date.now, (n) =>
  logger.warn(
    { source: 'audit', unverifiedRecordsNotWritten: anonymousAuditBudget.droppedCount },
    `more than ${n} unverified requests this hour: further ones are refused without an audit record until the hour is over`,
  ),
);
