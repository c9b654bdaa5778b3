'use client';
// Says, while it lasts, that Graph asked the console to wait and for how long.
import { useTranslations } from 'next-intl';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { throttleGate } from '@/lib/browser/api/throttle-gate';

const serverSnapshot = { until: 0, source: null } as const;

export function ThrottleBanner() {
  const t = useTranslations('throttle');
  const state = useSyncExternalStore(throttleGate.subscribe, throttleGate.snapshot, () => serverSnapshot);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (state.until === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [state.until]);

  const seconds = Math.ceil((state.until - now) / 1000);
  const waiting = state.until > now && seconds > 0;
  return (
    <div role="status" aria-live="polite" data-testid="throttle-status">
      {waiting && (
        <p className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {state.source === 'retryAfter' ? t('waitingRetryAfter', { seconds }) : t('waitingBackoff', { seconds })}
        </p>
      )}
    </div>
  );
}
