// Query options for device data: keys and fetchers together, keys from generic to specific.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/browser/api/browser-client';
import { searchToParams, type DeviceSearch } from '@/lib/shared/devices/search';
import type { PasscodePlan } from '@/lib/shared/devices/passcode-plan';
import { LISTED_FOR_PARAM } from '@/lib/shared/devices/device-href';
import type { DeviceDetailAnswer, DeviceSearchPage } from '@/lib/shared/devices/types';

export const deviceKeys = {
  all: ['devices'] as const,
  searches: () => [...deviceKeys.all, 'search'] as const,
  search: (search: DeviceSearch) => [...deviceKeys.searches(), search] as const,
  details: () => [...deviceKeys.all, 'detail'] as const,
  detail: (id: string) => [...deviceKeys.details(), id] as const,
  passcodePlan: (id: string) => [...deviceKeys.all, 'passcodePlan', id] as const,
};

export const deviceQueries = {
  search: (api: ApiClient, search: DeviceSearch) =>
    infiniteQueryOptions({
      queryKey: deviceKeys.search(search),
      initialPageParam: null as string | null,
      queryFn: ({ pageParam, signal }) => {
        const params = searchToParams(search);
        if (pageParam) params.set('cursor', pageParam);
        return api.get<DeviceSearchPage>(`/api/devices?${params}`, { signal });
      },
      getNextPageParam: (last) => last.nextCursor,
    }),
  /** One device, its exact plan and its listing facts; `listedFor`: the user whose list it was opened from. */
  detail: (api: ApiClient, id: string, listedFor: string | null = null) =>
    queryOptions({
      queryKey: [...deviceKeys.detail(id), listedFor ?? ''] as const,
      queryFn: ({ signal }) =>
        api.get<DeviceDetailAnswer>(
          `/api/devices/${encodeURIComponent(id)}${listedFor ? `?${new URLSearchParams({ [LISTED_FOR_PARAM]: listedFor })}` : ''}`,
          { signal },
        ),
    }),
  /**
   * The server's exact decision on the device's passcode action, read fresh each time the confirm dialog opens (the
   * device may have changed since it was listed; a wipe may have been started).
   */
  passcodePlan: (api: ApiClient, id: string) =>
    queryOptions({
      queryKey: deviceKeys.passcodePlan(id),
      queryFn: ({ signal }) =>
        api.get<PasscodePlan>(`/api/devices/${encodeURIComponent(id)}/passcode-plan`, { signal }),
      staleTime: 0,
      gcTime: 0,
      retry: false,
    }),
};
