'use client';
// Where a four-eyes request stands, in the tray and on the device page, and what the requester can do: withdraw
// it while it waits ("Waiting for approval · expires 14:32"), send it once approved ("Approved by …: … · send by
// 15:02", Send now), or read how it ended (denied with the approver's reason, expired, withdrawn). Once sent, the
// item goes on as the action, under the same id, and this says who approved it.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError, Notice } from '@/components/ui/notice';
import { Textarea } from '@/components/ui/textarea';
import { useValidationText } from '@/components/i18n/use-validation-text';
import { approvedSendInput } from '@/lib/browser/actions/approved-send';
import {
  checkOverrideReason,
  MAX_NOTE_LENGTH,
  type ActionStatus,
} from '@/lib/shared/actions/types';
import type { ApprovalView } from '@/lib/shared/trust/approval';
import { RefusalMessage } from './refusal-message';
import { useActionWords } from './use-action-words';
import { useApprovalWords } from './use-approval-words';
import { ConsentRefusedError, usePasscodeAction } from './use-passcode-action';
import { useWithdrawApproval } from './use-withdraw-approval';

export function ApprovalStep({
  action: a,
  compact = false,
}: {
  action: ActionStatus;
  compact?: boolean;
}) {
  const t = useTranslations('approvalRequest');
  const columns = useTranslations('activity.columns');
  const words = useApprovalWords();
  const approval = a.approval;
  if (!approval) return null;
  const size = compact ? 'text-xs' : 'text-sm';
  const decidedBy = approval.decision ? words.person(approval.decision.by) : '—';
  const decisionReason = approval.decision?.reason ?? '—';
  switch (a.state) {
    case 'awaitingApproval':
      return (
        <div className={`mt-1 ${size}`} data-testid="approval-step" data-approval={a.state}>
          <Notice frame="text" variant="info">
            {t('waiting', { time: words.time(approval.expiresAt) })}
          </Notice>
          <WithdrawButton action={a} approval={approval} />
        </div>
      );
    case 'approved':
      return (
        <div className={`mt-1 ${size}`} data-testid="approval-step" data-approval={a.state}>
          <Notice frame="text" variant="success">
            {t('approved', {
              name: decidedBy,
              reason: decisionReason,
              time: words.time(approval.expiresAt),
            })}
          </Notice>
          <SendNowButton action={a} approval={approval} />
        </div>
      );
    case 'approvalDenied':
      return (
        <Notice
          frame="text"
          variant="error"
          className={`mt-1 ${size}`}
          data-testid="approval-step"
          data-approval={a.state}
        >
          {t('denied', { name: decidedBy, reason: decisionReason })}
        </Notice>
      );
    case 'approvalExpired':
      return (
        <Notice
          frame="text"
          variant="warning"
          className={`mt-1 ${size}`}
          data-testid="approval-step"
          data-approval={a.state}
        >
          {t('expired', { time: words.time(approval.expiresAt) })}
        </Notice>
      );
    case 'approvalWithdrawn':
      return (
        <p
          className={`mt-1 ${size} text-slate-700 dark:text-slate-300`}
          data-testid="approval-step"
          data-approval={a.state}
        >
          {t('withdrawn')}
        </p>
      );
    default:
      // Sent: the action is tracked as any other; the approval it went out under stays in view.
      return (
        <p
          className={`mt-1 ${size} text-slate-700 dark:text-slate-300`}
          data-testid="approval-step"
          data-approval="sent"
        >
          {columns('approval')}: {words.summary(approval)}
        </p>
      );
  }
}

function WithdrawButton({ action: a, approval }: { action: ActionStatus; approval: ApprovalView }) {
  const t = useTranslations('approvalRequest');
  const words = useApprovalWords();
  const withdraw = useWithdrawApproval(approval.id);
  const answer = withdraw.data;
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        className="mt-1 h-7 px-2 text-xs"
        disabled={withdraw.isPending}
        aria-busy={withdraw.isPending}
        aria-label={t('withdrawFor', {
          device: a.deviceName ?? a.deviceId,
          ticket: a.ticket ?? '—',
        })}
        data-testid="withdraw-approval"
        onClick={() => withdraw.mutate()}
      >
        {t('withdraw')}
      </Button>
      <div role="status" aria-live="polite">
        {answer?.status === 'refused' ? (
          <FieldError>
            {t('withdrawRefused', { problem: words.problem(answer.problem) })}
          </FieldError>
        ) : withdraw.error || (answer && answer.status !== 'withdrawn') ? (
          <FieldError>{t('withdrawFailed')}</FieldError>
        ) : null}
      </div>
    </>
  );
}

function SendNowButton({ action: a, approval }: { action: ActionStatus; approval: ApprovalView }) {
  const t = useTranslations();
  const words = useActionWords();
  const validationText = useValidationText();
  const send = usePasscodeAction();
  const result = send.data;
  const [overrideReason, setOverrideReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  // Accepted (or of unknown fate): the status is read again and the item goes on as the action.
  const settled = result?.status === 'accepted' || result?.status === 'unknown';
  // Another passcode action holds the device (one at a time): as in the dialog, going on needs a reason, recorded.
  const held = result?.status === 'alreadyRequested';
  const sendAnyway = () => {
    const reason = checkOverrideReason(overrideReason);
    if (!reason.ok) {
      setReasonError(reason.errors[0] ?? 'validation.overrideReason');
      return;
    }
    setReasonError(null);
    send.mutate({ ...approvedSendInput(approval), overrideReason: reason.value });
  };
  const reasonId = `override-${approval.id}`;
  return (
    <>
      <Button
        size="sm"
        variant="destructive"
        className="mt-1 h-7 px-2 text-xs"
        disabled={send.isPending || settled || held}
        aria-busy={send.isPending}
        aria-label={t('approvalRequest.sendNowFor', {
          action: words.action(approval.kind),
          device: a.deviceName ?? a.deviceId,
          ticket: a.ticket ?? approval.ticket,
        })}
        data-testid="send-approved"
        onClick={() => send.mutate(approvedSendInput(approval))}
      >
        {send.isPending ? t('passcode.pending') : t('approvalRequest.sendNow')}
      </Button>
      <div role="status" aria-live="polite" data-testid="send-approved-result">
        {send.error && (
          <FieldError>
            {send.error instanceof ConsentRefusedError
              ? t('passcode.consentRefused')
              : t('approvalRequest.sendFailed')}
          </FieldError>
        )}
        {result && !settled && <RefusalMessage result={result} />}
      </div>
      {held && (
        <div className="mt-1">
          <label htmlFor={reasonId} className="block text-xs font-semibold">
            {t('passcode.overrideReason')}
          </label>
          <Textarea
            id={reasonId}
            rows={2}
            maxLength={MAX_NOTE_LENGTH}
            value={overrideReason}
            onChange={(e) => setOverrideReason(e.target.value)}
            aria-invalid={reasonError ? true : undefined}
            className="mt-1 text-xs"
            data-testid="send-approved-override"
          />
          {reasonError && (
            <FieldError className="text-xs">{validationText(reasonError)}</FieldError>
          )}
          <Button
            size="sm"
            variant="destructive"
            className="mt-1 h-7 px-2 text-xs"
            disabled={send.isPending}
            aria-busy={send.isPending}
            data-testid="send-approved-anyway"
            onClick={sendAnyway}
          >
            {t('approvalRequest.sendAnyway')}
          </Button>
        </div>
      )}
    </>
  );
}
