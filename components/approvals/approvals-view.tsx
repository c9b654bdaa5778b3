'use client';
// The /approvals page. An approver (the console's Approver app role, decided on the server) sees the requests
// waiting for a decision, soonest expiry first, and below them those decided in the last day; anyone else sees
// their own requests and who can decide them. The list is read again every few seconds and when the tab regains
// focus, so a new request shows up without a reload.
import { useQuery } from '@tanstack/react-query';
import { useFormatter, useNow, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { ApiErrorNotice } from '@/components/errors/api-error-notice';
import { ThrottleBanner } from '@/components/status/throttle-banner';
import { Notice } from '@/components/ui/notice';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { APPROVALS_PAGE_REFRESH_MS, approvalQueries } from '@/lib/browser/query/approval-queries';
import type { ApprovalView } from '@/lib/shared/trust/approval';
import { ApprovalCard } from './approval-card';

export function ApprovalsView() {
  const t = useTranslations('approvals');
  const format = useFormatter();
  const now = useNow({ updateInterval: 15_000 }).getTime();
  const query = useQuery(approvalQueries.list(useApiClient(), APPROVALS_PAGE_REFRESH_MS));
  const list = query.data;
  const { open, decided } = useMemo(() => split(list?.approvals ?? []), [list]);
  const approver = list?.approver ?? false;

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t('heading')}</h1>
      <ThrottleBanner />
      {query.isPending && (
        <p className="text-slate-700 dark:text-slate-300" role="status">
          {t('loading')}
        </p>
      )}
      {query.isError && !list && (
        <ApiErrorNotice
          title={t('loadFailed')}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      )}
      {list && (
        <>
          <p
            className="max-w-3xl text-sm text-slate-700 dark:text-slate-300"
            data-testid="approvals-scope"
            data-approver={approver}
          >
            {approver ? t('introApprover') : t('introRequester')}
          </p>
          {query.isError && (
            <Notice variant="warning" role="status" data-testid="approvals-stale">
              {t('refreshFailed', { time: format.dateTime(query.dataUpdatedAt, 'time') })}
            </Notice>
          )}
          <Section
            id="approvals-open"
            heading={approver ? t('openHeading') : t('mineOpenHeading')}
            empty={approver ? t('openEmpty') : t('mineOpenEmpty')}
            approvals={open}
            now={now}
          />
          <Section
            id="approvals-decided"
            heading={approver ? t('decidedHeading') : t('mineDecidedHeading')}
            empty={approver ? t('decidedEmpty') : t('mineDecidedEmpty')}
            approvals={decided}
            now={now}
          />
        </>
      )}
    </div>
  );
}

function Section({
  id,
  heading,
  empty,
  approvals,
  now,
}: {
  id: string;
  heading: string;
  empty: string;
  approvals: ApprovalView[];
  now: number;
}) {
  return (
    <section aria-labelledby={id} data-testid={id}>
      <h2 id={id} className="text-lg font-semibold">
        {heading} <span className="text-slate-700 dark:text-slate-300">({approvals.length})</span>
      </h2>
      {approvals.length === 0 ? (
        <p
          className="mt-1 text-sm text-slate-700 dark:text-slate-300"
          data-testid="approvals-empty"
        >
          {empty}
        </p>
      ) : (
        <ul className="mt-2 grid gap-3 lg:grid-cols-2">
          {approvals.map((a) => (
            <li key={a.id}>
              <ApprovalCard approval={a} now={now} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Waiting requests by soonest expiry; the rest (decided, withdrawn, expired, sent) newest first. */
function split(approvals: ApprovalView[]): { open: ApprovalView[]; decided: ApprovalView[] } {
  const at = (iso: string | null | undefined) => (iso ? Date.parse(iso) : 0);
  const open = approvals
    .filter((a) => a.state === 'pending')
    .sort((x, y) => at(x.expiresAt) - at(y.expiresAt));
  const decided = approvals
    .filter((a) => a.state !== 'pending')
    .sort((x, y) => at(y.decision?.at ?? y.createdAt) - at(x.decision?.at ?? x.createdAt));
  return { open, decided };
}
