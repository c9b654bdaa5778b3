'use client';
// "Copy for ticket": one action's summary as plain text on the clipboard, in the agent's language, ready to paste
// into the ticket system. The text itself is built by lib/shared/activity/ticket-summary.ts.
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useApprovalWords } from '@/components/actions/use-approval-words';
import { useVerificationWords } from '@/components/actions/use-verification-words';
import { Button } from '@/components/ui/button';
import {
  TICKET_TIME,
  ticketSummary,
  type TicketSummaryInput,
} from '@/lib/shared/activity/ticket-summary';

export function CopyForTicket({
  summary,
  size = 'sm',
}: {
  summary: TicketSummaryInput;
  size?: 'sm' | 'xs';
}) {
  const t = useTranslations('activity');
  const labels = useTranslations('ticketSummary');
  const format = useFormatter();
  const verificationWords = useVerificationWords();
  const approvalWords = useApprovalWords();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    const text = ticketSummary(summary, {
      label: (k) => labels(k),
      localTime: (iso) => format.dateTime(new Date(iso), TICKET_TIME),
      verification: (v) => (v ? verificationWords.summary(v) : verificationWords.none),
      approval: (a) => approvalWords.summary(a),
    });
    void navigator.clipboard.writeText(text).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      },
      () => setCopied(false),
    );
  };
  return (
    <Button
      type="button"
      size="sm"
      variant="secondary"
      className={size === 'xs' ? 'h-7 px-2 text-xs' : undefined}
      data-testid="copy-for-ticket"
      aria-label={t('copyForTicketFor', {
        device: summary.deviceName ?? summary.deviceId,
        ticket: summary.ticket ?? '—',
      })}
      onClick={copy}
    >
      <span aria-live="polite">{copied ? t('copied') : t('copyForTicket')}</span>
    </Button>
  );
}
