'use client';
// What an error means, in the agent's language: the console's own codes have a sentence in the catalogs; a
// code Graph or Intune chose keeps their message as data, untranslated (it is what support will search for).
import { useMessages, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { ConsoleErrorCode, ErrorInfo } from '@/lib/shared/errors';

export function useErrorText() {
  const t = useTranslations('errors');
  const codes = useMessages().errors.codes;
  return useMemo(() => {
    const isConsoleCode = (code: string): code is ConsoleErrorCode => Object.hasOwn(codes, code);
    return {
      /** What happened. */
      what(info: ErrorInfo): string {
        // The one console code with a value: how long the console's own gate still holds Graph calls back.
        if (info.code === 'graphWaiting')
          return t('codes.graphWaiting', { seconds: Math.ceil(info.retryAfterSeconds ?? 0) });
        if (isConsoleCode(info.code)) return t(`codes.${info.code}`);
        const http = /^Http(\d{3})$/.exec(info.code);
        if (http) return t('codes.httpStatus', { status: http[1] ?? info.status });
        return t('graphSaid', { message: info.message });
      },
      /** What to do about it; '' when what happened already says it. */
      advice(info: ErrorInfo): string {
        // The console's own database, not Graph: its sentence says to retry and whom to tell.
        if (info.code === 'storeUnavailable') return '';
        if (info.status === 401) return t('unauthorized');
        if (info.reason === 'missingPermission') return t('missingPermission');
        if (info.reason === 'outsideScope') return t('outsideScope');
        if (info.reason === 'noIntuneRole') return t('noIntuneRole');
        if (info.status === 403) return t('forbidden');
        if (info.status === 400) return t('badRequest');
        if (info.status === 429) return t('throttled');
        if (info.status >= 500) return t('unavailable');
        return t('generic');
      },
    };
  }, [t, codes]);
}
