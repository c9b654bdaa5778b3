import 'server-only';
// next-intl's request configuration (wired in next.config.js): the locale of this request and its catalog.
// Server components and NextIntlClientProvider read it; the browser formats times in its own time zone.
import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { CATALOGS } from '@/lib/shared/i18n/catalogs';
import { FORMATS } from '@/lib/shared/i18n/formats';
import { LOCALE_COOKIE } from '@/lib/shared/i18n/locales';
import { negotiateLocale } from './negotiate';

export default getRequestConfig(async () => {
  const locale = negotiateLocale(
    (await cookies()).get(LOCALE_COOKIE)?.value,
    (await headers()).get('accept-language'),
  );
  return { locale, messages: CATALOGS[locale], formats: FORMATS };
});
