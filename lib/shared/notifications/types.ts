// The owner's notification (issue 19, security.md case 26) as the server answers it: for each event of an action
// (accepted, then done or failed) and each recipient (the device's user, optionally their manager), whether the
// e-mail went out, and if not, Graph's reason and when it is tried again. Shared by the server and the browser.

export const NOTIFICATION_EVENTS = ['accepted', 'done', 'failed'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const NOTIFICATION_RECIPIENTS = ['owner', 'manager'] as const;
export type NotificationRecipient = (typeof NOTIFICATION_RECIPIENTS)[number];

/** pending: not tried yet; sent; failed: the last try failed (retried on the agent's next read while retryAt is set). */
export type NotificationState = 'pending' | 'sent' | 'failed';

/**
 * Why a send failed: Graph's error code and request-id, or the console's own code (`consentRequired`: the agent's
 * token lacks Mail.Send; `noRecipient`: the device has no user with a mail address; `noManager`).
 */
export interface NotificationError {
  code: string;
  status: number | null;
  requestId: string | null;
}

export interface NotificationStatus {
  event: NotificationEvent;
  recipient: NotificationRecipient;
  state: NotificationState;
  sentAt: string | null;
  attempts: number;
  lastAttemptAt: string | null;
  /** When a failed send is tried again (on the requesting agent's next read); null when it is not. */
  retryAt: string | null;
  /** Graph's request-id of the send. */
  requestId: string | null;
  error: NotificationError | null;
}

/** The console's own failure codes (beside Graph's), each worded by the catalogs. */
export const CONSOLE_NOTIFICATION_ERRORS = ['consentRequired', 'noRecipient', 'noManager'] as const;

export function isNotificationEvent(v: string): v is NotificationEvent {
  return (NOTIFICATION_EVENTS as readonly string[]).includes(v);
}

export function isNotificationRecipient(v: string): v is NotificationRecipient {
  return (NOTIFICATION_RECIPIENTS as readonly string[]).includes(v);
}

/**
 * The notifications of one action as one line for exports and tickets (not translated, like the other codes there):
 * `accepted/owner: sent 2026-…Z (request-id …); done/owner: failed ErrorAccessDenied 403 (request-id …), retry 2026-…Z`.
 */
export function notificationSummary(list: readonly NotificationStatus[]): string | null {
  if (list.length === 0) return null;
  return list
    .map((n) => {
      const head = `${n.event}/${n.recipient}`;
      if (n.state === 'sent')
        return `${head}: sent ${n.sentAt ?? ''}${n.requestId ? ` (request-id ${n.requestId})` : ''}`;
      if (n.state === 'pending') return `${head}: pending`;
      const e = n.error;
      const why = `${e?.code ?? 'unknown'}${e?.status ? ` ${e.status}` : ''}${e?.requestId ? ` (request-id ${e.requestId})` : ''}`;
      return `${head}: failed ${why}, ${n.retryAt ? `retry ${n.retryAt}` : 'not retried'}`;
    })
    .join('; ');
}
