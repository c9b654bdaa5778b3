'use client';
// The passcode action's confirm dialog: what will happen (the Graph action and what the user experiences), what the
// agent must check (device, user, platform, serial, last sync, warnings, and an action already under way or
// recent), the ticket reference and an optional note, then one request, and a result view with one Close button.
// An accessible AlertDialog: focus is trapped, Escape cancels, the destructive button says what it does, and closing
// returns focus to the button that opened it. Loaded on first use (lazy-passcode-dialog.ts).
// On opening it asks the server for the device's exact plan (GET /api/devices/{id}/passcode-plan: Graph read again,
// beta where v1.0 cannot tell the mode): the row's plan is v1.0's alone and may be out of date. Until the answer is
// there, a Confirm pressed is sent once it is (with the server's kind); when the answer is "no action" (a wipe or retire pending, above all), the dialog says why and
// what to tell the caller, and offers no Confirm. Where the server's four-eyes policy asks for a second agent's
// approval (the caller endpoint's answer), the dialog says so, the note becomes the reason for the approver
// (required), Confirm requests the approval, and the last view says the request waits.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'next/navigation';
import { SignInPrompt } from '@/components/auth/sign-in-prompt';
import { CallerPanel } from '@/components/trust/caller-panel';
import { useWarningWords } from '@/components/devices/use-warning-words';
import { useValidationText } from '@/components/i18n/use-validation-text';
import { useThrottleWait } from '@/components/status/use-throttle-wait';
import { Button } from '@/components/ui/button';
import { DialogFooter, DialogShell } from '@/components/ui/dialog-shell';
import { Input } from '@/components/ui/input';
import { firstInvalidField } from '@/components/ui/first-invalid-field';
import { keepFieldInView } from '@/components/ui/keep-in-view';
import { FieldError, Notice } from '@/components/ui/notice';
import { Textarea } from '@/components/ui/textarea';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { approvalPolicyOf, callerQueries } from '@/lib/browser/query/caller-queries';
import { deviceQueries } from '@/lib/browser/query/device-queries';
import { useConsoleSettings } from '@/lib/browser/settings/console-settings';
import {
  MAX_NOTE_LENGTH,
  guardHoldsAt,
  parsePasscodeActionInput,
  type ActionStatus,
} from '@/lib/shared/actions/types';
import { platformOf } from '@/lib/shared/devices/platforms';
import type { DeviceListItem } from '@/lib/shared/devices/types';
import type { DeviceWarning } from '@/lib/shared/devices/warnings';
import { TICKET_PARAM, ticketFromLink } from '@/lib/shared/ticket';
import { MIN_APPROVAL_REASON_LENGTH } from '@/lib/shared/trust/approval';
import { checkApprovalReason } from '@/lib/shared/trust/approval-input';
import type { CallerVerification } from '@/lib/shared/trust/verification';
import { ApprovalNotice, ApprovalPendingView } from './lazy-approval';
import { PendingWait } from './pending-wait';
import { missingParts, verificationMissing, type MissingPart } from './missing-parts';
import { RecentAction } from './recent-action';
import { RefusalMessage } from './refusal-message';
import { ResultView, wasSent, type AvailablePlan } from './result-view';
import { useActionWords } from './use-action-words';
import { useConsentRefusal } from './use-consent-refusal';
import { ConsentRefusedError, NoAccountError, usePasscodeAction } from './use-passcode-action';
import { useAgentAccess } from './use-agent-access';

/**
 * The confirm dialog itself, loaded when first wanted (lazy-passcode-dialog.ts): Radix's dialog and the form are not
 * part of the page's first load. Controlled by its owner (the device page's button, or the list's one host for all
 * rows), which is not a Radix trigger, so closing hands the focus back through `returnFocus`.
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
  returnFocus,
}: {
  device: DeviceListItem;
  warnings: DeviceWarning[];
  recent: ActionStatus | null;
  plan: AvailablePlan;
  label: string;
  open: boolean;
  attempt: number;
  onOpenChange: (open: boolean) => void;
  /** Puts the focus back on the button that opened the dialog (it is not a Radix trigger). */
  returnFocus: () => void;
}) {
  return (
    <DialogShell
      open={open}
      onOpenChange={onOpenChange}
      size="lg"
      onCloseAutoFocus={(e) => {
        e.preventDefault();
        returnFocus();
      }}
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
    </DialogShell>
  );
}

