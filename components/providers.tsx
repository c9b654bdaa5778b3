'use client';
// The browser-side providers: MSAL (sign-in and tokens; its code loads as the page starts, see msal-provider.tsx),
// react-query (server state), and the one tracker of the agent's actions that the header's badge, the tray and the
// device page read.
import { QueryClientProvider } from '@tanstack/react-query';
import { useTheme } from 'next-themes';
import type { ReactNode } from 'react';
import type { AuthClientConfig } from '@/lib/shared/auth/client-config';
import {
  ConsoleSettingsContext,
  type ConsoleSettings,
} from '@/lib/browser/settings/console-settings';
import { getQueryClient } from '@/lib/browser/query/get-query-client';
import { Toaster } from '@/components/ui/toasts';
import { ActionTrackerProvider } from '@/components/actions/action-tracker';
import { MsalProvider } from '@/components/auth/msal-provider';

export function Providers({
  authConfig,
  settings,
  children,
}: {
  authConfig: AuthClientConfig;
  settings: ConsoleSettings;
  children: ReactNode;
}) {
  const { resolvedTheme } = useTheme();
  return (
    <MsalProvider config={authConfig}>
      <QueryClientProvider client={getQueryClient()}>
        <ConsoleSettingsContext value={settings}>
          <ActionTrackerProvider>{children}</ActionTrackerProvider>
          {/* Bottom right, above the bottom tray or beside the side one (tray-frame.tsx measures them): never over
              the header, its Actions badge, or the search at the top of the page; never over an open dialog either
              (toasts.tsx holds them while one is open). */}
          <Toaster
            position="bottom-right"
            offset={{
              bottom: 'calc(var(--tray-bar, 0px) + 16px)',
              right: 'calc(var(--tray-side, 0px) + 16px)',
            }}
            mobileOffset={{ bottom: 'calc(var(--tray-bar, 0px) + 8px)' }}
            richColors
            closeButton
            theme={resolvedTheme === 'dark' ? 'dark' : 'light'}
          />
        </ConsoleSettingsContext>
      </QueryClientProvider>
    </MsalProvider>
  );
}
