'use client';
// The list's words and formats for row-view.ts, built once per language (not a set of hooks in every row).
import { useFormatter, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { usePasscodeButtonWords } from '@/components/actions/use-passcode-button-words';
import type { RowWords } from './row-view';
import { useWarningWords } from './use-warning-words';

export function useRowWords(): RowWords {
  const t = useTranslations();
  const format = useFormatter();
  const warning = useWarningWords();
  const button = usePasscodeButtonWords();
  return useMemo(
    () => ({
      compliance: (state) => t(`compliance.${state}`),
      warning,
      neverSynced: t('devices.neverSynced'),
      syncDate: (date) => format.dateTime(date, 'date'),
      syncTime: (date) => format.dateTime(date, 'dateTime'),
      ago: (date, now) => format.relativeTime(date, now),
      actionLabel: button.label,
      actionName: button.name,
      noActionReason: button.noActionReason,
      noActionShortReason: button.noActionShortReason,
    }),
    [t, format, warning, button],
  );
}
