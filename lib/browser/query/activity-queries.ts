// Query options for the activity page: keyset pages of the audit trail for the filters in the URL, each read with
// the agent's ID token beside the access token (the Auditor role is decided on the server from it).
import { infiniteQueryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/browser/api/browser-client';
import { filtersToParams } from '@/lib/shared/activity/filters-url';
import type { ActivityFilters, ActivityPage } from '@/lib/shared/activity/types';

export const activityQueries = {
  pages: (api: ApiClient, filters: ActivityFilters) => {
    const params = filtersToParams(filters).toString();
    return infiniteQueryOptions({
      queryKey: ['activity', params],
      queryFn: ({ pageParam, signal }) => {
        const query = new URLSearchParams(params);
        if (pageParam) query.set('cursor', pageParam);
        return api.get<ActivityPage>(`/api/activity?${query}`, { signal, identity: true });
      },
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      staleTime: 15_000,
    });
  },
};
