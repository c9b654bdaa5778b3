// Query options for device data: keys and fetchers together, keys from generic to specific.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/browser/api/browser-client';
import { searchToParams, type DeviceSearch } from '@/lib/shared/devices/search';
import type { PasscodePlan } from '@/lib/shared/devices/passcode-plan';
import type { DeviceDetail, DeviceSearchPage, WithPlan } from '@/lib/shared/devices/types';

export const deviceKeys = {
  all: ['devices'] as const,
  searches: () => [...deviceKeys.all, 'search'] as const,
  search: (search: DeviceSearch) => [...deviceKeys.searches(), search] as const,
  details: () => [...deviceKeys.all, 'detail'] as const,
  user: (upn: string) => [...deviceKeys.all, 'user', upn.toLowerCase()] as const,
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
  /** A user's devices (one page: /users/{upn}/managedDevices), for the device page's same-named siblings. */
  userDevices: (api: ApiClient, upn: string) =>
    queryOptions({
      queryKey: deviceKeys.user(upn),
      queryFn: ({ signal }) =>
        api.get<DeviceSearchPage>(`/api/devices?${searchToParams({ q: upn, by: 'user' })}`, {
          signal,
        }),
    }),
  detail: (api: ApiClient, id: string) =>
    queryOptions({
      queryKey: deviceKeys.detail(id),
      queryFn: ({ signal }) =>
        api.get<WithPlan<DeviceDetail>>(`/api/devices/${encodeURIComponent(id)}`, { signal }),
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
