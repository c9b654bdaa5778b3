// When an action's temporary passcode was last shown (ActionStatus.passcodeShownAt): an ISO 8601 time, or null when it
// never was. One check for both sides: the server's zod schema runs it on the audit trail's time (passcode-shown-
// schema.ts) and the browser runs it on every status it reads, since the tray decides on it alone.
import { invalid, valid, type Checked } from '@/lib/shared/checked';

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

export function checkPasscodeShownAt(value: unknown): Checked<string | null> {
  if (value === null) return valid(null);
  return typeof value === 'string' && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))
    ? valid(value)
    : invalid('validation.invalid');
}
