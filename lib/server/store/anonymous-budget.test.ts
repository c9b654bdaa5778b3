import { describe, expect, it } from 'vitest';
import { AnonymousAuditBudget } from './anonymous-budget';

describe('the budget for audit records nobody verified', () => {
  it('allows so many per window, refuses the rest and counts them, and starts again with the next window', () => {
    let now = 0;
    const spent: number[] = [];
    const budget = new AnonymousAuditBudget(
      3,
      60_000,
      () => now,
      (n) => spent.push(n),
    );
    expect([budget.take(), budget.take(), budget.take(), budget.take(), budget.take()]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(budget.droppedCount).toBe(2);
    // Operators are told once per window, not once per dropped record.
    expect(spent).toEqual([3]);
    now = 59_999;
    expect(budget.take()).toBe(false);
    now = 60_000;
    expect(budget.take()).toBe(true);
    expect([budget.take(), budget.take(), budget.take()]).toEqual([true, true, false]);
    expect(spent).toEqual([3, 3]);
  });
});
