'use client';
// What an action's state means for the agent, where it needs words: a pending wipe that holds it back, an offline
// device, a failure and Intune's error code, an unknown fate that is still being checked.
import type { ActionStatus } from '@/lib/shared/actions/types';
import { messages } from '@/lib/shared/i18n/messages';

const m = messages.passcode;
const PENDING_WHAT: Readonly<Record<string, string>> = {
  wipePending: 'wipe', wipeIssued: 'wipe', retirePending: 'retire', retireIssued: 'retire', deletePending: 'delete',
};

export function ActionHints({ action, polled }: { action: ActionStatus; polled: boolean }) {
  const hints: { key: string; text: string; tone: string }[] = [];
  const pending = action.managementState ? PENDING_WHAT[action.managementState] : undefined;
  if (pending && !action.terminal) hints.push({ key: 'precedence', text: m.pendingPrecedence(pending), tone: 'text-red-900' });
  else if (action.state === 'pending' && polled) hints.push({ key: 'offline', text: messages.tray.offlineHint, tone: 'text-amber-900' });
  if (action.state === 'failed' && action.graphAction) {
    hints.push({ key: 'failed', text: `${m.failedHelp[action.graphAction]}${action.errorCode ? ` ${m.errorCode(action.errorCode)}.` : ''}`, tone: 'text-red-900' });
  }
  if (action.state === 'notConfirmed') hints.push({ key: 'notConfirmed', text: m.notConfirmed, tone: 'text-amber-900' });
  if (hints.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs">
      {hints.map((h) => <li key={h.key} className={h.tone} data-hint={h.key}>{h.text}</li>)}
    </ul>
  );
}
