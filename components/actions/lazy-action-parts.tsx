'use client';
// Parts of an action's view that only some actions show, loaded when one is first shown so that the list's and the
// device page's first load do not carry them (scripts/size-budget.mjs): the owner's e-mails (only where notifications
// are on) and Intune's audit event (only for an action that reached Graph).
import type { ComponentProps } from 'react';
import { deferred } from './deferred';

type Notifications = ComponentProps<typeof import('./owner-notifications').OwnerNotifications>;
type Audit = ComponentProps<typeof import('./intune-audit-event').IntuneAuditEvent>;

const LazyOwnerNotifications = deferred<Notifications>(() =>
  import('./owner-notifications').then((m) => m.OwnerNotifications),
);

/** The owner's e-mails about an action; nothing (and nothing loaded) when there are none. */
export function OwnerNotifications(props: Notifications) {
  return props.notifications.length === 0 ? null : <LazyOwnerNotifications {...props} />;
}

export const IntuneAuditEvent = deferred<Audit>(() =>
  import('./intune-audit-event').then((m) => m.IntuneAuditEvent),
);
