'use client';
// Says, while it lasts, that Graph asked the console to wait and for how long.
import { useTranslations } from 'next-intl';
import { useThrottleWait } from './use-throttle-wait';

export function ThrottleBanner() {
  const t = useTranslations('throttle');
  const { seconds, source } = useThrottleWait();
  return (
    <div role="status" aria-live="polite" data-testid="throttle-status">
      {seconds > 0 && (
        <p className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          {source === 'retryAfter'
            ? t('waitingRetryAfter', { seconds })
            : t('waitingBackoff', { seconds })}
        </p>
      )}
    </div>
  );
}
