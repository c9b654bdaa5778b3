// How often the browser asks where an action stands. Most devices pick an action up within seconds when online,
// so the first checks come close together (an action done 10 s after the request is seen within 10 s of done);
// after that the checks spread out exponentially: 13 in the first ten minutes (graph-intune.md: Intune's budget
// is shared by every agent), then one every five minutes. The tray's "Check now" asks at once whenever the agent
// wants. Never after a terminal state. A four-eyes request not yet sent is read from the console's own database
// alone (no Graph request): while it waits for an approver, or waits to be sent, it is read every 15 s, so the
// requester hears of a decision (or the expiry) soon, whatever the request's age.
import type { ActionStatus, TrackedState } from '@/lib/shared/actions/types';

/** Seconds after the request at which the status is checked in the first ten minutes. */
export const POLL_SCHEDULE_SECONDS = [
  3, 6, 10, 15, 25, 40, 60, 90, 135, 200, 300, 450, 600,
] as const;
const LATER_MS = 300_000;

/** How often a request waiting for an approver, or approved and not yet sent, is read. */
export const APPROVAL_POLL_MS = 15_000;
const BEFORE_SENDING: ReadonlySet<TrackedState> = new Set(['awaitingApproval', 'approved']);

/** How long after the request a failed owner's e-mail still keeps a settled action's status polled. */
const NOTIFICATION_RETRY_WINDOW_MS = 3_600_000;

export function pollInterval(
  status: ActionStatus | undefined,
  now: number = Date.now(),
): number | false {
  if (!status) return false;
  if (status.terminal) return notificationRetry(status, now);
  if (BEFORE_SENDING.has(status.state)) return APPROVAL_POLL_MS;
  const ageMs = now - Date.parse(status.requestedAt);
  const next = POLL_SCHEDULE_SECONDS.find((s) => s * 1000 > ageMs);
  if (next === undefined) return LATER_MS;
  // Never sooner than a second: a fetch that ran late must not be followed by a burst.
  return Math.max(1000, next * 1000 - ageMs);
}

/**
 * A settled action whose owner's e-mail is still due (pending, or failed with a retry time) is read again when the
 * retry is due: the requester's reads are what send it (tokens are never stored). Within an hour of the request.
 */
function notificationRetry(status: ActionStatus, now: number): number | false {
  if (now - Date.parse(status.requestedAt) > NOTIFICATION_RETRY_WINDOW_MS) return false;
  const due = status.notifications
    .filter((n) => n.state === 'pending' || (n.state === 'failed' && n.retryAt !== null))
    .map((n) => (n.state === 'pending' || n.retryAt === null ? now : Date.parse(n.retryAt)));
  if (due.length === 0) return false;
  return Math.min(LATER_MS, Math.max(1000, Math.min(...due) - now));
}
