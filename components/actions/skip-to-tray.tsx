'use client';
// A link shown only while it has the focus that takes a keyboard user past the header, the search and every result
// straight into the actions tray (opening it if it was collapsed), where the last call's action and its next step
// are. It is the page's first Tab stop, and again the second Tab stop after the search box (search-form.tsx): the
// list page puts the focus in the search box on arrival, from where the first one is reached only backwards.
import { useIsAuthenticated } from '@azure/msal-react';
import { useTranslations } from 'next-intl';
import { flushSync } from 'react-dom';
import { useTray } from './use-tray';

/** The tray's element id, the link's target (actions-tray.tsx). */
const TRAY_ID = 'actions-tray';

/** `testId` tells the page's first link from the one after the search box. */
export function SkipToTray({ testId = 'skip-to-tray' }: { testId?: string }) {
  const t = useTranslations('tray');
  const isAuthenticated = useIsAuthenticated();
  const { state, set } = useTray();
  if (!isAuthenticated) return null;
  return (
    <a
      href={`#${TRAY_ID}`}
      data-testid={testId}
      // Shown over the dark header: its focus ring is the header's.
      data-surface="dark"
      onClick={(e) => {
        e.preventDefault();
        // A collapsed tray is not on the page: open it now, so there is something to move the focus to.
        if (state !== 'open') flushSync(() => set('open'));
        document.getElementById(TRAY_ID)?.focus();
      }}
      // Out of sight until focused; its padding only then, or the hidden link would be more than a pixel wide.
      className="sr-only text-sm font-semibold text-sky-900 focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow-lg"
    >
      {t('skipTo')}
    </a>
  );
}
