'use client';
// The passcode action a device gets, as the button that opens its confirm dialog, or why it gets none. These pieces
// only draw (from the words and the access note they are given) and own no dialog: a list hands every row the same
// words and note and owns one dialog (passcode-action-host.tsx), the device page its own (page-passcode-action.tsx).
import type { Ref } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/shared/cn';
import type { PasscodePlan } from '@/lib/shared/devices/passcode-plan';
import type { DeviceListItem } from '@/lib/shared/devices/types';
import { preloadDialog } from './lazy-passcode-dialog';
import type { AccessNote } from './passcode-access';
import { noPasscodeActionTarget, passcodeActionTarget } from './passcode-action-target';
import type { PasscodeButtonWords } from './use-passcode-button-words';

type AvailablePlan = Extract<PasscodePlan, { available: true }>;
type UnavailablePlan = Extract<PasscodePlan, { available: false }>;

/** Why a device has no passcode action, in a list row: a few words on screen, the sentence as tooltip. */
export function NoPasscodeAction({
  plan,
  noAction,
  reason,
  short,
}: {
  plan: UnavailablePlan;
  /** "No passcode action", the sentence why, and the few words of it shown (worked out once per row's data). */
  noAction: string;
  reason: string;
  short: string;
}) {
  // The reason is on screen in a few words (what to do instead, or why not); the full sentence is the tooltip and
  // what a screen reader hears.
  return (
    <span
      data-testid="no-passcode-action"
      data-reason={plan.reason}
      title={reason}
      {...noPasscodeActionTarget(`${noAction}: ${reason}`)}
      className="block text-xs leading-4 text-slate-700 dark:text-slate-300"
    >
      <span className="block font-semibold">{noAction}</span>
      <span
        className="line-clamp-2 hyphens-auto"
        aria-hidden="true"
        data-testid="no-passcode-action-reason"
      >
        {short}
      </span>
      <span className="sr-only">: {reason}</span>
    </span>
  );
}

/**
 * The button that opens a device's confirm dialog, and (unless the dialog is open) what stands in the agent's way.
 * Whoever owns the dialog decides what a press does; a blocked button is still focusable and hoverable, so the
 * reason can be read, but a press does nothing.
 */
export function PasscodeButton({
  ref,
  device,
  plan,
  label,
  name,
  size,
  tabbable,
  note,
  words,
  expanded,
  onOpen,
}: {
  ref?: Ref<HTMLButtonElement>;
  device: DeviceListItem;
  plan: AvailablePlan;
  label: string;
  /** The accessible name: the action and the device it acts on (`PasscodeButtonWords.name`). */
  name: string;
  size: 'sm' | 'md';
  /**
   * In the results only the selected row's button is a Tab stop (the rows themselves move by arrow keys), so Tab
   * from it leaves the list for the tray instead of walking every row's button.
   */
  tabbable: boolean;
  note: AccessNote;
  words: PasscodeButtonWords;
  /** Whether its dialog is open, where the owner tells each button (the page); a list's rows are not told. */
  expanded?: boolean;
  onOpen: () => void;
}) {
  const shown = !expanded;
  const blocked = note.blocked && shown;
  const reason = note.reason && shown ? note.reason : null;
  const wrap =
    size === 'sm' && 'h-auto min-h-8 max-w-full whitespace-normal py-1 text-left leading-tight';
  return (
    <>
      <Button
        ref={ref}
        tabIndex={tabbable ? undefined : -1}
        variant="secondary"
        size={size}
        data-action-kind={plan.kind}
        {...passcodeActionTarget(device.id)}
        aria-label={name}
        aria-haspopup="dialog"
        {...(expanded === undefined ? {} : { 'aria-expanded': expanded })}
        data-state={expanded ? 'open' : 'closed'}
        onPointerEnter={preloadDialog}
        onFocus={preloadDialog}
        onClick={() => {
          if (!note.blocked) onOpen();
        }}
        // In a list cell a long name (German above all) wraps to two lines rather than spill out of the column.
        className={cn(wrap, blocked && 'cursor-not-allowed opacity-60') || undefined}
        {...(blocked ? { 'aria-disabled': true } : {})}
        {...(reason
          ? { title: words.accessReason(reason), 'aria-describedby': `no-access-${device.id}` }
          : {})}
      >
        {label}
      </Button>
      {reason && (
        <>
          <span id={`no-access-${device.id}`} className="sr-only">
            {words.accessReason(reason)}
          </span>
          {/* In sight, short: who can fix it (the sentence is the button's description and title). */}
          <span
            aria-hidden="true"
            data-testid="agent-access"
            data-access={note.mark}
            className={cn(
              'block text-slate-700 dark:text-slate-300',
              size === 'sm' ? 'mt-0.5 text-[11px] leading-tight' : 'mt-1 text-sm',
            )}
          >
            {words.accessShort(reason)}
          </span>
        </>
      )}
    </>
  );
}
