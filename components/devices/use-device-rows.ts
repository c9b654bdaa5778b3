'use client';
// The search's rows: Graph's pages read as the agent scrolls, without duplicates, sorted on the client (Graph ignores
// $orderby; unsorted, the server's order, which puts twins together, the current one first), each as its view in
// words (row-view.ts: warnings from the server's facts, dates, the action's words), with each device's recent
// passcode action, and what the pages say about the search.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useLocale, useNow } from 'next-intl';
import { useMemo, useState } from 'react';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { deviceQueries } from '@/lib/browser/query/device-queries';
import type { DeviceSearch } from '@/lib/shared/devices/search';
import type { DeviceListItem, ListedDevice } from '@/lib/shared/devices/types';
import { RowViewCache } from './row-view';
import { useRecentActions } from './use-recent-actions';
import { useRowWords } from './use-row-words';

export type SortKey =
  'deviceName' | 'user' | 'os' | 'model' | 'serialNumber' | 'complianceState' | 'lastSyncDateTime';
export type Sort = { key: SortKey; descending: boolean } | null;

const sortValue = (d: DeviceListItem, key: SortKey): string => {
  switch (key) {
    case 'user':
      return d.userDisplayName || d.userPrincipalName;
    case 'os':
      return `${d.operatingSystem} ${d.osVersion}`;
    case 'lastSyncDateTime':
      return d.lastSyncDateTime ?? '';
    default:
      return d[key];
  }
};

export function useDeviceRows(search: DeviceSearch) {
  const locale = useLocale();
  const api = useApiClient();
  const query = useInfiniteQuery(deviceQueries.search(api, search));
  const { data, dataUpdatedAt } = query;
  const [sort, setSort] = useState<Sort>(null);

  const pages = useMemo(() => data?.pages ?? [], [data]);
  const devices = useMemo((): ListedDevice[] => {
    const seen = new Set<string>();
    return pages.flatMap((p) => p.devices).filter((d) => !seen.has(d.id) && seen.add(d.id));
  }, [pages]);
  const rows = useMemo(() => {
    if (!sort) return devices;
    const dir = sort.descending ? -1 : 1;
    return [...devices].sort(
      (a, b) =>
        dir *
        sortValue(a, sort.key).localeCompare(sortValue(b, sort.key), locale, {
          sensitivity: 'base',
        }),
    );
  }, [devices, sort, locale]);
  const recent = useRecentActions(devices);
  // Ticks, so "requested 4 minutes ago" stays true while the list stays open.
  const clock = useNow({ updateInterval: 30_000 }).getTime();
  // Warnings and "how long ago" are judged at the time the data arrived, so rendering stays pure; a row keeps its
  // view (the same object, so it is not drawn again) when a further page arrives.
  const words = useRowWords();
  const views = useMemo(() => new RowViewCache(words), [words]);
  const rowViews = useMemo(
    () => views.views(pages, rows, dataUpdatedAt),
    [views, pages, rows, dataUpdatedAt],
  );
  const userNotFound = pages.some((p) => p.userNotFound);
  return {
    query,
    rows: rowViews,
    sort,
    setSort,
    recent,
    clock,
    discarded: pages.reduce((n, p) => n + p.discarded, 0),
    refinedOut: pages.reduce((n, p) => n + p.refinedOut, 0),
    lastPage: pages.at(-1),
    userNotFound,
    byEmail: !userNotFound && pages.some((p) => p.userMatchedBy === 'email'),
  };
}
