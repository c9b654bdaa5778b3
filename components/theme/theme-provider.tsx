'use client';
// Light and dark, following the system unless the agent chooses. next-themes sets the class on <html> from an
// inline script before the first paint (no flash); that script takes the request's CSP nonce when there is one.
import { ThemeProvider as NextThemes } from 'next-themes';
import type { ReactNode } from 'react';

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];
export const THEME_STORAGE_KEY = 'passcode-desk.theme';

export function ThemeProvider({ nonce, children }: { nonce?: string; children: ReactNode }) {
  return (
    <NextThemes
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      storageKey={THEME_STORAGE_KEY}
      nonce={nonce}
    >
      {children}
    </NextThemes>
  );
}
