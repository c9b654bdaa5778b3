'use client';
// While Confirm waits on the server, how long it has waited: the server may be waiting out Graph's throttling
// (Retry-After) or looking for an action whose request had an unknown fate, which takes seconds, not a blink. The
// agent sees the seconds go by and the longest it usually takes, instead of a bare "Requesting…". It counts up from
// the click (what the browser knows for sure); it never counts down to a moment the server has not promised.
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useConsoleSettings } from '@/lib/browser/settings/console-settings';

/** Shown only once the wait is longer than a normal request's. */
const SHOW_AFTER_SECONDS = 2;

export function PendingWait({ since }: { since: number }) {
  const t = useTranslations('passcode');
  const { confirmWaitSeconds } = useConsoleSettings();
  const [now, setNow] = useState(since);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.floor((now - since) / 1000);
  if (seconds < SHOW_AFTER_SECONDS) return null;
  return (
    <p className="mt-1 text-slate-700 dark:text-slate-300" data-testid="action-waiting">
      {seconds <= confirmWaitSeconds
        ? t('waiting', { seconds, max: confirmWaitSeconds })
        : t('waitingLong', { seconds })}
    </p>
  );
}
