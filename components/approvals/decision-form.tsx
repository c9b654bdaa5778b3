'use client';
// Approve or deny a request, each with a reason the requester and the audit trail see (at least
// MIN_APPROVAL_REASON_LENGTH characters, checked here for a quick answer and again on the server). What the server
// answered is said in words: the new state, or why nothing was decided and what to do.
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError, Notice } from '@/components/ui/notice';
import { Textarea } from '@/components/ui/textarea';
import {
  MAX_APPROVAL_REASON_LENGTH,
  MIN_APPROVAL_REASON_LENGTH,
  type ApprovalView,
  type DecideApprovalResult,
} from '@/lib/shared/trust/approval';
import { checkApprovalReason } from '@/lib/shared/trust/approval-input';
import { useApprovalWords } from './use-approval-words';
import { useDecideApproval, type DecisionInput } from './use-decide-approval';

/** Why this viewer has no decision on the request (their own, already decided, not an approver). */
export function CannotDecide({ text }: { text: string }) {
  return (
    <Notice variant="info" data-testid="approval-cannot-decide">
      {text}
    </Notice>
  );
}

/** `cannot`: set once the request is no longer the viewer's to decide (they decided it, or someone else did). */
export function DecisionForm({
  approval,
  cannot,
}: {
  approval: ApprovalView;
  cannot: string | null;
}) {
  const t = useTranslations('approvals');
  const format = useFormatter();
  const id = useId();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const mutation = useDecideApproval();

  const decide = (decision: DecisionInput['decision']) => {
    const short = !checkApprovalReason(reason).ok;
    setTooShort(short);
    if (!short) mutation.mutate({ approvalId: approval.id, decision, reason: reason.trim() });
  };

  const result = mutation.data;
  if (cannot)
    return (
      <div className="space-y-2" role="status" aria-live="polite">
        {result?.status === 'decided' && (
          <Notice variant="success" data-testid="approval-decided">
            {result.approval.state === 'approved'
              ? t('decide.doneApproved')
              : t('decide.doneDenied')}
          </Notice>
        )}
        {result && result.status !== 'decided' && <DecisionRefused result={result} />}
        <CannotDecide text={cannot} />
      </div>
    );

  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="rounded-lg border border-slate-300 p-3 dark:border-slate-600"
      data-testid="approval-decision"
    >
      <h2 id={`${id}-heading`} className="font-semibold">
        {t('decide.heading')}
      </h2>
      <label htmlFor={`${id}-reason`} className="mt-2 block font-medium">
        {t('decide.reason')}
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-700 dark:text-slate-300">
        {t('decide.reasonHint', { min: MIN_APPROVAL_REASON_LENGTH })}
      </p>
      <Textarea
        id={`${id}-reason`}
        name="reason"
        rows={3}
        required
        maxLength={MAX_APPROVAL_REASON_LENGTH}
        className="mt-1"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-describedby={`${id}-hint${tooShort ? ` ${id}-short` : ''}`}
        aria-invalid={tooShort || undefined}
      />
      {tooShort && (
        <FieldError id={`${id}-short`} role="alert">
          {t('decide.reasonTooShort', { min: MIN_APPROVAL_REASON_LENGTH })}
        </FieldError>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button onClick={() => decide('approve')} disabled={mutation.isPending}>
          {t('decide.approve')}
        </Button>
        <Button variant="destructive" onClick={() => decide('deny')} disabled={mutation.isPending}>
          {t('decide.deny')}
        </Button>
      </div>
      <div role="status" aria-live="polite" className="mt-2">
        {mutation.isPending && <p>{t('decide.saving')}</p>}
        {result && result.status !== 'decided' && <DecisionRefused result={result} />}
      </div>
      {mutation.isError && (
        <Notice variant="error" role="alert" className="mt-2" data-testid="approval-decide-error">
          {t('decide.failed')}{' '}
          <span className="block font-mono text-xs">
            {format.dateTime(mutation.submittedAt, 'dateTime')}
          </span>
        </Notice>
      )}
    </section>
  );
}

function DecisionRefused({
  result,
}: {
  result: Exclude<DecideApprovalResult, { status: 'decided' }>;
}) {
  const t = useTranslations('approvals');
  const words = useApprovalWords();
  const text =
    result.status === 'refused'
      ? words.problem(result.problem)
      : result.status === 'invalid'
        ? t('decide.invalid', { min: MIN_APPROVAL_REASON_LENGTH })
        : result.status === 'signInAgain'
          ? t('decide.signInAgain')
          : t('decide.storeUnavailable');
  return (
    <Notice
      variant="error"
      data-testid="approval-decide-refused"
      data-status={result.status}
      data-problem={result.status === 'refused' ? result.problem : undefined}
    >
      {text}
    </Notice>
  );
}
