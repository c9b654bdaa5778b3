'use client';
// The catalogs the server chose, with the agent's own time zone: the server cannot know it, and a time a caller
// is told must be the agent's clock. Until hydration the server's zone applies (nothing dated renders before
// sign-in, which happens in the browser), so server and browser markup agree.
import { NextIntlClientProvider, useLocale, useMessages, useTimeZone } from 'next-intl';
import { useSyncExternalStore, type ReactNode } from 'react';
import { FORMATS } from '@/lib/shared/i18n/formats';

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const never = () => () => undefined;

export function BrowserIntl({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const messages = useMessages();
  const serverTimeZone = useTimeZone();
  const timeZone = useSyncExternalStore(never, browserTimeZone, () => serverTimeZone ?? 'UTC');
  return (
    <NextIntlClientProvider
      locale={locale}
      messages={messages}
      formats={FORMATS}
      timeZone={timeZone}
    >
      {children}
    </NextIntlClientProvider>
  );
}
