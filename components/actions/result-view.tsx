'use client';
// The confirm dialog's last view, after the POST: what Intune accepted (or whether it is still being verified), what
// happens next and what to tell the caller, with one Close button; and, when the console's database failed to record
// Graph's answer, that the console does not follow this request. While it is open it follows the action as the tray
// reads it, so what the agent tells the caller matches what is known (lib/shared/actions/caller-advice.ts): a wipe or
// retire pending, a device silent for days, a failure with Intune's error, done.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useQuery } from '@tanstack/react-query';
import { useNow, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { DialogFooter } from '@/components/ui/dialog-shell';
import { Notice } from '@/components/ui/notice';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { actionQueries } from '@/lib/browser/query/action-queries';
import { callerAdvice, type CallerAdvice } from '@/lib/shared/actions/caller-advice';
import type { PasscodeActionResult } from '@/lib/shared/actions/types';
import type { PasscodePlan } from '@/lib/shared/devices/passcode-plan';
import { ActionNextStep } from './action-next-step';
import { VerificationLine } from './verification-line';

export type AvailablePlan = Extract<PasscodePlan, { available: true }>;

/**
 * A result after which Graph has the request, or may have: accepted, of unknown fate, or either of these when the
 * console's database failed to record it. The dialog then shows what follows, not the form again.
 */
export type SentResult =
  | Extract<PasscodeActionResult, { status: 'accepted' | 'unknown' }>
  | (Extract<PasscodeActionResult, { status: 'storeUnavailable' }> & {
      sent: 'accepted' | 'unknownFate';
    });

export function wasSent(result: PasscodeActionResult | undefined): result is SentResult {
  return (
    result?.status === 'accepted' ||
    result?.status === 'unknown' ||
    (result?.status === 'storeUnavailable' &&
      (result.sent === 'accepted' || result.sent === 'unknownFate'))
  );
}

/** After the POST: what Intune accepted (or whether it is still being verified), what happens next, what to tell the caller. */
export function ResultView({
  result,
  plan,
  label,
  deviceName,
  lastSyncDateTime,
  onClose,
}: {
  result: SentResult;
  plan: AvailablePlan;
  label: string;
  deviceName: string;
  /** The device's last check-in as the dialog was opened; the action's status, once read, has a newer one. */
  lastSyncDateTime: string | null;
  onClose: () => void;
}) {
  const t = useTranslations('passcode');
  const api = useApiClient();
  const now = useNow({ updateInterval: 60_000 }).getTime();
  // What the tray last read of this action (nothing is fetched here); none for a request the console does not follow.
  const actionId = result.status === 'storeUnavailable' ? '' : result.actionId;
  const status = useQuery(actionQueries.followed(api, actionId)).data ?? null;
  const known = actionId === '' ? null : status;
  const advice = callerAdvice(plan.kind, known, lastSyncDateTime, now);
  // The database failed to record what Graph answered: the same view, but the tray will not follow it.
  const notRecorded = result.status === 'storeUnavailable';
  const accepted =
    result.status === 'accepted' ||
    (result.status === 'storeUnavailable' && result.sent === 'accepted');
  const requestId = result.status === 'unknown' ? result.failure.requestId : result.requestId;
  const said = accepted
    ? t(notRecorded ? 'acceptedNotRecorded' : 'accepted')
    : t(notRecorded ? 'unknownNotRecorded' : 'unknown');
  return (
    <div data-testid="action-result" data-result={result.status}>
      <AlertDialog.Title className="text-lg font-semibold [overflow-wrap:anywhere]">
        {accepted ? t('acceptedTitle', { action: label, device: deviceName }) : t('unknownTitle')}
      </AlertDialog.Title>
      <AlertDialog.Description asChild>
        <Notice
          as="div"
          role="status"
          frame="text"
          variant={accepted ? 'success' : 'warning'}
          className="mt-2 text-sm"
        >
          <p>{said}</p>
        </Notice>
      </AlertDialog.Description>
      {notRecorded && (
        <Notice
          as="p"
          frame="text"
          variant="warning"
          className="mt-2 text-sm font-semibold"
          data-testid="not-recorded"
        >
          {t('notRecorded')}
        </Notice>
      )}
      {result.status !== 'storeUnavailable' && (
        <VerificationLine verification={result.verification} className="mt-2 text-sm" />
      )}
      {requestId && (
        <p className="mt-2 font-mono text-xs">
          {t('requestId')}: <span data-testid="action-request-id">{requestId}</span>
        </p>
      )}
      <h3 className="mt-4 text-sm font-semibold">{t('nextTitle')}</h3>
      {advice.kind === 'wait' && (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          {t(`effects.${plan.kind}`)}
        </p>
      )}
      {known && <ActionNextStep action={known} polled />}
      <h3 className="mt-3 text-sm font-semibold">{t('tellCallerTitle')}</h3>
      <TellCaller advice={advice} />
      {/* In the sticky footer, like the confirm step's buttons: in view however long the advice above grows. */}
      <DialogFooter>
        <Button autoFocus onClick={onClose}>
          {t('close')}
        </Button>
      </DialogFooter>
    </div>
  );
}

/** What to tell the caller, in the agent's language, for the advice the known state gives. */
function TellCaller({ advice }: { advice: CallerAdvice }) {
  const t = useTranslations('passcode');
  const text = (() => {
    switch (advice.kind) {
      case 'wait':
        // A device silent for days: no "stay on the line", which the warning below would contradict.
        return advice.silentDays !== null
          ? t('tellCallerWaitSilent')
          : t(`tellCaller.${advice.action}`);
      case 'held':
        return t(`reasons.${advice.what}Pending`);
      case 'done':
        return t(`tellCallerDone.${advice.action}`);
      case 'failed':
        return t('tellCallerFailed');
      case 'notSupported':
        return t('tellCallerNotSupported');
      case 'ended':
        return t('tellCallerEnded');
    }
  })();
  return (
    <p
      className="mt-1 text-sm text-slate-700 dark:text-slate-300"
      data-testid="tell-caller"
      data-advice={advice.kind}
    >
      {text}
      {/* A device silent for days carries the action out only when it is back online: promise no time. */}
      {advice.kind === 'wait' && advice.silentDays !== null && (
        <Notice as="strong" frame="text" variant="warning" className="mt-1 block font-semibold">
          {t('tellCallerStale', { days: advice.silentDays })}
        </Notice>
      )}
    </p>
  );
}
