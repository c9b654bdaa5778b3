'use client';
// What an action's state means for the agent, where it needs words: a pending wipe that holds it back, an offline
// device, a failure and Intune's error code, an unknown fate that is still being checked.
import { useTranslations } from 'next-intl';
import type { ActionStatus } from '@/lib/shared/actions/types';
import { PRECEDING_STATES } from '@/lib/shared/devices/warnings';

export function ActionHints({ action, polled }: { action: ActionStatus; polled: boolean }) {
  const t = useTranslations();
  const hints: { key: string; text: string; tone: string }[] = [];
  const pending = action.managementState ? PRECEDING_STATES[action.managementState] : undefined;
  if (pending && !action.terminal) hints.push({ key: 'precedence', text: t('passcode.pendingPrecedence', { what: pending }), tone: 'text-red-900' });
  else if (action.state === 'pending' && polled) hints.push({ key: 'offline', text: t('tray.offlineHint'), tone: 'text-amber-900' });
  if (action.state === 'failed' && action.graphAction) {
    const code = action.errorCode ? ` ${t('passcode.errorCode', { code: action.errorCode, hex: (action.errorCode >>> 0).toString(16) })}` : '';
    hints.push({ key: 'failed', text: `${t(`passcode.failedHelp.${action.graphAction}`)}${code}`, tone: 'text-red-900' });
  }
  if (action.state === 'notConfirmed') hints.push({ key: 'notConfirmed', text: t('passcode.notConfirmed'), tone: 'text-amber-900' });
  if (hints.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs">
      {hints.map((h) => <li key={h.key} className={h.tone} data-hint={h.key}>{h.text}</li>)}
    </ul>
  );
}
