'use client';
// The search results as cards on phone-narrow screens: the same virtualised list and the same keys as the table,
// one card per device with its user, serial, last sync and action.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { memo, type KeyboardEvent, type ReactNode } from 'react';
import { RowPasscodeAction } from '@/components/actions/passcode-action-host';
import { RecentAction } from '@/components/actions/recent-action';
import { cn } from '@/lib/shared/cn';
import { ComplianceBadge } from './compliance-badge';
import { LastSync } from './last-sync';
import type { ItemProps } from './result-item';
import { WarningTags } from './warning-tags';
import { deviceHref } from '@/lib/shared/devices/device-href';

export const CARD_HEIGHT = 212;

export function DeviceCards({
  rowCount,
  busy,
  pending,
  onKeyDown,
  empty,
  visible,
  paddingTop,
  paddingBottom,
}: {
  rowCount: number;
  busy: boolean;
  pending: boolean;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  /** Why there are no rows, shown when loading found none. */
  empty: ReactNode;
  visible: ItemProps[];
  paddingTop: number;
  paddingBottom: number;
}) {
  const t = useTranslations('devices');
  return (
    <ul
      aria-label={t('caption')}
      aria-busy={busy}
      onKeyDown={onKeyDown}
      className="px-2"
      data-testid="device-cards"
    >
      {pending ? null : rowCount === 0 ? (
        <li className="px-3 py-10 text-center text-slate-700 dark:text-slate-300">{empty}</li>
      ) : (
        <>
          {paddingTop > 0 && <li aria-hidden="true" style={{ height: paddingTop }} />}
          {visible.map((item) => (
            <DeviceCard key={item.device.id} {...item} />
          ))}
          {paddingBottom > 0 && <li aria-hidden="true" style={{ height: paddingBottom }} />}
        </>
      )}
    </ul>
  );
}

/** A device as a card: device, user, serial, last sync, action. */
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
          href={deviceHref(d)}
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
          <LastSync iso={d.lastSyncDateTime} now={now} layout="inline" />
        </dd>
      </dl>
      <div className="mt-2">
        <RowPasscodeAction device={d} warnings={warnings} recent={recent} tabbable={active} />
        {recent && <RecentAction action={recent} now={clock} compact />}
      </div>
    </li>
  );
});
