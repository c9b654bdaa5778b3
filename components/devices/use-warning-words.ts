'use client';
// The words for a device warning: the sentence an agent reads, and the short tag for the list.
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { DeviceWarning } from '@/lib/shared/devices/warnings';

export function useWarningWords(): (w: DeviceWarning) => { text: string; short: string } {
  const t = useTranslations('warnings');
  return useCallback(
    (w: DeviceWarning) => {
      switch (w.kind) {
        case 'sameName':
          return {
            text: `${t('sameName', { count: w.count, name: w.name })} ${t(w.newest ? 'sameNameNewest' : 'sameNameOlder')}`,
            short: t(w.newest ? 'sameNameShort' : 'sameNameOlderShort'),
          };
        case 'otherPrimaryUser':
          return {
            text: w.primary
              ? t('otherPrimaryUser', { listedFor: w.listedFor, primary: w.primary })
              : t('noPrimaryUser', { listedFor: w.listedFor }),
            short: t('otherPrimaryUserShort'),
          };
        case 'stale':
          return { text: t('stale', { days: w.days }), short: t('staleShort') };
        case 'managementPending':
          return {
            text: t('managementPending', { what: w.what }),
            short: t('managementPendingShort', { what: w.what }),
          };
      }
    },
    [t],
  );
}
