import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { messages } from '@/lib/shared/i18n/messages';
import './globals.css';

export const metadata: Metadata = {
  title: messages.app.name,
  description: messages.app.tagline,
  robots: { index: false, follow: false },
  // The console's icons live in public/, served as they are by the standalone server.
  icons: {
    icon: [{ url: '/favicon.ico', sizes: '32x32' }, { url: '/icon.svg', type: 'image/svg+xml' }],
    apple: [{ url: '/apple-touch-icon.png', sizes: '180x180' }],
  },
  manifest: '/manifest.webmanifest',
};

export const viewport: Viewport = { themeColor: '#075985' };

// Every page renders per request, the redirect bridge and the not-found page included: Next.js gives its scripts the
// nonce of the request's Content-Security-Policy (proxy.ts) only when it renders them, and a prerendered page's
// scripts would have none and be blocked.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
