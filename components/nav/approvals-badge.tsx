'use client';
// How many requests wait for the signed-in approver's decision, on the Approvals link (the approvals list's query,
// shared with the page). Loaded only for an agent whose ID token carries the Approver role (console-nav.tsx), so no
// one else's first load carries the list's code; the server alone decides the role.
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { APPROVALS_BADGE_REFRESH_MS, approvalQueries } from '@/lib/browser/query/approval-queries';

export function ApprovalsBadge() {
  const t = useTranslations('approvals');
  const { data } = useQuery(approvalQueries.list(useApiClient(), APPROVALS_BADGE_REFRESH_MS));
  const count = data?.approver ? data.openForMe : 0;
  if (count === 0) return null;
  return (
    <span
      className="rounded-full bg-amber-300 px-1.5 text-xs font-semibold text-slate-950"
      data-testid="approvals-badge"
    >
      <span aria-hidden="true">{count}</span>
      <span className="sr-only">{t('badge', { count })}</span>
    </span>
  );
}
