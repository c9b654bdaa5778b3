'use client';
// The passcode action's confirm dialog: what will happen (the Graph action and what the user experiences), what the
// agent must check (device, user, platform, serial, last sync, warnings, and an action already under way or
// recent), the ticket reference and an optional note, then one request, and a result view with one Close button.
// An accessible AlertDialog: focus is trapped, Escape cancels, the destructive button says what it does, and closing
// returns focus to the button that opened it. Loaded on first use by passcode-action.tsx.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useFormatter, useTranslations } from 'next-intl';
import { useState, type FormEvent, type RefObject } from 'react';
import { useSearchParams } from 'next/navigation';
import { SignInPrompt } from '@/components/auth/sign-in-prompt';
import { useWarningWords } from '@/components/devices/use-warning-words';
import { useErrorText } from '@/components/errors/use-error-text';
import { useValidationText } from '@/components/i18n/use-validation-text';
import { useThrottleWait } from '@/components/status/use-throttle-wait';
import { Button } from '@/components/ui/button';
import { useConsoleSettings } from '@/lib/browser/settings/console-settings';
import {
  MAX_NOTE_LENGTH,
  guardHoldsAt,
  parsePasscodeActionInput,
  type ActionStatus,
  type PasscodeActionResult,
} from '@/lib/shared/actions/types';
import type { PasscodePlan } from '@/lib/shared/devices/passcode-action';
import { platformOf } from '@/lib/shared/devices/platforms';
import type { DeviceListItem } from '@/lib/shared/devices/types';
import type { DeviceWarning } from '@/lib/shared/devices/warnings';
import type { ErrorInfo } from '@/lib/shared/errors';
import { cn } from '@/lib/shared/cn';
import { TICKET_PARAM, ticketFromLink } from '@/lib/shared/ticket';
import { RecentAction } from './recent-action';
import { useActionWords } from './use-action-words';
import { useConsentRefusal } from './use-consent-refusal';
import { ConsentRefusedError, NoAccountError, usePasscodeAction } from './use-passcode-action';

type AvailablePlan = Extract<PasscodePlan, { available: true }>;

/**
 * The confirm dialog itself, loaded when first wanted (passcode-action.tsx): Radix's dialog and the form are not part
 * of the page's first load. Controlled by the button that opens it, which is not a Radix trigger, so closing hands
 * the focus back to that button here.
 */
