'use client';
// The search results: a virtualised table (cards on phone-narrow screens) that stays smooth with thousands of rows, sorted on the client
// (Graph ignores $orderby), loading further pages as the agent scrolls, with keyboard navigation and the
// warnings that keep an agent from acting on the wrong device. Keyboard: arrow keys or j/k move through the rows,
// Enter opens a device, r starts the selected device's passcode action (through its dialog), and the sort
// headers are one Tab stop whose arrows move between columns.
import { useInfiniteQuery, useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { useFormatter, useLocale, useNow, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import {
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from 'react';
import { ApiErrorNotice } from '@/components/errors/api-error-notice';
import { Button } from '@/components/ui/button';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { isShortcut } from '@/lib/browser/keyboard/shortcut-event';
import { actionQueries } from '@/lib/browser/query/action-queries';
import { deviceQueries } from '@/lib/browser/query/device-queries';
import type { ActionStatus } from '@/lib/shared/actions/types';
import { MAX_DEVICE_IDS } from '@/lib/shared/devices/device-id';
import { searchKind, type DeviceSearch } from '@/lib/shared/devices/search';
import type { DeviceListItem } from '@/lib/shared/devices/types';
import { countSameNames, deviceWarnings, type DeviceWarning } from '@/lib/shared/devices/warnings';
import { cn } from '@/lib/shared/cn';
import { PasscodeAction } from '@/components/actions/passcode-action';
import { startPasscodeAction } from '@/components/actions/passcode-action-target';
import { RecentAction } from '@/components/actions/recent-action';
import { ComplianceBadge } from './compliance-badge';
import { useNarrowScreen } from './use-narrow-screen';
import { useWarningWords } from './use-warning-words';

const ROW_HEIGHT = 60;
const CARD_HEIGHT = 212;

type SortKey =
  'deviceName' | 'user' | 'os' | 'model' | 'serialNumber' | 'complianceState' | 'lastSyncDateTime';
const COLUMNS = [
  { key: 'deviceName', label: 'name', width: 'w-[18%]' },
  { key: 'user', label: 'user', width: 'w-[16%]' },
  { key: 'os', label: 'os', width: 'w-[9%]' },
  { key: 'model', label: 'model', width: 'w-[9%]' },
  { key: 'serialNumber', label: 'serial', width: 'w-[10%]' },
  { key: 'complianceState', label: 'compliance', width: 'w-[9%]' },
  { key: 'lastSyncDateTime', label: 'lastSync', width: 'w-[11%]' },
] as const satisfies readonly { key: SortKey; label: string; width: string }[];
const ACTION_COLUMN_WIDTH = 'w-[18%]';

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

/** What the search box may ask of the results: take the focus (arrow-down from the box). */
export interface ResultsHandle {
  focusSelected(): void;
}

export function DeviceResults({
  search,
  handle,
}: {
  search: DeviceSearch;
  handle?: Ref<ResultsHandle>;
}) {
  const t = useTranslations('devices');
  const locale = useLocale();
  const api = useApiClient();
  const router = useRouter();
  const query = useInfiniteQuery(deviceQueries.search(api, search));
  const {
    data,
    error,
    isPending,
    hasNextPage,
    isFetchingNextPage,
    fetchNextPage,
    refetch,
    dataUpdatedAt,
  } = query;
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean } | null>(null);
  const [active, setActive] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowRefs = useRef(new Map<number, HTMLElement>());
  const narrow = useNarrowScreen();
  const headerRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const [headerFocus, setHeaderFocus] = useState(0);

  const pages = useMemo(() => data?.pages ?? [], [data]);
  const devices = useMemo(() => {
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
  const sameNames = useMemo(() => countSameNames(devices), [devices]);
  const recent = useRecentActions(devices);
  // Ticks, so "requested 4 minutes ago" stays true while the list stays open.
  const clock = useNow({ updateInterval: 30_000 }).getTime();
  // Warnings are judged at the time the data arrived, so rendering stays pure.
  const now = dataUpdatedAt;
  const discarded = pages.reduce((n, p) => n + p.discarded, 0);
  const refinedOut = pages.reduce((n, p) => n + p.refinedOut, 0);
  const lastPage = pages.at(-1);
  const userNotFound = pages.some((p) => p.userNotFound);
  // Each row gets props that stay the same while its device does, so moving the selection or scrolling re-renders
  // only the rows that changed (the rows are memoised), not every visible row with its dialog root.
  const warnings = useMemo(
    () => new Map(devices.map((d) => [d.id, deviceWarnings(d, sameNames, now)])),
    [devices, sameNames, now],
  );
  const registerRow = useCallback((index: number, el: HTMLElement | null) => {
    if (el) rowRefs.current.set(index, el);
    else rowRefs.current.delete(index);
  }, []);
  const byEmail = !userNotFound && pages.some((p) => p.userMatchedBy === 'email');

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

  useEffect(() => setActive(0), [search]);

  /** Selects row `index` (clamped), scrolls it into view and focuses it; then `andThen` with the row. */
  const select = (index: number, andThen?: (row: HTMLElement) => void) => {
    if (rows.length === 0) return;
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() => {
      const row = rowRefs.current.get(next);
      row?.focus();
      if (row) andThen?.(row);
    });
  };
  const selectRef = useRef(select);
  useEffect(() => {
    selectRef.current = select;
  });
  useImperativeHandle(handle, () => ({ focusSelected: () => selectRef.current(active) }), [active]);

  // j and k move, r starts the passcode action of the selected device: anywhere on the page, not while typing.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!isShortcut(e) || rows.length === 0) return;
      if (e.key === 'j' || e.key === 'k') {
        e.preventDefault();
        selectRef.current(active + (e.key === 'j' ? 1 : -1));
      } else if (e.key === 'r') {
        e.preventDefault();
        const device = rows[active];
        if (device) selectRef.current(active, (row) => startPasscodeAction(row, device.id));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, rows]);

  if (error && !data)
    return <ApiErrorNotice title={t('loadFailed')} error={error} onRetry={() => void refetch()} />;

  const onHeaderKeyDown = (e: KeyboardEvent<HTMLTableRowElement>) => {
    const last = COLUMNS.length - 1;
    const next =
      e.key === 'ArrowRight'
        ? Math.min(last, headerFocus + 1)
        : e.key === 'ArrowLeft'
          ? Math.max(0, headerFocus - 1)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (next === null) return;
    e.preventDefault();
    setHeaderFocus(next);
    headerRefs.current[next]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const move =
      e.key === 'ArrowDown'
        ? 1
        : e.key === 'ArrowUp'
          ? -1
          : e.key === 'Home'
            ? -Infinity
            : e.key === 'End'
              ? Infinity
              : 0;
    if (move !== 0) {
      e.preventDefault();
      select(active + move);
    } else if (e.key === 'Enter') {
      const d = rows[active];
      if (d) router.push(`/devices/${d.id}`);
    }
  };

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const itemProps = (index: number, d: DeviceListItem): ItemProps => ({
    device: d,
    index,
    active: index === active,
    warnings: warnings.get(d.id) ?? NO_WARNINGS,
    recent: recent.get(d.id) ?? null,
    now,
    clock,
    register: registerRow,
    activate: setActive,
  });

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
        <p
          className="mb-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          data-testid="ignored-filter-warning"
        >
          {t('ignoredFilter', { count: discarded })}
        </p>
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
          // Phone-narrow: one card per device, the same virtualised list and the same keys.
          <ul
            aria-label={t('caption')}
            aria-busy={isPending || isFetchingNextPage}
            onKeyDown={onKeyDown}
            className="px-2"
            data-testid="device-cards"
          >
            {isPending ? null : rows.length === 0 ? (
              <li className="px-3 py-10 text-center text-slate-700 dark:text-slate-300">
                <EmptyResults search={search} userNotFound={userNotFound} />
              </li>
            ) : (
              <>
                {paddingTop > 0 && <li aria-hidden="true" style={{ height: paddingTop }} />}
                {items.map((item) => {
                  const d = rows[item.index];
                  return d ? <DeviceCard key={d.id} {...itemProps(item.index, d)} /> : null;
                })}
                {paddingBottom > 0 && <li aria-hidden="true" style={{ height: paddingBottom }} />}
              </>
            )}
          </ul>
        ) : (
          <table
            className="w-full min-w-[68rem] table-fixed text-left text-sm"
            aria-rowcount={rows.length + 1}
            aria-busy={isPending || isFetchingNextPage}
          >
            <caption className="sr-only">{t('caption')}</caption>
            <colgroup>
              {COLUMNS.map((c) => (
                <col key={c.key} className={c.width} />
              ))}
              <col className={ACTION_COLUMN_WIDTH} />
            </colgroup>
            <thead className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-700 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200">
              <tr aria-rowindex={1} onKeyDown={onHeaderKeyDown}>
                {COLUMNS.map((c, i) => {
                  const sorted = sort?.key === c.key;
                  const label = t(`columns.${c.label}`);
                  return (
                    <th
                      key={c.key}
                      scope="col"
                      className="px-3 py-2 font-semibold"
                      aria-sort={sorted ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                    >
                      <button
                        type="button"
                        ref={(el) => {
                          headerRefs.current[i] = el;
                        }}
                        // One Tab stop for the whole header: arrow keys move between the columns (roving tabindex).
                        tabIndex={i === headerFocus ? 0 : -1}
                        onFocus={() => setHeaderFocus(i)}
                        className="rounded-sm uppercase hover:text-slate-950 dark:hover:text-white"
                        title={t('sortBy', { column: label })}
                        onClick={() =>
                          setSort(
                            sorted
                              ? { key: c.key, descending: !sort.descending }
                              : { key: c.key, descending: false },
                          )
                        }
                      >
                        {label}
                        {sorted ? (sort.descending ? ' ↓' : ' ↑') : ''}
                      </button>
                    </th>
                  );
                })}
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t('columns.action')}
                </th>
              </tr>
            </thead>
            <tbody onKeyDown={onKeyDown}>
              {isPending ? (
                <SkeletonRows />
              ) : rows.length === 0 ? (
                <tr>
                  <td
                    colSpan={COLUMNS.length + 1}
                    className="px-3 py-10 text-center text-slate-700 dark:text-slate-300"
                  >
                    <EmptyResults search={search} userNotFound={userNotFound} />
                  </td>
                </tr>
              ) : (
                <>
                  {paddingTop > 0 && <tr aria-hidden="true" style={{ height: paddingTop }} />}
                  {items.map((item) => {
                    const d = rows[item.index];
                    return d ? <DeviceRow key={d.id} {...itemProps(item.index, d)} /> : null;
                  })}
                  {paddingBottom > 0 && <tr aria-hidden="true" style={{ height: paddingBottom }} />}
                </>
              )}
            </tbody>
          </table>
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

/**
 * Passcode actions under way or recent on the loaded devices, one batched read per hundred devices, so each row
 * can say so before anyone clicks.
 */
function useRecentActions(devices: readonly DeviceListItem[]): ReadonlyMap<string, ActionStatus> {
  const api = useApiClient();
  const chunks = useMemo(() => {
    const ids = devices.map((d) => d.id);
    return Array.from({ length: Math.ceil(ids.length / MAX_DEVICE_IDS) }, (_, i) =>
      ids.slice(i * MAX_DEVICE_IDS, (i + 1) * MAX_DEVICE_IDS),
    );
  }, [devices]);
  return useQueries({
    queries: chunks.map((ids) => actionQueries.onDevices(api, ids)),
    combine: byDevice,
  });
}

// Module-level, so react-query keeps the combined map until an answer changes.
function byDevice(
  results: { data?: { actions: ActionStatus[] } }[],
): ReadonlyMap<string, ActionStatus> {
  return new Map(results.flatMap((r) => r.data?.actions ?? []).map((a) => [a.deviceId, a]));
}

interface ItemProps {
  device: DeviceListItem;
  index: number;
  active: boolean;
  warnings: DeviceWarning[];
  recent: ActionStatus | null;
  /** When the list's data arrived (warnings, last sync), and a ticking clock (how long ago an action was requested). */
  now: number;
  clock: number;
  /** Stable for the list's life: the row hands its element and its focus back by index. */
  register: (index: number, el: HTMLElement | null) => void;
  activate: (index: number) => void;
}

const NO_WARNINGS: DeviceWarning[] = [];

function WarningTags({ warnings }: { warnings: DeviceWarning[] }) {
  const warningWords = useWarningWords();
  return (
    <span className="flex flex-wrap gap-1">
      {warnings.map((w) => {
        const words = warningWords(w);
        return (
          <span
            key={w.kind}
            title={words.text}
            data-warning={w.kind}
            className={cn(
              'relative rounded px-1.5 text-[11px] font-medium',
              w.kind === 'sameName'
                ? 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100'
                : w.kind === 'stale'
                  ? 'bg-orange-100 text-orange-900 dark:bg-orange-900 dark:text-orange-100'
                  : 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100',
            )}
          >
            {words.short}
            <span className="sr-only">: {words.text}</span>
          </span>
        );
      })}
    </span>
  );
}

/** The last sync as a date, with how long ago as secondary text, and the full time on hover. */
function LastSync({ iso, now }: { iso: string | null; now: number }) {
  const t = useTranslations('devices');
  const format = useFormatter();
  if (!iso) return <span>{t('neverSynced')}</span>;
  const date = new Date(iso);
  return (
    <span className="block min-w-0">
      <time dateTime={iso} title={format.dateTime(date, 'dateTime')} className="block truncate">
        {format.dateTime(date, 'date')}
      </time>
      <span
        className="block truncate text-xs text-slate-700 dark:text-slate-300"
        data-testid="last-sync-relative"
      >
        {format.relativeTime(date, now)}
      </span>
    </span>
  );
}

const DeviceRow = memo(function DeviceRow({
  device: d,
  index,
  active,
  warnings,
  recent,
  now,
  clock,
  register,
  activate,
}: ItemProps) {
  return (
    <tr
      ref={(el) => register(index, el)}
      aria-rowindex={index + 2}
      tabIndex={active ? 0 : -1}
      onFocus={() => activate(index)}
      data-testid="device-row"
      className={cn(
        'h-[60px] hover:bg-slate-50 focus-visible:bg-sky-50 focus-visible:-outline-offset-2 dark:hover:bg-slate-800 dark:focus-visible:bg-sky-950',
        active && 'bg-slate-50 dark:bg-slate-800',
      )}
    >
      <td className="px-3">
        <Link
          href={`/devices/${d.id}`}
          prefetch={false}
          tabIndex={-1}
          className="block truncate font-medium text-sky-900 hover:underline dark:text-sky-300"
          title={d.deviceName}
        >
          {d.deviceName}
        </Link>
        <WarningTags warnings={warnings} />
      </td>
      <td className="px-3">
        <div className="truncate" title={d.userDisplayName}>
          {d.userDisplayName}
        </div>
        <div
          className="truncate text-xs text-slate-700 dark:text-slate-300"
          title={d.userPrincipalName}
        >
          {d.userPrincipalName}
        </div>
      </td>
      <td className="truncate px-3">
        {d.operatingSystem} {d.osVersion}
      </td>
      <td className="truncate px-3" title={`${d.manufacturer} ${d.model}`}>
        {d.model}
      </td>
      <td className="truncate px-3 font-mono text-xs">{d.serialNumber}</td>
      <td className="px-3">
        <ComplianceBadge state={d.complianceState} />
      </td>
      <td className="px-3">
        <LastSync iso={d.lastSyncDateTime} now={now} />
      </td>
      <td className="px-3" onKeyDown={(e) => e.stopPropagation()}>
        <PasscodeAction device={d} warnings={warnings} recent={recent} />
        {recent && <RecentAction action={recent} now={clock} compact />}
      </td>
    </tr>
  );
});

/** A device as a card, on phone-narrow screens: device, user, serial, last sync, action. */
const DeviceCard = memo(function DeviceCard({
  device: d,
  index,
  active,
  warnings,
  recent,
  now,
  clock,
  register,
  activate,
}: ItemProps) {
  const t = useTranslations('device.fields');
  return (
    <li
      ref={(el) => register(index, el)}
      tabIndex={active ? 0 : -1}
      onFocus={() => activate(index)}
      data-testid="device-card"
      style={{ height: CARD_HEIGHT }}
      className={cn(
        'overflow-hidden border-b border-slate-200 px-2 py-3 focus-visible:-outline-offset-2 dark:border-slate-700',
        active && 'bg-slate-50 dark:bg-slate-800',
      )}
    >
      <div className="flex items-start justify-between gap-2">
        <Link
          href={`/devices/${d.id}`}
          prefetch={false}
          tabIndex={-1}
          className="truncate font-medium text-sky-900 hover:underline dark:text-sky-300"
        >
          {d.deviceName}
        </Link>
        <ComplianceBadge state={d.complianceState} />
      </div>
      <WarningTags warnings={warnings} />
      <p className="mt-1 truncate text-sm">
        {d.userDisplayName} ·{' '}
        <span className="text-slate-700 dark:text-slate-300">{d.userPrincipalName}</span>
      </p>
      <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-2 text-sm">
        <dt className="text-slate-700 dark:text-slate-300">{t('serial')}</dt>
        <dd className="truncate font-mono text-xs leading-5">{d.serialNumber}</dd>
        <dt className="text-slate-700 dark:text-slate-300">{t('lastSync')}</dt>
        <dd className="min-w-0">
          <LastSyncInline iso={d.lastSyncDateTime} now={now} />
        </dd>
      </dl>
      <div className="mt-2" onKeyDown={(e) => e.stopPropagation()}>
        <PasscodeAction device={d} warnings={warnings} recent={recent} />
        {recent && <RecentAction action={recent} now={clock} compact />}
      </div>
    </li>
  );
});

function LastSyncInline({ iso, now }: { iso: string | null; now: number }) {
  const t = useTranslations('devices');
  const format = useFormatter();
  if (!iso) return <span>{t('neverSynced')}</span>;
  const date = new Date(iso);
  return (
    <span className="block truncate">
      <time dateTime={iso} title={format.dateTime(date, 'dateTime')}>
        {format.dateTime(date, 'date')}
      </time>{' '}
      <span className="text-slate-700 dark:text-slate-300" data-testid="last-sync-relative">
        ({format.relativeTime(date, now)})
      </span>
    </span>
  );
}

/**
 * Why a search found nothing, as far as Graph lets the console know: a user the directory does not have; a user it
 * has, none of whose devices the agent's Intune scope covers (Intune lists only devices in scope); a serial or IMEI
 * that is wrong or outside that scope. Filters that narrowed the search leave the plain message.
 */
function EmptyResults({ search, userNotFound }: { search: DeviceSearch; userNotFound: boolean }) {
  const t = useTranslations('devices');
  const kind = searchKind(search);
  const narrowed =
    search.os !== undefined ||
    search.compliance !== undefined ||
    search.owner !== undefined ||
    search.stale !== undefined;
  if (userNotFound)
    return (
      <p className="font-medium" data-empty="userNotFound">
        {t('userNotFound', { upn: search.q })}
      </p>
    );
  if (!narrowed && kind === 'user')
    return (
      <p className="font-medium" data-empty="outsideScope">
        {t('userNoVisibleDevices', { upn: search.q })}
      </p>
    );
  if (!narrowed && (kind === 'serial' || kind === 'imei'))
    return (
      <p className="font-medium" data-empty="outsideScope">
        {t('emptyBySerial')}
      </p>
    );
  return (
    <>
      <p className="font-medium" data-empty="none">
        {t('empty')}
      </p>
      <p className="mt-1 text-sm">{t('emptyHelp')}</p>
    </>
  );
}

function SkeletonRows() {
  return Array.from({ length: 8 }, (_, i) => (
    <tr key={i} className="h-[60px]" aria-hidden="true">
      {COLUMNS.map((c) => (
        <td key={c.key} className="px-3">
          <div className="h-3 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
        </td>
      ))}
      <td className="px-3" />
    </tr>
  ));
}
