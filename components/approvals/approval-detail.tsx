'use client';
// One approval request, with everything its requester saw before asking: the device (read now with the approver's
// own token), the device's user and the risk signals, how the caller was verified, the ticket and the reason, why
// policy asks for approval, and the requester's recent passcode actions. Then the decision, or why this viewer has
// none. Read again every few seconds, so a decision by another approver or a withdrawal shows up.
import { useQuery } from '@tanstack/react-query';
import { useNow, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { VerificationLine } from '@/components/actions/verification-line';
import { ApiErrorNotice } from '@/components/errors/api-error-notice';
import { CallerFactsView } from '@/components/trust/caller-panel';
import { Badge } from '@/components/ui/badge';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import {
  APPROVALS_PAGE_REFRESH_MS,
  approvalQueries,
  type ApprovalDetail,
} from '@/lib/browser/query/approval-queries';
import { callerQueries } from '@/lib/browser/query/caller-queries';
import { CannotDecide, DecisionForm } from './decision-form';
import { DeviceFacts } from './device-facts';
import { ExpiryTime } from './expiry-time';
import { RequesterRecent } from './requester-recent';
import { STATE_TONE, useApprovalWords } from './use-approval-words';

const TERM = 'text-slate-600 dark:text-slate-300';
const BOX =
  'rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900';

export function ApprovalDetailView({ id }: { id: string }) {
  const t = useTranslations('approvals');
  const api = useApiClient();
  const query = useQuery(approvalQueries.detail(api, id));
  // The list says whether the viewer is an approver (the same query as the header's badge: no extra read).
  const list = useQuery(approvalQueries.list(api, APPROVALS_PAGE_REFRESH_MS));
  return (
    <div className="space-y-4 text-sm">
      <Link
        href="/approvals"
        prefetch={false}
        className="text-sky-800 underline-offset-2 hover:underline dark:text-sky-300"
      >
        {t('detail.back')}
      </Link>
      {query.isPending && <p role="status">{t('detail.loading')}</p>}
      {query.isError && !query.data && (
        <ApiErrorNotice
          title={t('detail.loadFailed')}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      )}
      {query.data && <Loaded detail={query.data} approver={list.data?.approver ?? false} />}
    </div>
  );
}

function Loaded({ detail, approver }: { detail: ApprovalDetail; approver: boolean }) {
  const t = useTranslations('approvals');
  const words = useApprovalWords();
  const now = useNow({ updateInterval: 15_000 }).getTime();
  const a = detail.approval;
  const cannot = words.cannotDecide(a, approver);
  const [decidable] = useState(a.canDecide);
  return (
    <article aria-labelledby="approval-heading" data-testid="approval-detail" data-state={a.state}>
      <div className="flex flex-wrap items-baseline gap-2">
        <h1 id="approval-heading" className="text-2xl font-semibold tracking-tight">
          {t('cardTitle', { subject: words.subject(a), device: a.device.name ?? a.device.id })}
        </h1>
        <Badge tone={STATE_TONE[a.state]} data-testid="approval-state">
          {words.state(a.state)}
        </Badge>
      </div>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <section aria-labelledby="approval-request" className={BOX}>
            <h2 id="approval-request" className="font-semibold">
              {t('detail.request')}
            </h2>
            <dl className="mt-1 grid grid-cols-1 gap-x-4 gap-y-1 [overflow-wrap:anywhere] sm:grid-cols-[max-content_1fr]">
              <dt className={TERM}>{t('fields.requester')}</dt>
              <dd>{words.person(a.requester)}</dd>
              <dt className={TERM}>{t('fields.user')}</dt>
              <dd>{words.person(a.deviceUser)}</dd>
              <dt className={TERM}>{t('fields.ticket')}</dt>
              <dd className="font-mono">{a.ticket}</dd>
              <dt className={TERM}>{t('fields.reason')}</dt>
              <dd className="whitespace-pre-line" data-testid="approval-reason">
                {a.reason}
              </dd>
              <dt className={TERM}>{t('fields.why')}</dt>
              <dd>
                <ul className="list-disc pl-4">
                  {words.because(a).map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </dd>
              <dt className={TERM}>{t('fields.expires')}</dt>
              <dd>
                <ExpiryTime iso={a.expiresAt} now={now} />
              </dd>
              {a.decision && (
                <>
                  <dt className={TERM}>{t('fields.decidedBy')}</dt>
                  <dd data-testid="approval-decision-record">
                    {t('decidedByValue', {
                      who: words.person(a.decision.by),
                      reason: a.decision.reason,
                    })}
                  </dd>
                </>
              )}
            </dl>
            <VerificationLine verification={a.verification} className="mt-2" />
          </section>
          {/* Kept once shown: after a decision (or another approver's) it says what happened there. */}
          {decidable ? (
            <DecisionForm key={a.id} approval={a} cannot={cannot} />
          ) : (
            cannot && <CannotDecide text={cannot} />
          )}
          <div className={BOX}>
            <RequesterRecent who={words.person(a.requester)} actions={detail.requesterRecent} />
          </div>
        </div>
        <div className="space-y-4">
          <div className={BOX}>
            <DeviceFacts deviceId={a.device.id} now={now} />
          </div>
          <div className={BOX}>
            <DeviceUser deviceId={a.device.id} />
          </div>
        </div>
      </div>
    </article>
  );
}

/** The device's user and the risk signals, read now with the approver's token, worded as the Caller panel does. */
function DeviceUser({ deviceId }: { deviceId: string }) {
  const t = useTranslations('approvals');
  const query = useQuery(callerQueries.device(useApiClient(), deviceId));
  return (
    <section aria-labelledby="approval-user" data-testid="approval-user">
      <h2 id="approval-user" className="font-semibold">
        {t('detail.user')}
      </h2>
      {query.isPending && <p className={TERM}>{t('detail.userLoading')}</p>}
      {query.isError && (
        <ApiErrorNotice
          title={t('detail.userLoadFailed')}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      )}
      {query.data && (
        <CallerFactsView facts={query.data} onConsented={() => void query.refetch()} />
      )}
    </section>
  );
}
