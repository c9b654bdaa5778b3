'use client';
// The confirm dialog's last view, after the POST: what Intune accepted (or whether it is still being verified), what
// happens next and what to tell the caller, with one Close button; and, when the console's database failed to record
// Graph's answer, that the console does not follow this request.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import type { PasscodeActionResult } from '@/lib/shared/actions/types';
import type { PasscodePlan } from '@/lib/shared/devices/passcode-plan';
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
  staleDays,
  onClose,
}: {
  result: SentResult;
  plan: AvailablePlan;
  label: string;
  deviceName: string;
  /** Days since the device last checked in, when that is long enough to say so; null otherwise. */
  staleDays: number | null;
  onClose: () => void;
}) {
  const t = useTranslations('passcode');
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
      <AlertDialog.Title className="text-lg font-semibold">
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
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{t(`effects.${plan.kind}`)}</p>
      <h3 className="mt-3 text-sm font-semibold">{t('tellCallerTitle')}</h3>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300" data-testid="tell-caller">
        {t(`tellCaller.${plan.kind}`)}
        {/* A device silent for days carries the action out only when it is back online: promise no time. */}
        {staleDays !== null && (
          <Notice as="strong" frame="text" variant="warning" className="mt-1 block font-semibold">
            {t('tellCallerStale', { days: staleDays })}
          </Notice>
        )}
      </p>
      <div className="mt-5 flex justify-end">
        <Button autoFocus onClick={onClose}>
          {t('close')}
        </Button>
      </div>
    </div>
  );
}
