import 'server-only';
// One deadline for every Graph call of one piece of work (a passcode action: its device read, the plan's beta
// read, the re-check, the POST). While the console's shared throttle gate is closed, a call given a budget waits
// for it to open if it opens before the deadline, instead of failing at once; only a longer wait reaches the
// agent, as "throttled" with the time left. Calls given no budget (lists, status polls) still fail fast: a poll
// comes again anyway, and a search the agent is waiting on is told at once.

export interface WaitBudget {
  /** Epoch ms after which no call of this work waits for the gate any more. */
  readonly deadline: number;
}

/** A budget of `ms` from `now`, for all the Graph calls of one piece of work together. */
export function waitBudget(ms: number, now: number = Date.now()): WaitBudget {
  return { deadline: now + ms };
}

/** Whether a wait of `ms` from `now` ends within the budget. */
export function fitsBudget(budget: WaitBudget, ms: number, now: number = Date.now()): boolean {
  return now + ms <= budget.deadline;
}
