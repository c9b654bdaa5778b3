'use server';
// Remembers the agent's language in a cookie. Setting a cookie in a server action makes Next.js render the
// current page again, so the page changes language without losing the tab's state (MSAL, search, tray).
import { cookies } from 'next/headers';
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS } from '@/lib/shared/i18n/locales';

export async function chooseLocale(locale: unknown): Promise<void> {
  if (!isLocale(locale)) return; // a public endpoint: anything else is ignored, never stored
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
    sameSite: 'lax',
    httpOnly: true,
  });
}
