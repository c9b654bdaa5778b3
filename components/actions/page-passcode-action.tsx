'use client';
// The device page's passcode action: the button with its own confirm dialog (the page shows one device), or why
// there is none. The list's rows share one dialog instead (passcode-action-host.tsx).
import { Suspense, useMemo, useRef, useState } from 'react';
import type { ActionStatus } from '@/lib/shared/actions/types';
import type { PasscodePlan } from '@/lib/shared/devices/passcode-plan';
import type { DeviceListItem, DeviceRow } from '@/lib/shared/devices/types';
import type { DeviceWarning } from '@/lib/shared/devices/warnings';
import { PasscodeActionDialog } from './lazy-passcode-dialog';
import { accessNote } from './passcode-access';
import { PasscodeButton } from './passcode-action-button';
import { useAgentAccess } from './use-agent-access';
import { useConsentRefusal } from './use-consent-refusal';
import { usePasscodeButtonWords, type PasscodeButtonWords } from './use-passcode-button-words';

type AvailablePlan = Extract<PasscodePlan, { available: true }>;

/** The device page's passcode action: the button with its own confirm dialog, or the reason it has none. */
export function PasscodeAction({
  device,
  warnings,
  recent = null,
}: {
  device: DeviceRow;
  warnings: DeviceWarning[];
  recent?: ActionStatus | null;
}) {
  const words = usePasscodeButtonWords();
  // The server's decision (the device page's exact plan): shown, never re-derived here.
  const plan = device.passcodePlan;
  if (!plan.available)
    return (
      <p
        data-testid="no-passcode-action"
        data-reason={plan.reason}
        className="rounded bg-slate-100 px-3 py-2 text-sm text-slate-800 dark:bg-slate-800 dark:text-slate-100"
      >
        {words.noActionReason(plan)}
      </p>
    );
  return (
    <PagePasscodeButton
      device={device}
      warnings={warnings}
      recent={recent}
      plan={plan}
      words={words}
    />
  );
}

function PagePasscodeButton({
  device,
  warnings,
  recent,
  plan,
  words,
}: {
  device: DeviceListItem;
  warnings: DeviceWarning[];
  recent: ActionStatus | null;
  plan: AvailablePlan;
  words: PasscodeButtonWords;
}) {
  // Known before any ticket is typed (the server's decision), and this tab's refusal of consent.
  const access = useAgentAccess();
  const refusal = useConsentRefusal();
  const note = useMemo(() => accessNote(access, refusal), [access, refusal]);
  const [open, setOpen] = useState(false);
  // The dialog stays mounted once opened, so it can close (and hand the focus back) on its own terms.
  const [attempt, setAttempt] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const label = words.label(plan);
  const onOpenChange = (next: boolean) => {
    if (next && note.blocked) return;
    setOpen(next);
    if (next) setAttempt((n) => n + 1);
  };
  return (
    <>
      <PasscodeButton
        ref={button}
        device={device}
        plan={plan}
        label={label}
        name={words.name(device, label)}
        size="md"
        tabbable
        note={note}
        words={words}
        expanded={open}
        onOpen={() => onOpenChange(true)}
      />
      {attempt > 0 && (
        <Suspense fallback={null}>
          <PasscodeActionDialog
            device={device}
            warnings={warnings}
            recent={recent}
            plan={plan}
            label={label}
            open={open}
            attempt={attempt}
            onOpenChange={onOpenChange}
            returnFocus={() => button.current?.focus()}
          />
        </Suspense>
      )}
    </>
  );
}
