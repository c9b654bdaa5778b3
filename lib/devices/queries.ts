// Query options for device data: keys and fetchers together, keys from generic to specific.
import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/api/browser-client';
import type { DeviceListPage } from './types';

export const deviceKeys = {
  all: ['devices'] as const,
  lists: () => [...deviceKeys.all, 'list'] as const,
  list: (filters: Record<string, string>) => [...deviceKeys.lists(), filters] as const,
};

export const deviceQueries = {
  list: (api: ApiClient, filters: Record<string, string> = {}) =>
    queryOptions({
      queryKey: deviceKeys.list(filters),
      queryFn: ({ signal }) => api.get<DeviceListPage>(`/api/devices?${new URLSearchParams(filters)}`, { signal }),
    }),
};
