'use client';
// The language choice in the header: English or German, remembered for this browser.
import { useLocale, useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { LOCALES } from '@/lib/shared/i18n/locales';
import { chooseLocale } from './actions';

export function LocaleSwitcher() {
  const t = useTranslations('locale');
  const locale = useLocale();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-200">
      <span className="sr-only">{t('label')}</span>
      <select
        value={locale}
        disabled={pending}
        data-testid="locale-switcher"
        onChange={(e) => {
          const next = e.target.value;
          startTransition(() => chooseLocale(next));
        }}
        className="h-8 rounded-md border border-slate-500 bg-slate-800 px-2 text-white"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`names.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
