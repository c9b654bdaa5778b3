'use client';
// One approval request in the /approvals list: what it asks for, on which device and for whom, who asked, for which
// ticket and why, and when it expires; its heading links to the request's detail, where an approver decides.
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { ApprovalView } from '@/lib/shared/trust/approval';
import { ExpiryTime } from './expiry-time';
import { STATE_TONE, useApprovalWords } from './use-approval-words';

const TERM = 'text-slate-600 dark:text-slate-300';

export function ApprovalCard({ approval: a, now }: { approval: ApprovalView; now: number }) {
  const t = useTranslations('approvals');
  const words = useApprovalWords();
  const device = a.device.name ?? a.device.id;
  return (
    <article
      className="rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
      data-testid="approval-card"
      data-approval-id={a.id}
      data-state={a.state}
      aria-labelledby={`approval-${a.id}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`approval-${a.id}`} className="font-semibold">
          <Link
            href={`/approvals/${encodeURIComponent(a.id)}`}
            prefetch={false}
            className="text-sky-800 underline-offset-2 hover:underline dark:text-sky-300"
          >
            {t('cardTitle', { subject: words.subject(a), device })}
          </Link>
        </h3>
        <span className="flex gap-1">
          {a.mine && <Badge tone="neutral">{t('yours')}</Badge>}
          <Badge tone={STATE_TONE[a.state]}>{words.state(a.state)}</Badge>
        </span>
      </div>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 [overflow-wrap:anywhere]">
        <dt className={TERM}>{t('fields.device')}</dt>
        <dd>
          {device}
          {a.device.serialNumber && (
            <span className="text-slate-700 dark:text-slate-300">
              {' '}
              · {t('fields.serial')} <span className="font-mono">{a.device.serialNumber}</span>
            </span>
          )}
        </dd>
        <dt className={TERM}>{t('fields.user')}</dt>
        <dd>{words.person(a.deviceUser)}</dd>
        <dt className={TERM}>{t('fields.requester')}</dt>
        <dd>{words.person(a.requester)}</dd>
        <dt className={TERM}>{t('fields.ticket')}</dt>
        <dd className="font-mono">{a.ticket}</dd>
        <dt className={TERM}>{t('fields.reason')}</dt>
        <dd className="whitespace-pre-line">{a.reason}</dd>
        {a.decision ? (
          <>
            <dt className={TERM}>{t('fields.decidedBy')}</dt>
            <dd>
              {t('decidedByValue', { who: words.person(a.decision.by), reason: a.decision.reason })}
            </dd>
          </>
        ) : null}
        {(a.state === 'pending' || a.state === 'approved') && (
          <>
            <dt className={TERM}>{t('fields.expires')}</dt>
            <dd>
              <ExpiryTime iso={a.expiresAt} now={now} />
            </dd>
          </>
        )}
      </dl>
    </article>
  );
}
