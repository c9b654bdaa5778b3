// The device guard as the browser sees it before the click: whether an earlier request on the device still holds
// it (so a second one needs a reason). The server decides again; this mirrors what it released.
import type { ActionStatus, TrackedState } from '@/lib/shared/actions/types';

/** End states after which the device is no closer to being unlocked. */
export const DID_NOT_SUCCEED: ReadonlySet<TrackedState> = new Set([
  'failed',
  'rejected',
  'denied',
  'refused',
  'canceled',
  'notSupported',
]);
/** Refused before or at Graph's door: nothing was queued, and the console released the device at once. */
const RELEASED: ReadonlySet<TrackedState> = new Set(['rejected', 'denied', 'refused']);

/** Whether a second request now meets the device guard (and so needs a reason). The server decides again. */
export function guardHolds(action: ActionStatus, guardMinutes: number, now: number): boolean {
  // A request Graph turned away (a 429 beyond the server's own retry, say) queued nothing, and the server released
  // the device as it answered: sending it again after the countdown needs no reason, here as on the server.
  const turnedAway = action.requestStatus !== null;
  return (
    !RELEASED.has(action.state) &&
    !turnedAway &&
    now - Date.parse(action.requestedAt) < guardMinutes * 60_000
  );
}
