import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { BrowserIntl } from '@/components/i18n/browser-intl';
import { NONCE_HEADER } from '@/lib/server/http/security-headers';
import { ThemeProvider } from '@/components/theme/theme-provider';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return {
    title: t('name'),
    description: t('tagline'),
    robots: { index: false, follow: false },
    // The console's icons live in public/, served as they are by the standalone server.
    icons: {
      icon: [
        { url: '/favicon.ico', sizes: '32x32' },
        { url: '/icon.svg', type: 'image/svg+xml' },
      ],
      apple: [{ url: '/apple-touch-icon.png', sizes: '180x180' }],
    },
    manifest: '/manifest.webmanifest',
  };
}

export const viewport: Viewport = { themeColor: '#075985' };

// Every page renders per request, the redirect bridge and the not-found page included: Next.js gives its scripts the
// nonce of the request's Content-Security-Policy (proxy.ts) only when it renders them, and a prerendered page's
// scripts would have none and be blocked. The language comes from the agent's cookie or the browser
// (lib/server/i18n/request.ts), never from the URL. The theme's no-flash script is inline: it carries the request's
// CSP nonce (handed on by proxy.ts), and <html> is exempt from hydration warnings because that script sets its class
// before React starts.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const locale = await getLocale();
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html lang={locale} suppressHydrationWarning>
      <body className="min-h-screen">
        <ThemeProvider nonce={nonce}>
          <NextIntlClientProvider>
            <BrowserIntl>{children}</BrowserIntl>
          </NextIntlClientProvider>
        </ThemeProvider>
      </body>
    </html>
  );
}
