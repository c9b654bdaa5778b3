// When a device that has not answered a passcode action counts as overdue: the one rule behind the advice to keep a
// locked phone switched on and connected. Shown from then on, not at once: an online phone carries the action out
// within minutes, and telling its caller to fix a connection it has would waste the call.
import type { ActionStatus } from './types';

const MINUTE_MS = 60_000;

/**
 * Intune's scheduled check-in of iOS/iPadOS and Android devices once past their first days after enrolment: about
 * every 8 hours (Microsoft Learn, Intune "Refresh cycle times"). A device whose last check-in is older has missed
 * at least one, so it is most likely switched off or without a connection right now.
 */
export const USUAL_CHECK_IN_HOURS = 8;

/**
 * How long an action may go unanswered by a device that checked in within its usual cycle. A remote action makes
 * Intune push a notification (APNs for Apple, FCM for Android, WNS for Windows) that tells the device to check in at
 * once; an online phone does within seconds to a few minutes, and Intune sends the notification again when the device
 * does not react. Ten minutes is well past that: no answer by then means the push did not reach the phone.
 */
export const PUSH_ANSWER_MINUTES = 10;

/**
 * The same for a device that has already missed its usual check-in: it is probably offline, so the advice comes
 * sooner. Still not at once: the phone in the caller's hand may just have been switched on, and a push and the
 * check-in it starts take a moment.
 */
export const MISSED_CHECK_IN_ANSWER_MINUTES = 3;

/** Where a device stands in answering an action it has not reported on yet; null when nothing is awaited of it. */
export interface CheckInWait {
  /** From when the device counts as overdue (ms since the epoch). */
  overdueAt: number;
  overdue: boolean;
  /** The device's last check-in is older than its usual cycle (or it never checked in). */
  missedUsualCheckIn: boolean;
}

/**
 * Whether the device is overdue with the action at `now`. Only an action the device has not picked up yet is awaited
 * (pending, or none reported); one it has checked in for since the request is not: the device is online and has it.
 */
export function checkInWait(
  action: Pick<ActionStatus, 'state' | 'requestedAt' | 'lastSyncDateTime'>,
  now: number,
): CheckInWait | null {
  if (action.state !== 'pending' && action.state !== 'none') return null;
  // The request's time stands for Intune's acceptance: Graph answers the POST within seconds of it.
  const requested = Date.parse(action.requestedAt);
  const lastSync = action.lastSyncDateTime === null ? null : Date.parse(action.lastSyncDateTime);
  if (lastSync !== null && lastSync >= requested) return null;
  const missedUsualCheckIn =
    lastSync === null || requested - lastSync > USUAL_CHECK_IN_HOURS * 60 * MINUTE_MS;
  const overdueAt =
    requested +
    (missedUsualCheckIn ? MISSED_CHECK_IN_ANSWER_MINUTES : PUSH_ANSWER_MINUTES) * MINUTE_MS;
  return { overdueAt, overdue: now >= overdueAt, missedUsualCheckIn };
}
