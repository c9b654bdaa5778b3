// The agent's actions as the tray and the header's badge both show them: the list of the last 24 hours (read from
// the audit store, rarely) merged with each action's own status reads (polled), and what changed since last seen.
// Pure, so the badge and the tray cannot disagree and the rules are unit-tested.
import type { ActionStatus, TrackedState } from '@/lib/shared/actions/types';

/** Details the audit trail alone cannot give (Intune's error code, what fits instead) come from one status read. */
const READ_ONCE: ReadonlySet<TrackedState> = new Set(['failed', 'notSupported']);

/** Whether an action of the list needs its status read: under way, a failure's details, an owner's e-mail due. */
export function needsStatusRead(a: ActionStatus): boolean {
  return !a.terminal || READ_ONCE.has(a.state) || a.notifications.some((n) => n.state !== 'sent');
}

/** One action's status query as the tracker sees it: its data and when it was last read from the server (0: never). */
export interface StatusRead {
  data: ActionStatus | undefined;
  updatedAt: number;
}

/**
 * The list's entry, or the action's own status read once there is one: the status read is at least as fresh as the
 * list for everything the device reports, since the list is rebuilt from the audit store. One exception: an entry
 * the list already knows as ended stays ended (an end is final; a status read from before it is not news).
 */
export function mergeAction(listed: ActionStatus, read: StatusRead | undefined): ActionStatus {
  const polled = read?.data;
  if (!polled || read.updatedAt === 0 || polled.actionId !== listed.actionId) return listed;
  if (listed.terminal && !polled.terminal) return listed;
  return polled;
}

/** Actions that are not over yet (under way, waiting for an approver or to be sent): the badge's "n under way". */
export function underWayCount(actions: readonly ActionStatus[]): number {
  return actions.filter((a) => !a.terminal).length;
}

/** States whose item opens by itself: the agent has something to do or to read out there. */
const NEEDS_AGENT_ENDS: ReadonlySet<TrackedState> = new Set([
  'failed',
  'notSupported',
  'canceled',
  'refused',
  'denied',
  'rejected',
  'approvalDenied',
  'approvalExpired',
]);

/**
 * Whether an item needs the agent: under way (Check now, what to tell the caller while waiting, Withdraw), approved
 * (Send now), a temporary passcode not yet shown, an end with advice to read out. A done action without a passcode or
 * whose passcode the server says was shown already (Show passcode stays one click away), or a request the agent
 * withdrew, does not.
 */
export function needsAgent(a: ActionStatus): boolean {
  if (!a.terminal) return true;
  if (a.state === 'done') return a.passcode === 'available' && a.passcodeShownAt === null;
  return NEEDS_AGENT_ENDS.has(a.state);
}

/**
 * The one item the tray opens by itself: the newest that needs the agent (the call they are on), or none. Every
 * other item is one line that still shows its state, so several at once do not cover the page.
 */
export function openByDefault(actions: readonly ActionStatus[]): string | null {
  let newest: ActionStatus | null = null;
  for (const a of actions)
    if (needsAgent(a) && (newest === null || a.requestedAt > newest.requestedAt)) newest = a;
  return newest?.actionId ?? null;
}

/**
 * The actions whose state differs from the one last seen, and the states now seen. An action seen for the first
 * time is not a change (it was just requested, or the tab just opened): only what happens while it is watched is.
 */
export function stateChanges(
  seen: ReadonlyMap<string, TrackedState>,
  actions: readonly ActionStatus[],
): { changed: ActionStatus[]; seen: Map<string, TrackedState> } {
  const next = new Map(seen);
  const changed: ActionStatus[] = [];
  for (const a of actions) {
    const before = seen.get(a.actionId);
    if (before !== undefined && before !== a.state) changed.push(a);
    next.set(a.actionId, a.state);
  }
  return { changed, seen: next };
}
