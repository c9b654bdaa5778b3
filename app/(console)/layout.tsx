import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AccountMenu } from '@/components/auth/account-menu';
import { SignInPrompt } from '@/components/auth/sign-in-prompt';
import { Providers } from '@/components/providers';
import { SkipToTray } from '@/components/actions/skip-to-tray';
import { TrayFrame } from '@/components/actions/tray-frame';
import { TrayToggle } from '@/components/actions/tray-toggle';
import { LocaleSwitcher } from '@/components/i18n/locale-switcher';
import { ConsoleNav } from '@/components/nav/console-nav';
import { HeaderBar } from '@/components/nav/header-bar';
import { ShortcutsHelp } from '@/components/keyboard/shortcuts-help';
import { ThemeSwitcher } from '@/components/theme/theme-switcher';
import { buildAuthClientConfig } from '@/lib/server/auth/client-config';
import { serverEnv } from '@/lib/server/config/server-env';
import { notificationScopes } from '@/lib/shared/auth/scopes';

// The console's pages: the MSAL configuration is read from the environment per request (never frozen into
// the build), so one build serves the emulator and any tenant.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  await connection();
  const env = serverEnv();
  const authConfig = buildAuthClientConfig();
  const t = await getTranslations('app');
  return (
    <Providers
      authConfig={authConfig}
      settings={{
        ticket: { pattern: env.TICKET_PATTERN, example: env.TICKET_EXAMPLE },
        verifyWindowSeconds: env.ACTION_VERIFY_WINDOW_SECONDS,
        confirmWaitSeconds: env.ACTION_WAIT_SECONDS + env.ACTION_RESULTS_DELAY_SECONDS,
        tenantId: env.AUTH_TENANT_ID,
        notifyScopes: notificationScopes({
          enabled: env.NOTIFY_OWNER === 'on' || env.NOTIFY_MANAGER === 'on',
          from: env.NOTIFY_FROM ?? null,
        }),
        approverRole: env.APPROVER_ROLE,
      }}
    >
      <SkipToTray />
      <header className="bg-slate-900 text-white" data-surface="dark">
        <HeaderBar
          name={t('name')}
          places={<ConsoleNav />}
          badge={<TrayToggle />}
          settings={
            <>
              <ShortcutsHelp />
              <LocaleSwitcher />
              <ThemeSwitcher />
              <AccountMenu />
            </>
          }
        />
      </header>
      <SignInPrompt />
      <TrayFrame>{children}</TrayFrame>
    </Providers>
  );
}
