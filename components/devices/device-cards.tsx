'use client';
// The search results as cards on phone-narrow screens: the same virtualised list and the same keys as the table,
// one card per device with its user, serial, last sync and action.
import { useTranslations } from 'next-intl';
import { memo, useMemo, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { COMPLIANCE_CLASS } from './compliance-badge';
import { lastSync } from './last-sync';
import { ResultActions } from './result-actions';
import type { ItemProps } from './result-item';
import { DEVICE_LINK } from './use-row-links';
import { warningTags } from './warning-tags';

export const CARD_HEIGHT = 212;

export function DeviceCards({
  rowCount,
  busy,
  pending,
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
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  /** The cards' device links, handled once for the whole list (use-row-links.ts). */
  onClick: (e: MouseEvent<HTMLElement>) => void;
  /** Why there are no rows, shown when loading found none. */
  empty: ReactNode;
  visible: ItemProps[];
  paddingTop: number;
  paddingBottom: number;
}) {
  const t = useTranslations('devices');
  const f = useTranslations('device.fields');
  const fields = useMemo(() => ({ serial: f('serial'), lastSync: f('lastSync') }), [f]);
  return (
    <ul
      aria-label={t('caption')}
      aria-busy={busy}
      onKeyDown={onKeyDown}
      onClick={onClick}
      className="px-2"
      data-testid="device-cards"
    >
      {pending ? null : rowCount === 0 ? (
        <li className="px-3 py-10 text-center text-slate-700 dark:text-slate-300">{empty}</li>
      ) : (
        <>
          {paddingTop > 0 && <li aria-hidden="true" style={{ height: paddingTop }} />}
          {visible.map((item) => (
            <DeviceCard key={item.view.device.id} {...item} fields={fields} />
          ))}
          {paddingBottom > 0 && <li aria-hidden="true" style={{ height: paddingBottom }} />}
        </>
      )}
    </ul>
  );
}

/** A device as a card: device, user, serial, last sync, action; plain elements drawing its view, no hooks. */
const DeviceCard = memo(function DeviceCard({
  view,
  index,
  active,
  recent,
  clock,
  register,
  activate,
  fields,
}: ItemProps & { fields: { serial: string; lastSync: string } }) {
  const d = view.device;
  return (
    <li
      ref={(el) => register(index, el)}
      tabIndex={active ? 0 : -1}
      onFocus={() => activate(index)}
      data-testid="device-card"
      style={{ height: CARD_HEIGHT }}
      className={active ? ACTIVE_CARD_CLASS : CARD_CLASS}
    >
      <div className="flex items-start justify-between gap-2">
        <a
          href={view.href}
          {...DEVICE_LINK}
          tabIndex={-1}
          className="truncate font-medium text-sky-900 hover:underline dark:text-sky-300"
        >
          {d.deviceName}
        </a>
        <span className={COMPLIANCE_CLASS[d.complianceState]}>{view.compliance}</span>
      </div>
      {warningTags(view.tags)}
      <p className="mt-1 truncate text-sm">
        {d.userDisplayName} ·{' '}
        <span className="text-slate-700 dark:text-slate-300">{d.userPrincipalName}</span>
      </p>
      <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-2 text-sm">
        <dt className="text-slate-700 dark:text-slate-300">{fields.serial}</dt>
        <dd className="truncate font-mono text-xs leading-5">{d.serialNumber}</dd>
        <dt className="text-slate-700 dark:text-slate-300">{fields.lastSync}</dt>
        <dd className="min-w-0">{lastSync(view.sync, 'inline')}</dd>
      </dl>
      <div className="mt-2">
        <ResultActions view={view} recent={recent} clock={clock} active={active} />
      </div>
    </li>
  );
});

const CARD_CLASS =
  'overflow-hidden border-b border-slate-200 px-2 py-3 focus-visible:-outline-offset-2 dark:border-slate-700';
const ACTIVE_CARD_CLASS = `${CARD_CLASS} bg-slate-50 dark:bg-slate-800`;
