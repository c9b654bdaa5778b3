import 'server-only';
// The English text an error answer carries beside its code, taken from the browser's own catalog. The browser
// shows the agent the text for the code in the agent's language; this text is for logs and other API clients.
// Where an answer's text is shown as it is (a plain-text refusal the proxy sends before any page code runs), it
// is worded in the request's language instead.
import { createTranslator } from 'next-intl';
import { CATALOGS } from '@/lib/shared/i18n/catalogs';
import type { Locale } from '@/lib/shared/i18n/locales';
import type { ConsoleErrorCode } from '@/lib/shared/errors';

const translators = {
  en: createTranslator({ locale: 'en', messages: CATALOGS.en, namespace: 'errors.codes' }),
  de: createTranslator({ locale: 'de', messages: CATALOGS.de, namespace: 'errors.codes' }),
} as const;

export function apiText(code: ConsoleErrorCode, values?: Record<string, string | number>): string {
  return translators.en(code, values);
}

export function localText(
  locale: Locale,
  code: ConsoleErrorCode,
  values?: Record<string, string | number>,
): string {
  return translators[locale](code, values);
}
