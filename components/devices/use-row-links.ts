'use client';
// The rows' device links are plain anchors (a next/link per row costs hooks and a registration each time a row
// scrolls into sight): one click handler on the rows' container opens the device page in the app, as next/link
// would, and leaves every other click (new tab, modifier keys, another button) to the browser.
import { useRouter } from 'next/navigation';
import { useCallback, type MouseEvent } from 'react';

const ATTRIBUTE = 'data-device-link';

/** What a row's device link carries, so the container's handler knows it. */
export const DEVICE_LINK = { [ATTRIBUTE]: '' } as const;

type Click = Pick<
  MouseEvent,
  'button' | 'metaKey' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'defaultPrevented'
>;

/** A click the app handles as next/link does: the main button, no modifier key (those open tabs and windows). */
export function isPlainClick(e: Click): boolean {
  return (
    !e.defaultPrevented && e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey
  );
}

/** The device link a plain click landed on, whose page the app opens; null for any other click. */
function inAppHref(e: Click & { target: EventTarget | null }): string | null {
  if (!isPlainClick(e)) return null;
  const link = e.target instanceof Element ? e.target.closest(`a[${ATTRIBUTE}]`) : null;
  return link instanceof HTMLAnchorElement ? link.getAttribute('href') : null;
}

/** The click handler for the rows' container (the table body or the card list). */
export function useRowLinks(): (e: MouseEvent<HTMLElement>) => void {
  const router = useRouter();
  return useCallback(
    (e: MouseEvent<HTMLElement>) => {
      const href = inAppHref(e);
      if (href === null) return;
      e.preventDefault();
      router.push(href);
    },
    [router],
  );
}
