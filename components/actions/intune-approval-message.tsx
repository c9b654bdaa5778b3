'use client';
// Intune's own Multi Admin Approval held the passcode action back (403 ApprovalRequired): nothing reached the device,
// and what the agent does next happens in the Intune admin center, where an approver finds the request by its
// approval code. The code and Graph's request-id are shown and copied together, as the approver needs them.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import type { PasscodeActionResult } from '@/lib/shared/actions/types';

type IntuneApprovalRequired = Extract<PasscodeActionResult, { status: 'intuneApprovalRequired' }>;

export function IntuneApprovalMessage({ result }: { result: IntuneApprovalRequired }) {
  const t = useTranslations('intuneApproval');
  const [copied, setCopied] = useState(false);
  const { approvalCode } = result;
  const { requestId } = result.failure;
  const details = [
    approvalCode ? `${t('approvalCode')}: ${approvalCode}` : null,
    requestId ? `${t('requestId')}: ${requestId}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <Notice as="div" frame="text" variant="warning" data-testid="intune-approval-required">
      <p className="font-semibold">{t('title')}</p>
      <p className="mt-1" data-result={result.status}>
        {t('required')}
      </p>
      <p className="mt-1">{t('howTo')}</p>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 font-mono text-xs">
        <dt>{t('approvalCode')}</dt>
        <dd data-testid="intune-approval-code">{approvalCode ?? t('noApprovalCode')}</dd>
        {requestId && (
          <>
            <dt>{t('requestId')}</dt>
            <dd data-testid="action-request-id">{requestId}</dd>
          </>
        )}
      </dl>
      {details && (
        <Button
          type="button"
          size="sm"
          variant="secondary"
          className="mt-2"
          onClick={() =>
            void navigator.clipboard.writeText(details).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('copied') : t('copy')}
        </Button>
      )}
    </Notice>
  );
}
