// The console's languages and the cookie that remembers an agent's choice. URLs carry no locale on purpose:
// links pasted into tickets (`/?q=…`, `/devices/{id}`) must open the same page in the reader's own language.
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
/** next-intl's conventional name, so its tooling and docs apply as they are. */
export const LOCALE_COOKIE = 'NEXT_LOCALE';
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 86_400;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
