// How often the browser asks where an action stands: often right after the request, rarely once it has been
// waiting a while, never after a terminal state.
import type { ActionStatus } from '@/lib/shared/actions/types';

export function pollInterval(status: ActionStatus | undefined, now: number = Date.now()): number | false {
  if (!status || status.terminal) return false;
  const age = now - Date.parse(status.requestedAt);
  if (age < 30_000) return 2_000;
  if (age < 120_000) return 5_000;
  if (age < 600_000) return 15_000;
  if (age < 3_600_000) return 60_000;
  // An hour on, the device is offline: a check every five minutes tells the agent soon enough.
  return 300_000;
}
