'use client';
// The browser-side providers: MSAL (sign-in and tokens) and react-query (server state).
import { MsalProvider } from '@azure/msal-react';
import { QueryClientProvider } from '@tanstack/react-query';
import { useTheme } from 'next-themes';
import { useState, type ReactNode } from 'react';
import type { AuthClientConfig } from '@/lib/shared/auth/client-config';
import {
  ConsoleSettingsContext,
  type ConsoleSettings,
} from '@/lib/browser/settings/console-settings';
import { createMsalInstance } from '@/lib/browser/msal/msal-instance';
import { getQueryClient } from '@/lib/browser/query/get-query-client';
import { Toaster } from '@/components/ui/toasts';

export function Providers({
  authConfig,
  settings,
  children,
}: {
  authConfig: AuthClientConfig;
  settings: ConsoleSettings;
  children: ReactNode;
}) {
  const [msal] = useState(() => createMsalInstance(authConfig));
  const { resolvedTheme } = useTheme();
  return (
    <MsalProvider instance={msal}>
      <QueryClientProvider client={getQueryClient()}>
        <ConsoleSettingsContext value={settings}>
          {children}
          <Toaster
            position="top-center"
            richColors
            closeButton
            theme={resolvedTheme === 'dark' ? 'dark' : 'light'}
          />
        </ConsoleSettingsContext>
      </QueryClientProvider>
    </MsalProvider>
  );
}