function ActionForm({
  device: d,
  warnings,
  recent: listedRecent,
  plan: listedPlan,
  label: listedLabel,
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
  const access = useAgentAccess();
  const { ticket: ticketRule } = useConsoleSettings();
  const mutation = usePasscodeAction();
  const refusal = useConsentRefusal();
  const throttle = useThrottleWait();
  const words = useActionWords();
  const api = useApiClient();
  // The server's exact decision, read as the dialog opens; the row's (v1.0's) until it is there, or if it fails.
  const planQuery = deviceQueries.passcodePlan(api, d.id);
  const exact = useQuery(planQuery);
  const queryClient = useQueryClient();
  const decided = exact.data;
  const noAction = decided && !decided.available ? decided : null;
  const plan: AvailablePlan = decided?.available ? decided : listedPlan;
  const label = decided?.available
    ? words.action(decided.kind, decided.beyondDocumented)
    : listedLabel;
  // The dialog's "now": relative times and the guard hold still while the agent reads.
  const [openedAt] = useState(() => Date.now());
  // When Confirm was last sent (the wait is shown from then), and the earlier action as it stood at the first send:
  // once this dialog has sent, a newer action on the device is this agent's own request (its intent is recorded
  // before Graph answers), never "an earlier request" that would need a reason. A request of someone else that
  // comes in between is the server's to refuse (alreadyRequested), which the dialog then says.
  const [sentAt, setSentAt] = useState<number | null>(null);
  const [recentAtSend, setRecentAtSend] = useState<ActionStatus | null>(null);
  const recent = sentAt === null ? listedRecent : recentAtSend;
  // Opened from a ticket system's deep link (`/?ticket=INC-123&q=…`): the ticket is filled in already.
  const linkedTicket = ticketFromLink(useSearchParams().get(TICKET_PARAM), ticketRule);
  const [ticket, setTicket] = useState(linkedTicket);
  const [note, setNote] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  // What the last invalid Confirm left to fix, in the form's order (announced below, with the fields marked).
  const [missing, setMissing] = useState<MissingPart[]>([]);
  // Keeps the invalid field an empty Confirm moved to in view while the parts above it arrive (submit, below);
  // stopped when the dialog closes.
  const stopKeepingInView = useRef<(() => void) | null>(null);
  useEffect(() => () => stopKeepingInView.current?.(), []);
  // The ticket field takes the focus as the dialog opens, without scrolling to it: the dialog opens at its top, where
  // what will happen and what to check before confirming (a same-named older device, a wipe pending) are read
  // first. The first key typed brings the field into view above the footer (the browser scrolls to the caret, and
  // the body's scroll padding keeps it clear of the footer), so `r` and typing at once loses nothing.
  const ticketField = useRef<HTMLInputElement>(null);
  useEffect(() => ticketField.current?.focus({ preventScroll: true }), []);
  // The browser's own scroll to the caret ignores the sticky footer and does not follow the Caller panel as it grows
  // above the field (the field ended 11 px under the footer on a phone), so the first key typed hands the field to
  // keepFieldInView, which keeps it in view while it has the focus.
  const typedInTicket = (field: HTMLInputElement) => {
    if (stopKeepingInView.current || !field.form) return;
    keepInView(field, field.form);
  };
  // One field kept in view at a time; the ref empties when the watch ends (the field lost the focus), so the next
  // key typed after the agent comes back starts it again.
  const keepInView = (field: HTMLElement, form: HTMLFormElement) => {
    stopKeepingInView.current?.();
    const stop: () => void = keepFieldInView(field, form, () => {
      if (stopKeepingInView.current === stop) stopKeepingInView.current = null;
    });
    stopKeepingInView.current = stop;
  };
  // A part the agent is fixing is no longer "missing": its message and its place in the list go as it is edited
  // (they were left under a filled-in ticket until the next Confirm); Confirm checks everything again.
  const edited = (part: MissingPart) => {
    setErrors((current) => (current[part] ? { ...current, [part]: undefined } : current));
    setMissing((current) => (current.includes(part) ? current.filter((p) => p !== part) : current));
  };
  // How the caller was verified, as the server recorded it (the Caller panel); sent with the action.
  const [verification, setVerification] = useState<CallerVerification | null>(null);
  // What the server's policy asks before Confirm, as it answered with the caller's facts (the same read as the
  // panel's). The server decides and refuses; the dialog only says it, and never holds Confirm back on its own
  // reading. No user, or no answer: nothing to say.
  const caller = useQuery(callerQueries.device(api, d.id)).data;
  const policyMode = caller?.user ? caller.policy.mode : 'off';
  // Four-eyes, as the same answer says: the note is then the reason for the approver, and required.
  const approval = approvalPolicyOf(caller);
  const approvalRequired = approval?.required === true;
  const verificationNeeded =
    policyMode === 'record'
      ? verification === null
      : policyMode === 'required'
        ? verification?.verified !== true
        : false;
  const result = mutation.data;
  // The verification part is marked missing after a Confirm that found none where the server's policy (its caller
  // answer) asks for one, or when the server itself refused for that; a verification recorded since clears it.
  const markVerification =
    verificationMissing(policyMode, verification) &&
    (missing.includes('verification') || result?.status === 'verificationRequired');
  // A verification recorded since the Confirm is no longer missing.
  const missingNow = missing.filter((part) => part !== 'verification' || markVerification);
  // The guard, known before the click (the list and the device page read it), or met on the first request.
  const needsReason =
    result?.status === 'alreadyRequested' ||
    (recent !== null && guardHoldsAt(recent.guard, openedAt));
  const platform = platformOf(d);
  const throttled = result?.status === 'throttled';
  const blocked = mutation.isPending || refusal !== null || (throttled && throttle.seconds > 0);
  // Confirm pressed (and the form valid) before the server's exact plan arrived: sent the moment it does, with the
  // server's kind, so an agent who types the ticket and presses Enter at once never has the press swallowed.
  const [confirmedEarly, setConfirmedEarly] = useState(false);
  // Cancel while the plan is still being read: the dialog is gone, and nothing is sent.
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
    };
  }, []);
  const inputFor = (kind: AvailablePlan['kind']) => ({
    deviceId: d.id,
    kind,
    ticket,
    note,
    ...(needsReason ? { overrideReason } : {}),
    ...(verification ? { verificationId: verification.id } : {}),
  });
  const sendOnceDecided = async () => {
    setConfirmedEarly(true);
    // The query already in flight, not a second request; a failed read leaves the row's plan, as on screen.
    const decidedNow = await queryClient.ensureQueryData(planQuery).catch(() => undefined);
    if (!open.current) return;
    setConfirmedEarly(false);
    // A plan that offers no action shows its own view instead (below); nothing is sent.
    if (decidedNow && !decidedNow.available) return;
    mutation.mutate(inputFor(decidedNow?.available ? decidedNow.kind : listedPlan.kind));
  };

  if (result?.status === 'approvalPending') {
    return (
      <ApprovalPendingView
        result={result}
        label={label}
        deviceName={d.deviceName}
        onClose={onClose}
      />
    );
  }

  if (wasSent(result)) {
    return (
      <ResultView
        result={result}
        plan={plan}
        label={label}
        deviceName={d.deviceName}
        lastSyncDateTime={d.lastSyncDateTime}
        onClose={onClose}
      />
    );
  }

  if (noAction) {
    return (
      <div data-testid="dialog-no-action" data-reason={noAction.reason}>
        <AlertDialog.Title className="text-lg font-semibold [overflow-wrap:anywhere]">
          {t('passcode.noActionTitle', { name: d.deviceName })}
        </AlertDialog.Title>
        <AlertDialog.Description asChild>
          <Notice as="div" variant="warning" className="mt-3 text-sm" role="alert">
            <p>{words.noActionReason(noAction)}</p>
          </Notice>
        </AlertDialog.Description>
        <DialogFooter>
          <AlertDialog.Cancel asChild>
            <Button autoFocus>{t('passcode.close')}</Button>
          </AlertDialog.Cancel>
        </DialogFooter>
      </div>
    );
  }

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (blocked || confirmedEarly) return;
    const input = inputFor(plan.kind);
    const parsed = parsePasscodeActionInput(input, ticketRule);
    // The reason for the approver, checked like the other fields (the server checks it again).
    const reason = approvalRequired ? checkApprovalReason(note) : null;
    if (!parsed.ok || (reason && !reason.ok)) {
      const fieldErrors = {
        ...(parsed.ok ? {} : parsed.fieldErrors),
        ...(reason && !reason.ok ? { note: reason.errors[0] } : {}),
      };
      setErrors(fieldErrors);
      // The verification is marked with the rest, as the server's policy asks; a Confirm with every field valid is
      // sent without it, and the server decides (its refusal marks it too).
      setMissing(missingParts(fieldErrors, verificationMissing(policyMode, verification)));
      // The first part to fix in the form's order takes the focus (and scrolls into view above the footer) once
      // it is marked invalid, so the agent reads its message and types or chooses straight away. It stays in view
      // while the parts above it that are still loading (the Caller panel, above all) arrive.
      const form = e.currentTarget;
      requestAnimationFrame(() => {
        const field = firstInvalidField(form);
        if (!field) return;
        field.focus({ preventScroll: true });
        keepInView(field, form);
      });
      return;
    }
    setErrors({});
    setMissing([]);
    if (sentAt === null) setRecentAtSend(listedRecent);
    setSentAt(Date.now());
    if (exact.isPending) void sendOnceDecided();
    else mutation.mutate(input);
  };

  return (
    <form onSubmit={submit} noValidate>
      <AlertDialog.Title className="text-lg font-semibold [overflow-wrap:anywhere]">
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
      {exact.isPending && (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300" data-testid="plan-checking">
          {t('passcode.planChecking')}
        </p>
      )}
      {exact.isError && (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300" data-testid="plan-unchecked">
          {t('passcode.planUnchecked')}
        </p>
      )}
      {plan.beyondDocumented && (
        <Notice variant="warning" frame="soft" className="mt-2">
          {t('passcode.beyondDocumented')}
        </Notice>
      )}
      {recent && (
        <Notice as="div" variant="warning" className="mt-3" data-testid="dialog-recent-action">
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
        </Notice>
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
            <Notice key={w.kind} as="li" variant="warning" frame="soft">
              {warningWords(w).text}
            </Notice>
          ))}
        </ul>
      )}

      <CallerPanel
        deviceId={d.id}
        verification={verification}
        onVerified={setVerification}
        markMissing={markVerification}
      />
      {approval?.required && <ApprovalNotice policy={approval} />}
      {access === 'missingConsent' && (
        // Before the ticket: the approval window will ask for an administrator, not for a role.
        <Notice variant="warning" frame="soft" className="mt-3" data-testid="dialog-agent-access">
          {t('passcode.access.missingConsent')}
        </Notice>
      )}

      <label htmlFor="ticket" className="mt-4 block text-sm font-semibold">
        {t('passcode.ticket')}
      </label>
      <Input
        ref={ticketField}
        id="ticket"
        required
        autoComplete="off"
        value={ticket}
        onChange={(e) => {
          setTicket(e.target.value.toUpperCase());
          edited('ticket');
          typedInTicket(e.currentTarget);
        }}
        aria-invalid={errors.ticket ? true : undefined}
        aria-describedby="ticket-help"
        className="mt-1 font-mono"
      />
      {errors.ticket ? (
        <FieldError id="ticket-help" className="mt-1 text-sm">
          {validationText(errors.ticket)}
        </FieldError>
      ) : (
        <p id="ticket-help" className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          {t('passcode.ticketHelp', { example: ticketRule.example })}
        </p>
      )}

      <label htmlFor="note" className="mt-3 block text-sm font-semibold">
        {approvalRequired ? t('approvalRequest.reasonLabel') : t('passcode.note')}
      </label>
      <Textarea
        id="note"
        rows={2}
        required={approvalRequired}
        maxLength={MAX_NOTE_LENGTH}
        value={note}
        onChange={(e) => {
          setNote(e.target.value);
          edited('note');
        }}
        aria-invalid={errors.note ? true : undefined}
        aria-describedby={approvalRequired || errors.note ? 'note-help' : undefined}
        className="mt-1"
      />
      {errors.note ? (
        <FieldError id="note-help" className="text-sm">
          {validationText(errors.note)}
        </FieldError>
      ) : (
        approvalRequired && (
          <p id="note-help" className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            {t('approvalRequest.reasonHelp', { min: MIN_APPROVAL_REASON_LENGTH })}
          </p>
        )
      )}

      {needsReason && (
        <>
          <label htmlFor="override-reason" className="mt-3 block text-sm font-semibold">
            {t('passcode.overrideReason')}
          </label>
          <Textarea
            id="override-reason"
            rows={2}
            maxLength={MAX_NOTE_LENGTH}
            value={overrideReason}
            onChange={(e) => {
              setOverrideReason(e.target.value);
              edited('overrideReason');
            }}
            aria-invalid={errors.overrideReason ? true : undefined}
            className="mt-1"
          />
          {errors.overrideReason && (
            <FieldError className="text-sm">{validationText(errors.overrideReason)}</FieldError>
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
        {confirmedEarly && <p>{t('passcode.planChecking')}</p>}
        {/* One part missing is said by its own field's error, where the focus goes; the list is for two or more. */}
        {missingNow.length > 1 && (
          <FieldError data-testid="form-missing">
            {t('passcode.missing.title', {
              parts: format.list(
                missingNow.map((part) =>
                  t(
                    `passcode.missing.parts.${part === 'note' && approvalRequired ? 'reason' : part}`,
                  ),
                ),
                { type: 'conjunction' },
              ),
            })}
          </FieldError>
        )}
        {mutation.isPending && (
          <p data-approval={mutation.approval ?? undefined}>
            {mutation.approval ? t('passcode.awaitingApproval') : t('passcode.pending')}
          </p>
        )}
        {mutation.isPending && !mutation.approval && sentAt !== null && (
          <PendingWait since={sentAt} />
        )}
        {mutation.error && (
          <FieldError data-result="consent">
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
          </FieldError>
        )}
        {result && !throttled && <RefusalMessage result={result} />}
        {verificationNeeded && policyMode !== 'off' && (
          <p data-testid="verification-needed">{t(`verification.confirmNeeds.${policyMode}`)}</p>
        )}
        {throttled && (
          <Notice
            frame="text"
            variant="warning"
            data-result="throttled"
            data-testid="action-throttled"
          >
            {throttle.seconds > 0
              ? t('passcode.throttledWait', { seconds: throttle.seconds })
              : t('passcode.throttledReady')}
          </Notice>
        )}
      </div>

      <DialogFooter>
        <AlertDialog.Cancel asChild>
          <Button variant="secondary">{t('passcode.cancel')}</Button>
        </AlertDialog.Cancel>
        <Button type="submit" variant="destructive" disabled={blocked} data-testid="confirm-action">
          {mutation.isPending || confirmedEarly
            ? t('passcode.pending')
            : approvalRequired
              ? t('approvalRequest.confirm')
              : needsReason
                ? t('passcode.confirmAnyway')
                : label}
        </Button>
      </DialogFooter>
    </form>
  );
}
