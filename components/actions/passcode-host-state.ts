// What the list's one passcode dialog shows (passcode-action-host.tsx), as pure steps, so they can be tested
// without a browser: the last device opened is kept after closing, so the dialog closes on its own terms (its
// closing animation, the focus handed back), and every opening counts, so each gets a fresh form.
import type { ActionStatus } from '@/lib/shared/actions/types';
import type { PasscodePlan } from '@/lib/shared/devices/passcode-plan';
import type { DeviceRow } from '@/lib/shared/devices/types';
import type { DeviceWarning } from '@/lib/shared/devices/warnings';

/** The device a dialog is opened for, as the list was given it by the server. */
export interface ActionTarget {
  device: DeviceRow;
  warnings: DeviceWarning[];
  recent: ActionStatus | null;
  plan: Extract<PasscodePlan, { available: true }>;
  label: string;
}

/** What the dialog shows: generic in its target, which these steps only carry. */
export interface Shown<T = ActionTarget> {
  target: T;
  open: boolean;
  /** Counts openings: the form is keyed by it, so nothing typed for one device carries over to the next. */
  attempt: number;
}

/** A row's button was pressed: the dialog opens for that device, with a fresh form. */
export function opened<T>(shown: Shown<T> | null, target: T): Shown<T> {
  return { target, open: true, attempt: (shown?.attempt ?? 0) + 1 };
}

/** The dialog asks to close (Radix only ever asks to close it: the rows are not its triggers). */
export function closed<T>(shown: Shown<T> | null): Shown<T> | null {
  return shown && { ...shown, open: false };
}
