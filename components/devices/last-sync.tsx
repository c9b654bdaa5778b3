'use client';
// A device's last sync: the date, how long ago, and the full time on hover; stacked in a table cell, in a line
// of text in a card.
import { useFormatter, useTranslations } from 'next-intl';

export function LastSync({
  iso,
  now,
  layout = 'stacked',
}: {
  iso: string | null;
  now: number;
  layout?: 'stacked' | 'inline';
}) {
  const t = useTranslations('devices');
  const format = useFormatter();
  if (!iso) return <span>{t('neverSynced')}</span>;
  const date = new Date(iso);
  const time = (
    <time
      dateTime={iso}
      title={format.dateTime(date, 'dateTime')}
      className={layout === 'stacked' ? 'block truncate' : undefined}
    >
      {format.dateTime(date, 'date')}
    </time>
  );
  const ago = format.relativeTime(date, now);
  return layout === 'stacked' ? (
    <span className="block min-w-0">
      {time}
      <span
        className="block truncate text-xs text-slate-700 dark:text-slate-300"
        data-testid="last-sync-relative"
      >
        {ago}
      </span>
    </span>
  ) : (
    // In a card it wraps rather than cut off "how long ago" (German runs long); the card has room for a line.
    <span className="block">
      {time}{' '}
      <span className="text-slate-700 dark:text-slate-300" data-testid="last-sync-relative">
        ({ago})
      </span>
    </span>
  );
}
