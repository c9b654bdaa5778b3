// Query options for the Verified ID caller check: whether the server offers it, and where one presentation request
// stands, polled every two seconds until it reaches a terminal state.
import { queryOptions, type Query } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/browser/api/browser-client';
import {
  isTerminalVerifiedIdStatus,
  type VerifiedIdAvailability,
  type VerifiedIdStatus,
} from '@/lib/shared/trust/verified-id';

/** How often an open request is asked about: a person scans and presents within tens of seconds. */
export const VERIFIED_ID_POLL_MS = 2000;

export const verifiedIdKeys = {
  all: ['verifiedId'] as const,
  availability: () => [...verifiedIdKeys.all, 'availability'] as const,
  status: (requestId: string) => [...verifiedIdKeys.all, 'status', requestId] as const,
};

/** The poll interval for a status: none once nothing can change any more. */
export function verifiedIdPollInterval(status: VerifiedIdStatus | undefined): number | false {
  return status && isTerminalVerifiedIdStatus(status.status) ? false : VERIFIED_ID_POLL_MS;
}

export const verifiedIdQueries = {
  availability: (api: ApiClient) =>
    queryOptions({
      queryKey: verifiedIdKeys.availability(),
      queryFn: ({ signal }) => api.get<VerifiedIdAvailability>('/api/verified-id', { signal }),
      staleTime: 5 * 60_000,
    }),
  status: (api: ApiClient, requestId: string) =>
    queryOptions({
      queryKey: verifiedIdKeys.status(requestId),
      queryFn: ({ signal }) =>
        api.get<VerifiedIdStatus>(`/api/verified-id/requests/${encodeURIComponent(requestId)}`, {
          signal,
        }),
      refetchInterval: (query: Query<VerifiedIdStatus>) => verifiedIdPollInterval(query.state.data),
      staleTime: 0,
    }),
};
