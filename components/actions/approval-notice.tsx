'use client';
// Before Confirm, when the server's four-eyes policy asks for a second agent's approval: why, that approvers are
// notified, and how long the requester then has to send it. The server decides and writes the request either way.
import { useTranslations } from 'next-intl';
import { Notice } from '@/components/ui/notice';
import type { ApprovalPolicy } from '@/lib/shared/trust/approval';
import { useApprovalWords } from './use-approval-words';

export function ApprovalNotice({ policy }: { policy: ApprovalPolicy }) {
  const t = useTranslations('approvalRequest');
  const words = useApprovalWords();
  return (
    <Notice variant="info" className="mt-3" data-testid="approval-notice">
      {t('notice', { why: words.because(policy.because), ttl: policy.ttlMinutes })}
    </Notice>
  );
}
