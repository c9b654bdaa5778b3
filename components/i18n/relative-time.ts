'use client';
// "4 minutes ago" for a moment that has passed. A server clock a little ahead of the browser's must not make a
// request just made read "in 2 seconds".
import type { useFormatter } from 'next-intl';

export function timeAgo(format: ReturnType<typeof useFormatter>, iso: string, now: number): string {
  return format.relativeTime(new Date(Math.min(Date.parse(iso), now)), now);
}
