'use client';
// What the device's user (and, if configured, their manager) was told about an action, as the server answered it:
// each e-mail sent (when), pending, or failed with Graph's error code and request-id and when it is tried again.
// Never silently dropped: a failure stays in view until a retry sends it.
import { useMsal } from '@azure/msal-react';
import { useQueryClient } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { actionKeys } from '@/lib/browser/query/action-queries';
import { useConsoleSettings } from '@/lib/browser/settings/console-settings';
import { SIGN_IN_SCOPES } from '@/lib/shared/auth/scopes';
import { cn } from '@/lib/shared/cn';
import {
  CONSOLE_NOTIFICATION_ERRORS,
  type NotificationStatus,
} from '@/lib/shared/notifications/types';

type ConsoleError = (typeof CONSOLE_NOTIFICATION_ERRORS)[number];
const isConsoleError = (code: string): code is ConsoleError =>
  (CONSOLE_NOTIFICATION_ERRORS as readonly string[]).includes(code);

export function OwnerNotifications({
  notifications,
  className,
}: {
  notifications: readonly NotificationStatus[];
  className?: string;
}) {
  const t = useTranslations('notification');
  const format = useFormatter();
  if (notifications.length === 0) return null;
  const when = (iso: string) => format.dateTime(new Date(iso), 'dateTime');
  const consent = notifications.some(
    (n) => n.state === 'failed' && n.error?.code === 'consentRequired',
  );
  return (
    <>
      <ul
        className={cn('mt-1 space-y-0.5 text-xs', className)}
        aria-label={t('title')}
        data-testid="owner-notifications"
      >
        {notifications.map((n) => {
          const words = {
            recipient: t(`recipients.${n.recipient}`),
            event: t(`events.${n.event}`),
          };
          let text: string;
          if (n.state === 'sent') text = t('state.sent', { ...words, at: when(n.sentAt ?? '') });
          else if (n.state === 'pending') text = t('state.pending', words);
          else {
            const code = n.error?.code ?? 'unknown';
            text = `${t('state.failed', {
              ...words,
              code: isConsoleError(code) ? `${code}: ${t(`errors.${code}`)}` : code,
              requestId: n.error?.requestId ?? '—',
            })} · ${n.retryAt ? t('state.retrying', { at: when(n.retryAt) }) : t('state.notRetried')}`;
          }
          return (
            <li
              key={`${n.event}-${n.recipient}`}
              data-testid="owner-notification"
              data-event={n.event}
              data-recipient={n.recipient}
              data-state={n.state}
              className={
                n.state === 'failed'
                  ? 'text-red-800 dark:text-red-300'
                  : 'text-slate-700 dark:text-slate-300'
              }
            >
              {text}
            </li>
          );
        })}
      </ul>
      {consent && <GrantMailConsent />}
    </>
  );
}

/**
 * The agent's token lacked the permission to send mail: ask for it (incremental consent, a popup); a later read,
 * with a token that has it, sends the e-mail once its retry is due. A refusal leaves the failure in view.
 */
function GrantMailConsent() {
  const t = useTranslations('notification');
  const { instance, accounts } = useMsal();
  const { notifyScopes } = useConsoleSettings();
  const queryClient = useQueryClient();
  const account = instance.getActiveAccount() ?? accounts[0];
  if (!account || notifyScopes.length === 0) return null;
  const grant = async () => {
    try {
      await instance.acquireTokenPopup({ scopes: [...notifyScopes], account });
      // Reads send the e-mail with the read token: renew it, so it carries the new consent (Entra puts every
      // consented Graph scope into a new token) rather than the one cached before.
      await instance.acquireTokenSilent({ scopes: SIGN_IN_SCOPES, account, forceRefresh: true });
      await queryClient.invalidateQueries({ queryKey: actionKeys.all });
    } catch {
      // Refused or closed: the failed e-mail stays shown, with its reason.
    }
  };
  return (
    <Button
      size="sm"
      variant="ghost"
      className="mt-1 h-7 px-2 text-xs"
      data-testid="grant-mail-consent"
      onClick={() => void grant()}
    >
      {t('grantConsent')}
    </Button>
  );
}
