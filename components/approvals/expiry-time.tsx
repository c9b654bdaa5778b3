'use client';
// When a request expires (or expired): the local date and time, and how far away, both in the agent's language.
import { useFormatter } from 'next-intl';

export function ExpiryTime({ iso, now }: { iso: string; now: number }) {
  const format = useFormatter();
  const date = new Date(iso);
  return (
    <time dateTime={iso} data-testid="approval-expiry">
      {format.dateTime(date, 'dateTime')}{' '}
      <span className="text-slate-700 dark:text-slate-300">({format.relativeTime(date, now)})</span>
    </time>
  );
}
