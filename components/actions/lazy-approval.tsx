'use client';
// The four-eyes parts of the dialog, tray, device page and passcode reveal, loaded when one is first shown: most agents never meet
// an approval, and the first load of the device list must not carry them (scripts/size-budget.mjs).
import type { ComponentProps } from 'react';
import { deferred } from './deferred';

type Step = ComponentProps<typeof import('./approval-step').ApprovalStep>;
type Pending = ComponentProps<typeof import('./approval-pending-view').ApprovalPendingView>;
type Notice = ComponentProps<typeof import('./approval-notice').ApprovalNotice>;
type Intune = ComponentProps<typeof import('./intune-approval-message').IntuneApprovalMessage>;
type Reveal = ComponentProps<typeof import('./reveal-approval').RevealApproval>;

export const ApprovalStep = deferred<Step>(() =>
  import('./approval-step').then((m) => m.ApprovalStep),
);
export const ApprovalPendingView = deferred<Pending>(() =>
  import('./approval-pending-view').then((m) => m.ApprovalPendingView),
);
export const ApprovalNotice = deferred<Notice>(() =>
  import('./approval-notice').then((m) => m.ApprovalNotice),
);
export const IntuneApprovalMessage = deferred<Intune>(() =>
  import('./intune-approval-message').then((m) => m.IntuneApprovalMessage),
);
export const RevealApproval = deferred<Reveal>(() =>
  import('./reveal-approval').then((m) => m.RevealApproval),
);
