'use client';
// Why the passcode action was not carried out, in the agent's language, with the IDs Microsoft support asks for.
import { useFormatter, useTranslations } from 'next-intl';
import { useErrorText } from '@/components/errors/use-error-text';
import { useValidationText } from '@/components/i18n/use-validation-text';
import { Notice } from '@/components/ui/notice';
import type { PasscodeActionResult } from '@/lib/shared/actions/types';
import type { ErrorInfo } from '@/lib/shared/errors';
import { IntuneApprovalMessage } from './lazy-approval';
import { useActionWords } from './use-action-words';
import { useApprovalWords } from './use-approval-words';
import { useVerificationWords } from './use-verification-words';

export function RefusalMessage({ result }: { result: PasscodeActionResult }) {
  const t = useTranslations();
  const format = useFormatter();
  const words = useActionWords();
  const validationText = useValidationText();
  const errorText = useErrorText();
  const verificationWords = useVerificationWords();
  const approvalWords = useApprovalWords();
  const failure: ErrorInfo | null = 'failure' in result ? result.failure : null;
  const requestId =
    failure?.requestId ??
    (result.status === 'storeUnavailable' && result.sent !== 'nothing' ? result.requestId : null);
  const text = (() => {
    switch (result.status) {
      case 'accepted':
      case 'unknown':
      case 'throttled':
      case 'approvalPending':
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
      case 'verificationRequired':
        return verificationWords.refusal(result);
      case 'approvalRefused':
        return t('approvalRequest.refused', { problem: approvalWords.problem(result.problem) });
      case 'rateLimited':
        return t('passcode.rateLimited', {
          limit: result.limit,
          minutes: Math.ceil(result.retryAfterSeconds / 60),
        });
      case 'failed':
        return `${t('passcode.failed')} ${errorText.what(result.failure)}`;
      // The console's own database failed: what reached Intune decides what the agent may do next.
      case 'storeUnavailable':
        switch (result.sent) {
          case 'nothing':
            return t('passcode.storeUnavailable');
          case 'refused':
            return t('passcode.storeUnavailableRefused');
          case 'accepted':
            return `${t('passcode.acceptedNotRecorded')} ${t('passcode.notRecorded')}`;
          case 'unknownFate':
            return `${t('passcode.unknownNotRecorded')} ${t('passcode.notRecorded')}`;
        }
    }
  })();
  // Intune's own Multi Admin Approval is no refusal: it says where the action goes next, with the code to quote.
  if (result.status === 'intuneApprovalRequired') return <IntuneApprovalMessage result={result} />;
  return (
    <Notice
      as="div"
      frame="text"
      variant={result.status === 'alreadyRequested' ? 'warning' : 'error'}
    >
      <p data-result={result.status}>{text}</p>
      {requestId && (
        <p className="mt-1 font-mono text-xs">
          {t('passcode.requestId')}: <span data-testid="action-request-id">{requestId}</span>
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
    </Notice>
  );
}
