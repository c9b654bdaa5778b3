// Query options for four-eyes approvals: the caller's list (open requests for an approver, their own otherwise) and
// one request's detail, both read with the ID token beside the access token (the Approver role is decided on the
// server from it). The list is one query shared by the header's badge and the /approvals page: one fetch for both.
import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/browser/api/browser-client';
import type { ActionStatus } from '@/lib/shared/actions/types';
import type { ApprovalList, ApprovalView } from '@/lib/shared/trust/approval';

/** GET /api/approvals/{id}: the request as the caller may see it, and its requester's passcode actions of 30 days. */
export interface ApprovalDetail {
  approval: ApprovalView;
  requesterRecent: ActionStatus[];
}

/** How often the approvals page reads the list again while it is open (a request waits for a person). */
export const APPROVALS_PAGE_REFRESH_MS = 5_000;
/** How often the header's badge reads it on the other pages. */
export const APPROVALS_BADGE_REFRESH_MS = 60_000;

export const approvalKeys = {
  all: ['approvals'] as const,
  list: () => [...approvalKeys.all, 'list'] as const,
  detail: (id: string) => [...approvalKeys.all, 'detail', id] as const,
};

export const approvalQueries = {
  list: (api: ApiClient, refetchInterval: number) =>
    queryOptions({
      queryKey: approvalKeys.list(),
      queryFn: ({ signal }) => api.get<ApprovalList>('/api/approvals', { signal, identity: true }),
      refetchInterval,
      refetchOnWindowFocus: true,
      staleTime: 2_000,
    }),
  detail: (api: ApiClient, id: string) =>
    queryOptions({
      queryKey: approvalKeys.detail(id),
      queryFn: ({ signal }) =>
        api.get<ApprovalDetail>(`/api/approvals/${encodeURIComponent(id)}`, {
          signal,
          identity: true,
        }),
      refetchInterval: APPROVALS_PAGE_REFRESH_MS,
      refetchOnWindowFocus: true,
      staleTime: 2_000,
    }),
};
