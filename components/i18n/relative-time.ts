'use client';
// "4 minutes ago" for a moment that has passed. A server clock a little ahead of the browser's must not make a
// request just made read "in 2 seconds". Under a second Intl says "now" ("jetzt"), which reads badly inside a
// sentence ("requested now", "jetzt angefordert"): the catalog's "just now" ("gerade eben") stands in for it.
import { useFormatter, useTranslations } from 'next-intl';

type Format = Pick<ReturnType<typeof useFormatter>, 'relativeTime'>;

export function timeAgo(format: Format, justNow: string, iso: string, now: number): string {
  const at = Math.min(Date.parse(iso), now);
  return now - at < 1000 ? justNow : format.relativeTime(new Date(at), now);
}

/** timeAgo with the locale's formatter and words. */
export function useTimeAgo(): (iso: string, now: number) => string {
  const format = useFormatter();
  const t = useTranslations('relativeTime');
  return (iso, now) => timeAgo(format, t('justNow'), iso, now);
}
