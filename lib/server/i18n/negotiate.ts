import 'server-only';
// Which language a request gets: the agent's remembered choice (cookie) first, then the browser's
// Accept-Language, then English.
import Negotiator from 'negotiator';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '@/lib/shared/i18n/locales';

export function negotiateLocale(
  cookieValue: string | undefined,
  acceptLanguage: string | null,
): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  // Negotiator weighs q-values and matches a regional tag (de-AT) to its language (de).
  const [best] = new Negotiator({ headers: { 'accept-language': acceptLanguage ?? '' } }).languages(
    [...LOCALES],
  );
  return isLocale(best) ? best : DEFAULT_LOCALE;
}
