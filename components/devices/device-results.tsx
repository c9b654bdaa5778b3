'use client';
// The search results: a virtualised table (cards on phone-narrow screens) that stays smooth with thousands of rows,
// loading further pages as the agent scrolls, with keyboard navigation and the warnings that keep an agent from
// acting on the wrong device. The rows come from use-device-rows.ts, the keys from use-results-keyboard.ts.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, type Ref } from 'react';
import { ApiErrorNotice } from '@/components/errors/api-error-notice';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import type { DeviceSearch } from '@/lib/shared/devices/search';
import { CARD_HEIGHT, DeviceCards } from './device-cards';
import { DeviceTable, ROW_HEIGHT } from './device-table';
import { EmptyResults } from './empty-results';
import { NO_WARNINGS, type ItemProps } from './result-item';
import { useDeviceRows } from './use-device-rows';
import { useNarrowScreen } from './use-narrow-screen';
import { useResultsKeyboard, type ResultsHandle } from './use-results-keyboard';
import { deviceHref } from '@/lib/shared/devices/device-href';

export type { ResultsHandle } from './use-results-keyboard';

export function DeviceResults({
  search,
  handle,
}: {
  search: DeviceSearch;
  handle?: Ref<ResultsHandle>;
}) {
  const t = useTranslations('devices');
  const router = useRouter();
  const {
    query,
    rows,
    sort,
    setSort,
    warnings,
    recent,
    now,
    clock,
    discarded,
    refinedOut,
    lastPage,
    userNotFound,
    byEmail,
  } = useDeviceRows(search);
  const { data, error, isPending, hasNextPage, isFetchingNextPage, fetchNextPage, refetch } = query;
  const scrollRef = useRef<HTMLDivElement>(null);
  const narrow = useNarrowScreen();

  // TanStack Virtual returns functions the React Compiler cannot memoise; this component is left uncompiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (narrow ? CARD_HEIGHT : ROW_HEIGHT),
    overscan: 12,
  });
  // Rows and cards differ in height: measure again when the layout switches.
  useEffect(() => virtualizer.measure(), [narrow, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.at(-1)?.index ?? -1;

  const { active, setActive, registerRow, onKeyDown } = useResultsKeyboard({
    count: rows.length,
    deviceIdAt: (index) => rows[index]?.id,
    resetOn: search,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    open: (index) => {
      const d = rows[index];
      if (d) router.push(deviceHref(d));
    },
    handle,
  });

  // Infinite scroll, but only while pages bring matches: when Graph ignores a filter, reading on would walk
  // the whole tenant, so the agent decides with "Search further".
  const autoLoad =
    hasNextPage &&
    !isFetchingNextPage &&
    lastPage !== undefined &&
    lastPage.discarded === 0 &&
    lastPage.devices.length > 0;
  useEffect(() => {
    if (autoLoad && lastVisible >= rows.length - 10) void fetchNextPage();
  }, [autoLoad, lastVisible, rows.length, fetchNextPage]);

  if (error && !data)
    return <ApiErrorNotice title={t('loadFailed')} error={error} onRetry={() => void refetch()} />;

  const visible = items.flatMap((item): ItemProps[] => {
    const d = rows[item.index];
    return d
      ? [
          {
            device: d,
            index: item.index,
            active: item.index === active,
            warnings: warnings.get(d.id) ?? NO_WARNINGS,
            recent: recent.get(d.id) ?? null,
            now,
            clock,
            register: registerRow,
            activate: setActive,
          },
        ]
      : [];
  });
  const list = {
    rowCount: rows.length,
    busy: isPending || isFetchingNextPage,
    pending: isPending,
    onKeyDown,
    empty: <EmptyResults search={search} userNotFound={userNotFound} />,
    visible,
    paddingTop: items[0]?.start ?? 0,
    paddingBottom: virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0),
  };

  return (
    <div>
      <p
        role="status"
        aria-live="polite"
        className="mb-2 min-h-5 text-sm text-slate-700 dark:text-slate-300"
        data-testid="results-status"
      >
        {isPending
          ? ''
          : hasNextPage
            ? t('shown', { count: rows.length, more: 'true' })
            : rows.length > 0
              ? t('allLoaded', { count: rows.length })
              : ''}
      </p>
      {discarded > 0 && (
        <Notice variant="warning" className="mb-2" data-testid="ignored-filter-warning">
          {t('ignoredFilter', { count: discarded })}
        </Notice>
      )}
      {refinedOut > 0 && (
        <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
          {t('refinedOut', { count: refinedOut })}
        </p>
      )}
      {byEmail && (
        <p
          className="mb-2 text-sm text-slate-700 dark:text-slate-300"
          data-testid="matched-by-email"
        >
          {t('matchedByEmail', { address: search.q })}
        </p>
      )}
      {error && data && (
        <ApiErrorNotice
          title={t('loadFailed')}
          error={error}
          onRetry={() => void fetchNextPage()}
        />
      )}
      <div
        ref={scrollRef}
        data-testid="results-scroll"
        className="h-[calc(100vh-22rem-var(--tray-bar,0rem))] min-h-80 overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
      >
        {narrow ? (
          <DeviceCards {...list} />
        ) : (
          <DeviceTable {...list} sort={sort} onSortChange={setSort} />
        )}
      </div>
      <div className="mt-3 flex min-h-10 items-center gap-3">
        {hasNextPage && (
          <Button
            variant="secondary"
            disabled={isFetchingNextPage}
            onClick={() => void fetchNextPage()}
          >
            {isFetchingNextPage
              ? t('loadingMore')
              : discarded > 0
                ? t('searchFurther')
                : t('loadMore')}
          </Button>
        )}
      </div>
    </div>
  );
}
