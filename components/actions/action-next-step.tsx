'use client';
// What an action's state means for the agent and what to do next, for every end state and for the waits on the
// way: a pending wipe that holds it back, a device that has not answered yet (when an online one would have: the
// one rule of lib/shared/actions/check-in.ts; then what a locked-out caller can still do, per platform), what the
// console is still checking and until when, what Intune said on failure and what to try, the action that fits a
// device Intune said does not support it, and what to tell the caller once it is done.
import { useFormatter, useNow, useTranslations } from 'next-intl';
import { useConsoleSettings } from '@/lib/browser/settings/console-settings';
import { checkInWait } from '@/lib/shared/actions/check-in';
import type { ActionStatus } from '@/lib/shared/actions/types';
import type { PasscodeActionKind } from '@/lib/shared/devices/passcode-plan';
import { PRECEDING_STATES } from '@/lib/shared/devices/warnings';
import { Notice } from '@/components/ui/notice';
import { useActionWords } from './use-action-words';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const NOTICE = { warn: 'warning', bad: 'error', good: 'success' } as const;

/** Where what a locked-out caller can do differs: a restart makes an Android phone check in. */
function familyOf(kind: PasscodeActionKind | null): 'apple' | 'android' | 'windows' | 'other' {
  if (kind === 'removePasscode') return 'apple';
  if (kind === 'recoverPin') return 'windows';
  return kind === null ? 'other' : 'android';
}

export function ActionNextStep({ action: a, polled }: { action: ActionStatus; polled: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const words = useActionWords();
  const { verifyWindowSeconds } = useConsoleSettings();
  // The clock the overdue point is compared with; a quarter-minute is close enough for advice given in minutes.
  const now = useNow({ updateInterval: 15_000 }).getTime();
  const when = (ms: number) => format.dateTime(new Date(ms), 'dateTime');
  const requested = Date.parse(a.requestedAt);
  const steps: { key: string; text: string; tone: 'info' | 'warn' | 'bad' | 'good' }[] = [];
  const pending = a.managementState ? PRECEDING_STATES[a.managementState] : undefined;

  if (pending && !a.terminal)
    steps.push({
      key: 'precedence',
      text: t('passcode.pendingPrecedence', { what: pending }),
      tone: 'bad',
    });
  switch (a.state) {
    case 'pending':
    case 'none': {
      const wait = pending || !polled ? null : checkInWait(a, now);
      if (!wait) break;
      if (!wait.overdue) {
        steps.push({
          key: 'expected',
          tone: 'info',
          text: t('next.expected', { time: format.dateTime(new Date(wait.overdueAt), 'time') }),
        });
        break;
      }
      const facts = {
        minutes: Math.floor((now - requested) / MINUTE_MS),
        family: familyOf(a.kind),
      };
      steps.push({
        key: 'offline',
        tone: 'warn',
        text: a.lastSyncDateTime
          ? t('next.overdueSince', { ...facts, lastSync: when(Date.parse(a.lastSyncDateTime)) })
          : t('next.overdue', facts),
      });
      break;
    }
    case 'active':
      steps.push({ key: 'active', text: t('next.active'), tone: 'info' });
      break;
    case 'verifying':
      steps.push({
        key: 'verifying',
        text: t('next.verifying', { until: when(requested + verifyWindowSeconds * 1000) }),
        tone: 'warn',
      });
      break;
    case 'notConfirmed':
      steps.push({
        key: 'notConfirmed',
        text: t('next.notConfirmed', { until: when(requested + DAY_MS) }),
        tone: 'warn',
      });
      break;
    case 'done':
      if (a.kind) steps.push({ key: 'done', text: t(`next.done.${a.kind}`), tone: 'good' });
      break;
    case 'failed': {
      if (a.requestStatus !== null) {
        steps.push({
          key: 'failed',
          text: t('next.failedRequest', { status: a.requestStatus }),
          tone: 'bad',
        });
        break;
      }
      const code = a.errorCode
        ? ` ${t('passcode.errorCode', { code: a.errorCode, hex: (a.errorCode >>> 0).toString(16) })}`
        : '';
      steps.push({
        key: 'failed',
        text: `${t(`passcode.failedHelp.${a.graphAction}`)}${code} ${t('next.failedTry')}`,
        tone: 'bad',
      });
      break;
    }
    case 'notSupported': {
      const alt = a.alternative;
      const instead = !alt
        ? t('next.notSupportedOpen')
        : alt.available
          ? t('next.notSupportedInstead', { action: words.action(alt.kind) })
          : words.noActionReason(alt);
      steps.push({
        key: 'notSupported',
        text: `${t('next.notSupported')} ${instead}`,
        tone: 'bad',
      });
      break;
    }
    case 'canceled':
      steps.push({ key: 'canceled', text: t('next.canceled'), tone: 'warn' });
      break;
    case 'rejected':
      steps.push({ key: 'rejected', text: t('next.rejected'), tone: 'bad' });
      break;
    case 'denied':
      steps.push({ key: 'denied', text: t('next.denied'), tone: 'bad' });
      break;
    case 'refused':
      steps.push({ key: 'refused', text: t('next.refused'), tone: 'bad' });
      break;
  }
  if (steps.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs" data-testid="next-step">
      {steps.map((s) =>
        s.tone === 'info' ? (
          <li key={s.key} className="text-slate-700 dark:text-slate-300" data-hint={s.key}>
            {s.text}
          </li>
        ) : (
          <Notice key={s.key} as="li" frame="text" variant={NOTICE[s.tone]} data-hint={s.key}>
            {s.text}
          </Notice>
        ),
      )}
    </ul>
  );
}
