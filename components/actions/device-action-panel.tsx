'use client';
// The device page's passcode action: the button (or why there is none), the r shortcut, and once an action was
// requested, who asked for it, where it stands, what to do next, and its temporary passcode when it is a done
// Android reset. A four-eyes request shows where its approval stands, with Withdraw or Send now.
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { CopyForTicket } from '@/components/activity/copy-for-ticket';
import { VerificationLine } from './verification-line';
import { statusSummary } from '@/components/activity/status-summary';
import { noticeVariants } from '@/components/ui/notice';
import { isShortcut } from '@/lib/browser/keyboard/shortcut-event';
import { guardHoldsAt, type ActionStatus, type TrackedState } from '@/lib/shared/actions/types';
import type { DeviceDetail, WithPlan } from '@/lib/shared/devices/types';
import type { DeviceWarning } from '@/lib/shared/devices/warnings';
import { cn } from '@/lib/shared/cn';
import { ActionNextStep } from './action-next-step';
import { ApprovalStep } from './lazy-approval';
import { IntuneAuditEvent } from './lazy-action-parts';
import { PasscodeAction } from './page-passcode-action';
import { startPasscodeAction } from './passcode-action-target';
import { OwnerNotifications } from './lazy-action-parts';
import { PasscodeReveal } from './passcode-reveal';
import { useActionWords } from './use-action-words';
import { useFollowedAction } from './use-followed-action';

/** States of an action whose POST reached Graph: Intune may have logged it. */
const SENT_STATES: ReadonlySet<TrackedState> = new Set([
  'pending',
  'active',
  'done',
  'failed',
  'notSupported',
  'canceled',
  'verifying',
  'notConfirmed',
]);

/**
 * The device's passcode action (or why it has none), and, once one was requested, who asked for it, where it
 * stands and what to do next, and its temporary passcode when it is a done Android reset. The button stays while
 * an action is under way, so its dialog can show its result; a second request meets the device guard.
 */
export function DeviceAction({
  device,
  warnings,
  latest,
  readAt,
}: {
  device: WithPlan<DeviceDetail>;
  warnings: DeviceWarning[];
  latest: ActionStatus | null;
  readAt: number;
}) {
  // What the confirm dialog says before the click: the action under way, or one whose device guard the server
  // said still holds when the action was read.
  const recent = latest && (!latest.terminal || guardHoldsAt(latest.guard, readAt)) ? latest : null;
  // r starts this device's passcode action, through its dialog, as on a selected row of the list.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'r' || !isShortcut(e)) return;
      if (startPasscodeAction(document, device.id)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [device.id]);
  return (
    <div className="mt-4 space-y-2">
      {latest && <LatestAction initial={latest} />}
      <PasscodeAction device={device} warnings={warnings} recent={recent} />
    </div>
  );
}

function LatestAction({ initial }: { initial: ActionStatus }) {
  const t = useTranslations('passcode');
  const format = useFormatter();
  const words = useActionWords();
  const followed = useFollowedAction(initial, 'poll');
  const a = followed.action ?? initial;
  const text = t('inProgress', {
    action: a.kind ? words.action(a.kind) : a.graphAction,
    time: format.dateTime(new Date(a.requestedAt), 'time'),
    who: a.actorName ?? a.actorUpn ?? '—',
    ticket: a.ticket ?? '—',
    state: words.stateInSentence(a.state),
  });
  return (
    <div>
      <p
        role="status"
        data-testid="device-action"
        data-state={a.state}
        // One element through every state, so the live region announces the change rather than appearing anew.
        className={
          a.terminal
            ? 'text-sm text-slate-700 dark:text-slate-300'
            : cn(noticeVariants({ variant: 'info', frame: 'soft' }), 'px-3 py-2')
        }
      >
        {text}
      </p>
      {a.verification && <VerificationLine verification={a.verification} />}
      {a.approval && <ApprovalStep action={a} />}
      <ActionNextStep action={a} polled={followed.polled} />
      <OwnerNotifications notifications={a.notifications} className="text-sm" />
      {SENT_STATES.has(a.state) && <IntuneAuditEvent actionId={a.actionId} />}
      <div className="mt-2">
        <CopyForTicket summary={statusSummary(a, words)} />
      </div>
      {a.state === 'done' && <PasscodeReveal action={a} />}
    </div>
  );
}
