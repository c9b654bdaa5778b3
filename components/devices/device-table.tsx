'use client';
// The search results as a table on wide screens: sortable headers that are one Tab stop (arrow keys move between
// the columns), the visible rows of the virtualised list between two spacers, and skeleton rows while loading.
// Laid out as blocks and flex rows of fixed-width cells, not by the table algorithm: a table lays out as a whole, so
// every row scrolled into sight made the browser lay out all of them again (28–83 ms a frame at 4× CPU throttling);
// a row here is laid out alone (`contain`). The elements and explicit ARIA roles keep it a table to assistive
// technology.
import { useTranslations } from 'next-intl';
import { memo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { COMPLIANCE_CLASS } from './compliance-badge';
import { lastSync } from './last-sync';
import { ResultActions } from './result-actions';
import type { ItemProps } from './result-item';
import type { Sort, SortKey } from './use-device-rows';
import { DEVICE_LINK } from './use-row-links';
import { warningTags } from './warning-tags';

export const ROW_HEIGHT = 60;

// Widths add up to 100 %; each cell is `flex-none` at its column's width.
const COLUMNS = [
  { key: 'deviceName', label: 'name', width: 'w-[18%]' },
  { key: 'user', label: 'user', width: 'w-[15%]' },
  // Room for a Windows build number ("10.0.22631.5335") on the second line, and for "Betriebssystem" whole.
  { key: 'os', label: 'os', width: 'w-[11%]' },
  { key: 'model', label: 'model', width: 'w-[10%]' },
  { key: 'serialNumber', label: 'serial', width: 'w-[9%]' },
  { key: 'complianceState', label: 'compliance', width: 'w-[9%]' },
  { key: 'lastSyncDateTime', label: 'lastSync', width: 'w-[11%]' },
] as const satisfies readonly { key: SortKey; label: string; width: string }[];
const ACTION_COLUMN_WIDTH = 'w-[17%]';
/** Column widths of the cells, by position (the action column last). */
const CELL = [
  ...COLUMNS.map((c) => `flex-none px-3 ${c.width}`),
  `flex-none px-3 ${ACTION_COLUMN_WIDTH}`,
];

export function DeviceTable({
  rowCount,
  busy,
  pending,
  sort,
  onSortChange,
  onKeyDown,
  onClick,
  empty,
  visible,
  paddingTop,
  paddingBottom,
}: {
  rowCount: number;
  busy: boolean;
  pending: boolean;
  sort: Sort;
  onSortChange: (sort: Sort) => void;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  /** The rows' device links, handled once for the whole body (use-row-links.ts). */
  onClick: (e: MouseEvent<HTMLElement>) => void;
  /** Why there are no rows, shown when loading found none. */
  empty: ReactNode;
  visible: ItemProps[];
  paddingTop: number;
  paddingBottom: number;
}) {
  const t = useTranslations('devices');
  return (
    <table
      role="table"
      className="block w-full min-w-[68rem] text-left text-sm"
      aria-rowcount={rowCount + 1}
      aria-busy={busy}
    >
      <caption className="sr-only">{t('caption')}</caption>
      <TableHead sort={sort} onSortChange={onSortChange} />
      <tbody role="rowgroup" className="block" onKeyDown={onKeyDown} onClick={onClick}>
        {pending ? (
          <SkeletonRows />
        ) : rowCount === 0 ? (
          <tr role="row" className="flex">
            <td
              role="cell"
              colSpan={COLUMNS.length + 1}
              className="w-full px-3 py-10 text-center text-slate-700 dark:text-slate-300"
            >
              {empty}
            </td>
          </tr>
        ) : (
          <>
            {paddingTop > 0 && (
              <tr aria-hidden="true" className="block" style={{ height: paddingTop }} />
            )}
            {visible.map((item) => (
              <DeviceRow key={item.view.device.id} {...item} />
            ))}
            {paddingBottom > 0 && (
              <tr aria-hidden="true" className="block" style={{ height: paddingBottom }} />
            )}
          </>
        )}
      </tbody>
    </table>
  );
}

/** The column widths and the sortable headers: drawn again only when the sort changes, not while scrolling. */
const TableHead = memo(function TableHead({
  sort,
  onSortChange,
}: {
  sort: Sort;
  onSortChange: (sort: Sort) => void;
}) {
  const t = useTranslations('devices');
  const headerRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const [headerFocus, setHeaderFocus] = useState(0);

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

  return (
    <>
      {/* Headers in the catalog's own case: upper case runs long German words together across columns. They wrap
          at word boundaries, and hyphenate (the page's lang) where one word is longer than its column. */}
      <thead
        role="rowgroup"
        className="sticky top-0 z-10 block border-b border-slate-200 bg-slate-50 text-xs text-slate-700 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200"
      >
        <tr role="row" className="flex items-end" aria-rowindex={1} onKeyDown={onHeaderKeyDown}>
          {COLUMNS.map((c, i) => {
            const sorted = sort?.key === c.key;
            const label = t(`columns.${c.label}`);
            return (
              <th
                key={c.key}
                scope="col"
                role="columnheader"
                className={`${CELL[i]} py-2 font-semibold`}
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
                  className="max-w-full rounded-sm text-left break-words hyphens-auto hover:text-slate-950 dark:hover:text-white"
                  title={t('sortBy', { column: label })}
                  onClick={() =>
                    onSortChange(
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
          <th
            scope="col"
            role="columnheader"
            className={`${CELL[COLUMNS.length]} py-2 font-semibold`}
          >
            {t('columns.action')}
          </th>
        </tr>
      </thead>
    </>
  );
});

/**
 * One device: plain elements drawing the words of its view, no hooks (the action button reads the list's host), so
 * a row scrolled into sight costs little, and one whose props stay the same is not drawn again.
 */
const DeviceRow = memo(function DeviceRow({
  view,
  index,
  active,
  drawn,
  recent,
  clock,
  register,
  activate,
}: ItemProps) {
  const d = view.device;
  const name = (
    <a
      href={view.href}
      {...DEVICE_LINK}
      tabIndex={-1}
      className="block truncate font-medium text-sky-900 hover:underline dark:text-sky-300"
      title={d.deviceName}
    >
      {d.deviceName}
    </a>
  );
  const user = (
    <div className="truncate" title={d.userDisplayName}>
      {d.userDisplayName}
    </div>
  );
  return (
    <tr
      ref={(el) => register(index, el)}
      role="row"
      aria-rowindex={index + 2}
      tabIndex={active ? 0 : -1}
      onFocus={() => activate(index)}
      data-testid="device-row"
      // A row waiting its turn (the list is scrolling) shows the device's name and user, the rest a moment later.
      data-drawn={drawn ? undefined : 'waiting'}
      className={active ? ACTIVE_ROW_CLASS : ROW_CLASS}
    >
      {drawn ? (
        <FullCells
          view={view}
          recent={recent}
          clock={clock}
          active={active}
          name={name}
          user={user}
        />
      ) : (
        <>
          <td role="cell" className={CELL[0]}>
            {name}
          </td>
          <td role="cell" className={CELL[1]}>
            {user}
          </td>
          {/* The rest of the row, in one piece while it waits its turn. */}
          <td role="cell" colSpan={COLUMNS.length - 1} className="flex-1" />
        </>
      )}
    </tr>
  );
});

/** Every cell of a row drawn in full. */
function FullCells({
  view,
  recent,
  clock,
  active,
  name,
  user,
}: Pick<ItemProps, 'view' | 'recent' | 'clock' | 'active'> & { name: ReactNode; user: ReactNode }) {
  const d = view.device;
  return (
    <>
      <td role="cell" className={CELL[0]}>
        {name}
        {warningTags(view.tags)}
      </td>
      <td role="cell" className={CELL[1]}>
        {user}
        <div
          className="truncate text-xs text-slate-700 dark:text-slate-300"
          title={d.userPrincipalName}
        >
          {d.userPrincipalName}
        </div>
      </td>
      {/* The version is what an agent reads out ("iPadOS 17.7.2"): never cut off, on a line of its own. */}
      <td role="cell" className={`${CELL[2]} break-words`} data-testid="device-os">
        <span className="block leading-5">{d.operatingSystem}</span>
        <span className="block text-xs leading-4 text-slate-700 tabular-nums dark:text-slate-300">
          {d.osVersion}
        </span>
      </td>
      <td role="cell" className={CELL[3]} title={`${d.manufacturer} ${d.model}`}>
        <span className="line-clamp-2 break-words leading-5">{d.model}</span>
      </td>
      <td role="cell" className={`${CELL[4]} truncate font-mono text-xs`}>
        {d.serialNumber}
      </td>
      <td role="cell" className={CELL[5]}>
        <span className={COMPLIANCE_CLASS[d.complianceState]}>{view.compliance}</span>
      </td>
      <td role="cell" className={CELL[6]}>
        {lastSync(view.sync)}
      </td>
      <td role="cell" className={CELL[7]}>
        <ResultActions view={view} recent={recent} clock={clock} active={active} />
      </td>
    </>
  );
}

// A row's size is its own (60 px by the list's width), so the browser lays it out and paints it alone.
const ROW_CLASS =
  'flex h-[60px] items-center [contain:size_layout_style] hover:bg-slate-50 focus-visible:bg-sky-50 focus-visible:-outline-offset-2 dark:hover:bg-slate-800 dark:focus-visible:bg-sky-950';
const ACTIVE_ROW_CLASS = `${ROW_CLASS} bg-slate-50 dark:bg-slate-800`;

function SkeletonRows() {
  return Array.from({ length: 8 }, (_, i) => (
    <tr key={i} className="flex h-[60px] items-center" aria-hidden="true">
      {COLUMNS.map((c, column) => (
        <td key={c.key} className={CELL[column]}>
          <div className="h-3 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
        </td>
      ))}
      <td className={CELL[COLUMNS.length]} />
    </tr>
  ));
}
