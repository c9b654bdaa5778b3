// The boundary where an action's status enters the browser: passcodeShownAt, which the tray decides on by itself
// (whether a done Android reset's item opens), is checked here with the server's own rule, so a malformed answer
// fails the read (react-query's error) instead of opening or closing an item.
import { checkPasscodeShownAt } from '@/lib/shared/actions/passcode-shown';
import type { ActionStatus } from '@/lib/shared/actions/types';

/** The status as the server sent it, once its passcodeShownAt is checked; throws (a read failure) otherwise. */
export function checkedStatus(status: ActionStatus): ActionStatus {
  const shown = checkPasscodeShownAt(status.passcodeShownAt);
  if (!shown.ok) throw new Error(`action ${status.actionId}: passcodeShownAt is not a time`);
  return status;
}

/** A list of statuses, each checked. */
export function checkedStatuses<T extends { actions: ActionStatus[] }>(body: T): T {
  body.actions.forEach(checkedStatus);
  return body;
}
