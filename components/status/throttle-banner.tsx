'use client';
// Says, while it lasts, that Graph asked the console to wait and for how long.
import { useTranslations } from 'next-intl';
import { useThrottleWait } from './use-throttle-wait';
import { Notice } from '@/components/ui/notice';

export function ThrottleBanner() {
  const t = useTranslations('throttle');
  const { seconds, source } = useThrottleWait();
  return (
    <div role="status" aria-live="polite" data-testid="throttle-status">
      {seconds > 0 && (
        <Notice variant="warning" className="mb-3">
          {source === 'retryAfter'
            ? t('waitingRetryAfter', { seconds })
            : t('waitingBackoff', { seconds })}
        </Notice>
      )}
    </div>
  );
}
