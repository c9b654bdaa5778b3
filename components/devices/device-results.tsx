'use client';
// The search results: a virtualised table (cards on phone-narrow screens) that stays smooth with thousands of rows,
// loading further pages as the agent scrolls, with keyboard navigation and the warnings that keep an agent from
// acting on the wrong device. The rows come from use-device-rows.ts, the keys from use-results-keyboard.ts. The
// virtualised list is a component of its own, so a scroll or a key draws the list alone, not the status, notices and
// buttons around it.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, type ReactNode, type Ref } from 'react';
import { ApiErrorNotice } from '@/components/errors/api-error-notice';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import type { DeviceSearch } from '@/lib/shared/devices/search';
import { CARD_HEIGHT, DeviceCards } from './device-cards';
import { DeviceTable, ROW_HEIGHT } from './device-table';
import { EmptyResults } from './empty-results';
import type { ItemProps } from './result-item';
import type { RowView } from './row-view';
import type { ActionStatus } from '@/lib/shared/actions/types';
import { useDeviceRows, type Sort } from './use-device-rows';
import { useNarrowScreen } from './use-narrow-screen';
import { useResultsKeyboard, type ResultsHandle } from './use-results-keyboard';
import { useRowLinks } from './use-row-links';
import { useRowsInTurn } from './use-rows-in-turn';

export type { ResultsHandle } from './use-results-keyboard';

export function DeviceResults({
  search,
  handle,
}: {
  search: DeviceSearch;
  handle?: Ref<ResultsHandle>;
}) {
  const t = useTranslations('devices');
  const {
    query,
    rows,
    sort,
    setSort,
    recent,
    clock,
    discarded,
    refinedOut,
    lastPage,
    userNotFound,
    byEmail,
  } = useDeviceRows(search);
  const { data, error, isPending, hasNextPage, isFetchingNextPage, fetchNextPage, refetch } = query;

  // Infinite scroll, but only while pages bring matches: when Graph ignores a filter, reading on would walk
  // the whole tenant, so the agent decides with "Search further".
  const autoLoad =
    hasNextPage &&
    !isFetchingNextPage &&
    lastPage !== undefined &&
    lastPage.discarded === 0 &&
    lastPage.devices.length > 0;

  if (error && !data)
    return <ApiErrorNotice title={t('loadFailed')} error={error} onRetry={() => void refetch()} />;

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
      <ResultsList
        rows={rows}
        recent={recent}
        clock={clock}
        search={search}
        handle={handle}
        busy={isPending || isFetchingNextPage}
        pending={isPending}
        empty={<EmptyResults search={search} userNotFound={userNotFound} />}
        sort={sort}
        onSortChange={setSort}
        onNearEnd={autoLoad ? fetchNextPage : null}
      />
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

/** Within this many rows of the end of what has loaded, the next page is asked for. */
const NEAR_END = 10;

/** The scrolling list itself: the virtualiser, the keys, and the visible rows as a table or as cards. */
function ResultsList({
  rows,
  recent,
  clock,
  search,
  handle,
  busy,
  pending,
  empty,
  sort,
  onSortChange,
  onNearEnd,
}: {
  rows: RowView[];
  recent: ReadonlyMap<string, ActionStatus>;
  clock: number;
  search: DeviceSearch;
  handle: Ref<ResultsHandle> | undefined;
  busy: boolean;
  pending: boolean;
  empty: ReactNode;
  sort: Sort;
  onSortChange: (sort: Sort) => void;
  /** Loads the next page; null while none should load by scrolling. */
  onNearEnd: (() => unknown) | null;
}) {
  const router = useRouter();
  const scrollRef = useRef<HTMLDivElement>(null);
  const narrow = useNarrowScreen();
  const onClick = useRowLinks();

  // TanStack Virtual returns functions the React Compiler cannot memoise; this component is left uncompiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (narrow ? CARD_HEIGHT : ROW_HEIGHT),
    overscan: 6,
    // Rows scrolled into sight are drawn in React's own task after the scroll event, not inside it (flushSync).
    useFlushSync: false,
  });
  // Rows and cards differ in height: measure again when the layout switches.
  useEffect(() => virtualizer.measure(), [narrow, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.at(-1)?.index ?? -1;

  const { active, setActive, registerRow, onKeyDown } = useResultsKeyboard({
    count: rows.length,
    deviceIdAt: (index) => rows[index]?.device.id,
    resetOn: search,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    open: (index) => {
      const view = rows[index];
      if (view) router.push(view.href);
    },
    handle,
  });

  useEffect(() => {
    if (onNearEnd && lastVisible >= rows.length - NEAR_END) void onNearEnd();
  }, [onNearEnd, lastVisible, rows.length]);

  const inView = virtualizer.range;
  const isDrawn = useRowsInTurn(
    {
      keys: items.map((item) => rows[item.index]?.device.id ?? ''),
      inView: (position) => {
        const index = items[position]?.index ?? -1;
        return inView !== null && index >= inView.startIndex && index <= inView.endIndex;
      },
      scrolling: virtualizer.isScrolling,
      selected: rows[active]?.device.id,
    },
    !narrow,
  );

  const visible = items.flatMap((item): ItemProps[] => {
    const view = rows[item.index];
    if (!view) return [];
    const action = recent.get(view.device.id) ?? null;
    return [
      {
        view,
        index: item.index,
        active: item.index === active,
        drawn: isDrawn(view.device.id),
        recent: action,
        // Only a row that says "requested 4 minutes ago" follows the clock; the others stay as they are.
        clock: action ? clock : 0,
        register: registerRow,
        activate: setActive,
      },
    ];
  });
  const list = {
    rowCount: rows.length,
    busy,
    pending,
    onKeyDown,
    onClick,
    empty,
    visible,
    paddingTop: items[0]?.start ?? 0,
    paddingBottom: virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0),
  };

  return (
    <div
      ref={scrollRef}
      data-testid="results-scroll"
      className="h-[calc(100vh-22rem-var(--tray-bar,0rem))] min-h-80 overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
    >
      {narrow ? (
        <DeviceCards {...list} />
      ) : (
        <DeviceTable {...list} sort={sort} onSortChange={onSortChange} />
      )}
    </div>
  );
}