export function PasscodeActionDialog({
  device,
  warnings,
  recent,
  plan,
  label,
  open,
  attempt,
  onOpenChange,
  trigger,
}: {
  device: DeviceListItem;
  warnings: DeviceWarning[];
  recent: ActionStatus | null;
  plan: AvailablePlan;
  label: string;
  open: boolean;
  attempt: number;
  onOpenChange: (open: boolean) => void;
  trigger: RefObject<HTMLButtonElement | null>;
}) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <AlertDialog.Content
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            trigger.current?.focus();
          }}
          className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[min(40rem,95vw)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 text-slate-900 shadow-xl dark:bg-slate-900 dark:text-slate-100"
        >
          {/* A fresh form each time the dialog opens: nothing from an earlier attempt carries over. */}
          <ActionForm
            key={attempt}
            device={device}
            warnings={warnings}
            recent={recent}
            plan={plan}
            label={label}
            onClose={() => onOpenChange(false)}
          />
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

function ActionForm({
  device: d,
  warnings,
  recent,
  plan,
  label,
  onClose,
}: {
  device: DeviceListItem;
  warnings: DeviceWarning[];
  recent: ActionStatus | null;
  plan: AvailablePlan;
  label: string;
  onClose: () => void;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const validationText = useValidationText();
  const warningWords = useWarningWords();
  const { ticket: ticketRule } = useConsoleSettings();
  const mutation = usePasscodeAction();
  const refusal = useConsentRefusal();
  const throttle = useThrottleWait();
  // The dialog's "now": relative times and the guard hold still while the agent reads.
  const [openedAt] = useState(() => Date.now());
  // Opened from a ticket system's deep link (`/?ticket=INC-123&q=…`): the ticket is filled in already.
  const linkedTicket = ticketFromLink(useSearchParams().get(TICKET_PARAM), ticketRule);
  const [ticket, setTicket] = useState(linkedTicket);
  const [note, setNote] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const result = mutation.data;
  // The guard, known before the click (the list and the device page read it), or met on the first request.
  const needsReason =
    result?.status === 'alreadyRequested' ||
    (recent !== null && guardHoldsAt(recent.guard, openedAt));
  const platform = platformOf(d);
  const throttled = result?.status === 'throttled';
  const blocked = mutation.isPending || refusal !== null || (throttled && throttle.seconds > 0);

  if (result?.status === 'accepted' || result?.status === 'unknown') {
    const staleDays = warnings.find((w) => w.kind === 'stale')?.days ?? null;
    return (
      <ResultView
        result={result}
        plan={plan}
        label={label}
        deviceName={d.deviceName}
        staleDays={staleDays}
        onClose={onClose}
      />
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (blocked) return;
    const input = {
      deviceId: d.id,
      kind: plan.kind,
      ticket,
      note,
      ...(needsReason ? { overrideReason } : {}),
    };
    const parsed = parsePasscodeActionInput(input, ticketRule);
    if (!parsed.ok) {
      setErrors(parsed.fieldErrors);
      return;
    }
    setErrors({});
    mutation.mutate(input);
  };

  return (
    <form onSubmit={submit} noValidate>
      <AlertDialog.Title className="text-lg font-semibold">
        {t('passcode.title', { action: label, name: d.deviceName })}
      </AlertDialog.Title>
      <AlertDialog.Description
        className="mt-1 text-sm text-slate-700 dark:text-slate-300"
        data-testid="action-effect"
      >
        {t(`passcode.effects.${plan.kind}`)}
      </AlertDialog.Description>
      <p
        className="mt-1 font-mono text-xs text-slate-600 dark:text-slate-400"
        data-testid="graph-action"
      >
        {t('passcode.graphAction', { action: plan.graphAction })}
      </p>
      {plan.beyondDocumented && (
        <p className="mt-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          {t('passcode.beyondDocumented')}
        </p>
      )}
      {recent && (
        <div
          className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          data-testid="dialog-recent-action"
        >
          <RecentAction action={recent} now={openedAt} />
          {needsReason && recent.guard && (
            // Until when the server holds the device, as it answered: the browser works out no window of its own.
            <p className="mt-1" data-testid="guard-needs-reason">
              {recent.guard.kind === 'until'
                ? t('passcode.guardNeedsReason', {
                    until: format.dateTime(new Date(recent.guard.until), 'time'),
                  })
                : t('passcode.guardUntilSettled')}
            </p>
          )}
        </div>
      )}
      <h3 className="mt-4 text-sm font-semibold">{t('passcode.check')}</h3>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-800">
        <dt className="text-slate-600 dark:text-slate-300">{t('device.fields.name')}</dt>
        <dd className="font-medium">{d.deviceName}</dd>
        <dt className="text-slate-600 dark:text-slate-300">{t('device.fields.user')}</dt>
        <dd className="break-words">
          {d.userDisplayName} · {d.userPrincipalName}
        </dd>
        <dt className="text-slate-600 dark:text-slate-300">{t('device.fields.platform')}</dt>
        <dd>
          {platform ? t(`platforms.${platform}`) : d.operatingSystem} {d.osVersion}
        </dd>
        <dt className="text-slate-600 dark:text-slate-300">{t('device.fields.serial')}</dt>
        <dd className="font-mono">{d.serialNumber || t('device.none')}</dd>
        <dt className="text-slate-600 dark:text-slate-300">{t('device.fields.lastSync')}</dt>
        <dd>
          {d.lastSyncDateTime
            ? `${format.dateTime(new Date(d.lastSyncDateTime), 'dateTime')} (${format.relativeTime(new Date(d.lastSyncDateTime), openedAt)})`
            : t('devices.neverSynced')}
        </dd>
      </dl>
      {warnings.length > 0 && (
        <ul className="mt-3 space-y-1 text-sm" aria-label={t('warnings.label')}>
          {warnings.map((w) => (
            <li
              key={w.kind}
              className="rounded bg-amber-50 px-2 py-1 text-amber-950 dark:bg-amber-950 dark:text-amber-100"
            >
              {warningWords(w).text}
            </li>
          ))}
        </ul>
      )}

      <label htmlFor="ticket" className="mt-4 block text-sm font-semibold">
        {t('passcode.ticket')}
      </label>
      <input
        id="ticket"
        required
        autoFocus
        autoComplete="off"
        value={ticket}
        onChange={(e) => setTicket(e.target.value.toUpperCase())}
        aria-invalid={errors.ticket ? true : undefined}
        aria-describedby="ticket-help"
        className="mt-1 h-10 w-full rounded-md border border-slate-400 bg-white px-3 font-mono dark:border-slate-500 dark:bg-slate-950"
      />
      <p
        id="ticket-help"
        className={
          errors.ticket
            ? 'mt-1 text-sm text-red-800 dark:text-red-300'
            : 'mt-1 text-sm text-slate-600 dark:text-slate-300'
        }
      >
        {errors.ticket
          ? validationText(errors.ticket)
          : t('passcode.ticketHelp', { example: ticketRule.example })}
      </p>

      <label htmlFor="note" className="mt-3 block text-sm font-semibold">
        {t('passcode.note')}
      </label>
      <textarea
        id="note"
        rows={2}
        maxLength={MAX_NOTE_LENGTH}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        className="mt-1 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm dark:border-slate-500 dark:bg-slate-950"
      />
      {errors.note && (
        <p className="text-sm text-red-800 dark:text-red-300">{validationText(errors.note)}</p>
      )}

      {needsReason && (
        <>
          <label htmlFor="override-reason" className="mt-3 block text-sm font-semibold">
            {t('passcode.overrideReason')}
          </label>
          <textarea
            id="override-reason"
            rows={2}
            maxLength={MAX_NOTE_LENGTH}
            value={overrideReason}
            onChange={(e) => setOverrideReason(e.target.value)}
            aria-invalid={errors.overrideReason ? true : undefined}
            className="mt-1 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm dark:border-slate-500 dark:bg-slate-950"
          />
          {errors.overrideReason && (
            <p className="text-sm text-red-800 dark:text-red-300">
              {validationText(errors.overrideReason)}
            </p>
          )}
        </>
      )}

      <SignInPrompt inDialog />
      <div
        role="status"
        aria-live="polite"
        className="mt-4 min-h-6 text-sm"
        data-testid="action-result"
      >
        {mutation.isPending && (
          <p data-approval={mutation.approval ?? undefined}>
            {mutation.approval ? t('passcode.awaitingApproval') : t('passcode.pending')}
          </p>
        )}
        {mutation.error && (
          <p className="text-red-800 dark:text-red-300" data-result="consent">
            {mutation.error instanceof ConsentRefusedError
              ? t(
                  mutation.error.why === 'closed'
                    ? 'passcode.consentClosed'
                    : 'passcode.consentRefused',
                )
              : // Otherwise the console's own plain-text refusal (413, foreign origin, rate limit: proxy.ts words it in
                // the agent's language), or the browser's network error, after the general sentence.
                mutation.error instanceof NoAccountError
                ? t('auth.noAccount')
                : `${t('passcode.failed')} ${mutation.error.message}`}
          </p>
        )}
        {result && !throttled && <RefusalMessage result={result} />}
        {throttled && (
          <p
            className="text-amber-900 dark:text-amber-200"
            data-result="throttled"
            data-testid="action-throttled"
          >
            {throttle.seconds > 0
              ? t('passcode.throttledWait', { seconds: throttle.seconds })
              : t('passcode.throttledReady')}
          </p>
        )}
      </div>

      <div className="mt-4 flex justify-end gap-2">
        <AlertDialog.Cancel asChild>
          <Button variant="secondary">{t('passcode.cancel')}</Button>
        </AlertDialog.Cancel>
        <Button type="submit" variant="destructive" disabled={blocked} data-testid="confirm-action">
          {mutation.isPending
            ? t('passcode.pending')
            : needsReason
              ? t('passcode.confirmAnyway')
              : label}
        </Button>
      </div>
    </form>
  );
}

/** After the POST: what Intune accepted (or whether it is still being verified), what happens next, what to tell the caller. */
function ResultView({
  result,
  plan,
  label,
  deviceName,
  staleDays,
  onClose,
}: {
  result: Extract<PasscodeActionResult, { status: 'accepted' | 'unknown' }>;
  plan: AvailablePlan;
  label: string;
  deviceName: string;
  /** Days since the device last checked in, when that is long enough to say so; null otherwise. */
  staleDays: number | null;
  onClose: () => void;
}) {
  const t = useTranslations('passcode');
  const accepted = result.status === 'accepted';
  const requestId = accepted ? result.requestId : result.failure.requestId;
  return (
    <div data-testid="action-result" data-result={result.status}>
      <AlertDialog.Title className="text-lg font-semibold">
        {accepted ? t('acceptedTitle', { action: label, device: deviceName }) : t('unknownTitle')}
      </AlertDialog.Title>
      <AlertDialog.Description asChild>
        <div
          role="status"
          className={cn(
            'mt-2 text-sm',
            accepted
              ? 'text-emerald-900 dark:text-emerald-300'
              : 'text-amber-900 dark:text-amber-200',
          )}
        >
          <p>{accepted ? t('accepted') : t('unknown')}</p>
        </div>
      </AlertDialog.Description>
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
          <strong className="mt-1 block font-semibold text-amber-900 dark:text-amber-200">
            {t('tellCallerStale', { days: staleDays })}
          </strong>
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

function RefusalMessage({ result }: { result: PasscodeActionResult }) {
  const t = useTranslations();
  const format = useFormatter();
  const words = useActionWords();
  const validationText = useValidationText();
  const errorText = useErrorText();
  const failure: ErrorInfo | null = 'failure' in result ? result.failure : null;
  const text = (() => {
    switch (result.status) {
      case 'accepted':
      case 'unknown':
      case 'throttled':
        return '';
      case 'alreadyRequested': {
        const h = result.holder;
        return t('passcode.alreadyRequested', {
          who: h.actorName ?? h.actorUpn ?? t('passcode.anotherAgent'),
          when: format.dateTime(new Date(h.requestedAt), 'dateTime'),
          ticket: h.ticket,
        });
      }
      case 'invalid':
        return Object.values(result.fieldErrors)
          .map((key) => validationText(key ?? ''))
          .join(' ');
      case 'notAvailable':
        return `${t('passcode.notAvailable')} ${words.noActionReason(result.plan)}`;
      case 'planChanged':
        return t('passcode.planChanged', {
          action: result.plan.available
            ? words.action(result.plan.kind, result.plan.beyondDocumented)
            : t('passcode.noAction'),
        });
      case 'signInAgain':
        return t('passcode.signInAgain');
      case 'consentRequired':
      case 'claimsChallenge':
        return t('passcode.consentRefused');
      case 'denied':
        return `${t('passcode.denied')} ${result.failure.reason ? t(`errors.${result.failure.reason}`) : ''}`;
      // Intune's own words stay as Intune wrote them: they are what Microsoft support searches for.
      case 'rejected':
        return `${t('passcode.rejected')} ${t('passcode.intuneSaid', { message: result.failure.message })} ${t('passcode.rejectedHelp')}`;
      case 'rateLimited':
        return t('passcode.rateLimited', {
          limit: result.limit,
          minutes: Math.ceil(result.retryAfterSeconds / 60),
        });
      case 'failed':
        return `${t('passcode.failed')} ${errorText.what(result.failure)}`;
    }
  })();
  return (
    <div
      className={
        result.status === 'alreadyRequested'
          ? 'text-amber-900 dark:text-amber-200'
          : 'text-red-800 dark:text-red-300'
      }
    >
      <p data-result={result.status}>{text}</p>
      {failure?.requestId && (
        <p className="mt-1 font-mono text-xs">
          {t('passcode.requestId')}:{' '}
          <span data-testid="action-request-id">{failure.requestId}</span>
        </p>
      )}
      {failure?.operationId && (
        <p className="font-mono text-xs">
          {t('passcode.operationId')}:{' '}
          <span data-testid="action-operation-id">{failure.operationId}</span>
        </p>
      )}
      {failure?.date && (
        <p className="font-mono text-xs">
          {t('errors.time')}: {failure.date}
        </p>
      )}
    </div>
  );
}
