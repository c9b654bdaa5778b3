'use client';
// The passcode action a device gets, as the button that opens its confirm dialog, or why it gets none. The dialog
// (Radix, the form, the request) is loaded on first use: fetched when the pointer or the focus reaches the button,
// so it is there by the click, and otherwise by the click itself (the r shortcut).
import { useTranslations } from 'next-intl';
import { lazy, Suspense, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionStatus } from '@/lib/shared/actions/types';
import { cn } from '@/lib/shared/cn';
import type { PasscodePlan } from '@/lib/shared/devices/passcode-plan';
import type { DeviceListItem, DeviceRow } from '@/lib/shared/devices/types';
import type { DeviceWarning } from '@/lib/shared/devices/warnings';
import { passcodeActionTarget } from './passcode-action-target';
import { useActionWords } from './use-action-words';
import { useAgentAccess } from './use-agent-access';
import { useConsentRefusal } from './use-consent-refusal';

const loadDialog = () => import('./passcode-action-dialog');
const PasscodeActionDialog = lazy(() =>
  loadDialog().then((m) => ({ default: m.PasscodeActionDialog })),
);
/** Starts fetching the dialog's code; harmless to call again (the module is fetched once). */
const preloadDialog = () => {
  void loadDialog();
};

type AvailablePlan = Extract<PasscodePlan, { available: true }>;

/** The device's passcode action as a button that opens the confirm dialog, or the reason it has none. */
export function PasscodeAction({
  device,
  warnings,
  recent = null,
  variant = 'row',
  tabbable = true,
}: {
  device: DeviceRow;
  warnings: DeviceWarning[];
  recent?: ActionStatus | null;
  variant?: 'row' | 'page';
  /**
   * In the results only the selected row's button is a Tab stop (the rows themselves move by arrow keys), so Tab
   * from it leaves the list for the tray instead of walking every row's button.
   */
  tabbable?: boolean;
}) {
  const t = useTranslations('passcode');
  const words = useActionWords();
  // The server's decision (a list row's from v1.0 alone, the device page's exact): shown, never re-derived here.
  const plan = device.passcodePlan;
  if (!plan.available) {
    const reason = words.noActionReason(plan);
    // In a row the reason is on screen in a few words (what to do instead, or why not); the full sentence is the
    // tooltip and what a screen reader hears.
    return variant === 'row' ? (
      <span
        data-testid="no-passcode-action"
        data-reason={plan.reason}
        title={reason}
        className="block text-xs leading-4 text-slate-700 dark:text-slate-300"
      >
        <span className="block font-semibold">{t('noAction')}</span>
        <span
          className="line-clamp-2 hyphens-auto"
          aria-hidden="true"
          data-testid="no-passcode-action-reason"
        >
          {words.noActionShortReason(plan)}
        </span>
        <span className="sr-only">: {reason}</span>
      </span>
    ) : (
      <p
        data-testid="no-passcode-action"
        data-reason={plan.reason}
        className="rounded bg-slate-100 px-3 py-2 text-sm text-slate-800 dark:bg-slate-800 dark:text-slate-100"
      >
        {reason}
      </p>
    );
  }
  return (
    <PasscodeActionButton
      device={device}
      warnings={warnings}
      recent={recent}
      plan={plan}
      size={variant === 'row' ? 'sm' : 'md'}
      tabbable={tabbable}
    />
  );
}

function PasscodeActionButton({
  device,
  warnings,
  recent,
  plan,
  size,
  tabbable,
}: {
  device: DeviceListItem;
  warnings: DeviceWarning[];
  recent: ActionStatus | null;
  plan: AvailablePlan;
  size: 'sm' | 'md';
  tabbable: boolean;
}) {
  const t = useTranslations('passcode');
  const words = useActionWords();
  const refusal = useConsentRefusal();
  // Known before any ticket is typed (the server's decision): a role without remote tasks can never succeed, so the
  // button opens nothing; missing consent may still be granted in the approval window (by an administrator), so it
  // opens, saying so first.
  const access = useAgentAccess();
  const blocked = refusal !== null || access === 'missingRole';
  const reason =
    access === 'missingRole'
      ? t('access.missingRole')
      : refusal
        ? t('unavailableToAccount')
        : access === 'missingConsent'
          ? t('access.missingConsent')
          : null;
  const [open, setOpen] = useState(false);
  // The dialog stays mounted once opened, so it can close (and hand the focus back) on its own terms.
  const [attempt, setAttempt] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const label = words.action(plan.kind, plan.beyondDocumented);
  const name = device.serialNumber
    ? t('buttonFor', { action: label, name: device.deviceName, serial: device.serialNumber })
    : t('buttonForNoSerial', { action: label, name: device.deviceName });
  const onOpenChange = (next: boolean) => {
    if (next && blocked) return;
    setOpen(next);
    if (next) setAttempt((n) => n + 1);
  };
  const wrap =
    size === 'sm' && 'h-auto min-h-8 max-w-full whitespace-normal py-1 text-left leading-tight';
  return (
    <>
      <Button
        ref={button}
        tabIndex={tabbable ? undefined : -1}
        variant="secondary"
        size={size}
        data-action-kind={plan.kind}
        {...passcodeActionTarget(device.id)}
        aria-label={name}
        aria-haspopup="dialog"
        aria-expanded={open}
        data-state={open ? 'open' : 'closed'}
        onPointerEnter={preloadDialog}
        onFocus={preloadDialog}
        onClick={() => onOpenChange(!open)}
        // In a list cell a long name (German above all) wraps to two lines rather than spill out of the column.
        // Refused for this account: still focusable and hoverable, so the reason can be read, but it does nothing.
        className={cn(wrap, blocked && !open && 'cursor-not-allowed opacity-60') || undefined}
        {...(blocked && !open ? { 'aria-disabled': true } : {})}
        {...(reason && !open
          ? { title: reason, 'aria-describedby': `no-access-${device.id}` }
          : {})}
      >
        {label}
      </Button>
      {reason && !open && (
        <>
          <span id={`no-access-${device.id}`} className="sr-only">
            {reason}
          </span>
          {/* In sight, short: who can fix it (the sentence is the button's description and title). */}
          <span
            aria-hidden="true"
            data-testid="agent-access"
            data-access={refusal ? 'refused' : access}
            className={cn(
              'block text-slate-700 dark:text-slate-300',
              size === 'sm' ? 'mt-0.5 text-[11px] leading-tight' : 'mt-1 text-sm',
            )}
          >
            {access === 'missingRole'
              ? t('access.missingRoleShort')
              : t('access.missingConsentShort')}
          </span>
        </>
      )}
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
            trigger={button}
          />
        </Suspense>
      )}
    </>
  );
}
