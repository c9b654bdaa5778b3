'use client';
// Four-eyes for "Show passcode" (APPROVAL_REQUIRED `reveal`): when the server answers 403 approvalRequired, the
// agent gives the approver a reason and requests approval (server action requestRevealApproval); while it waits the
// item says until when; once approved, Show passcode again reveals it once under that approval (`?approvalId=`).
import { useMsal } from '@azure/msal-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { requestRevealApproval } from '@/components/approvals/reveal-actions';
import { useValidationText } from '@/components/i18n/use-validation-text';
import { Button } from '@/components/ui/button';
import { FieldError, Notice } from '@/components/ui/notice';
import { Textarea } from '@/components/ui/textarea';
import type { ApiClient } from '@/lib/browser/api/browser-client';
import { SIGN_IN_SCOPES } from '@/lib/shared/auth/scopes';
import {
  MIN_APPROVAL_REASON_LENGTH,
  type ApprovalList,
  type ApprovalView,
} from '@/lib/shared/trust/approval';
import { checkApprovalReason } from '@/lib/shared/trust/approval-input';
import { useApprovalWords } from './use-approval-words';

/** This agent's open (pending or approved) reveal request for the action, from their own approvals list. */
export async function openRevealApproval(
  api: ApiClient,
  actionId: string,
): Promise<ApprovalView | null> {
  const list = await api.get<ApprovalList>('/api/approvals', { identity: true });
  return (
    list.approvals.find(
      (a) =>
        a.mine &&
        a.subject === 'reveal' &&
        a.revealOf?.toLowerCase() === actionId.toLowerCase() &&
        (a.state === 'pending' || a.state === 'approved'),
    ) ?? null
  );
}

/** The reason form, or the waiting request (until when; press Show passcode again once approved). */
export function RevealApproval({
  actionId,
  waiting,
  onRequested,
}: {
  actionId: string;
  waiting: ApprovalView | null;
  onRequested: (approval: ApprovalView) => void;
}) {
  const t = useTranslations();
  const words = useApprovalWords();
  const validationText = useValidationText();
  const { instance, accounts } = useMsal();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (waiting)
    return (
      <div className="mt-1 text-xs" data-testid="reveal-approval" data-approval={waiting.state}>
        <Notice frame="text" variant="info">
          {t('approvalRequest.waiting', { time: words.time(waiting.expiresAt) })}
        </Notice>
        <p className="mt-1 text-slate-700 dark:text-slate-300">{t('reveal.approvalThenShow')}</p>
      </div>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkApprovalReason(reason);
    if (!checked.ok) {
      setError(validationText(checked.errors[0] ?? ''));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const account = instance.getActiveAccount() ?? accounts[0];
      if (!account) throw new Error('no signed-in account');
      const { accessToken } = await instance.acquireTokenSilent({
        scopes: SIGN_IN_SCOPES,
        account,
      });
      const result = await requestRevealApproval({ actionId, reason }, accessToken);
      if (result.status === 'approvalPending') onRequested(result.approval);
      else if (result.status === 'invalid')
        setError(validationText(result.fieldErrors.reason ?? result.fieldErrors.form ?? ''));
      else setError(t('reveal.approvalFailed', { code: result.code }));
    } catch {
      setError(t('reveal.approvalFailed', { code: 'networkError' }));
    } finally {
      setBusy(false);
    }
  };

  const id = `reveal-reason-${actionId}`;
  return (
    <form
      className="mt-1 text-xs"
      data-testid="reveal-approval"
      data-approval="none"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <Notice frame="text" variant="info">
        {t('reveal.approvalNeeded')}
      </Notice>
      <label htmlFor={id} className="mt-1 block font-semibold">
        {t('approvalRequest.reasonLabel')}
      </label>
      <Textarea
        id={id}
        rows={2}
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        className="mt-1 text-xs"
      />
      {error ? (
        <FieldError id={`${id}-help`} className="mt-1 text-xs">
          {error}
        </FieldError>
      ) : (
        <p id={`${id}-help`} className="mt-1 text-slate-600 dark:text-slate-300">
          {t('approvalRequest.reasonHelp', { min: MIN_APPROVAL_REASON_LENGTH })}
        </p>
      )}
      <Button
        type="submit"
        size="sm"
        className="mt-1 h-7 px-2 text-xs"
        disabled={busy}
        aria-busy={busy}
        data-testid="request-reveal-approval"
      >
        {t('approvalRequest.confirm')}
      </Button>
    </form>
  );
}
