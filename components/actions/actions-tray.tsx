'use client';
// The agent's passcode actions of the last 24 hours, on every page: rebuilt from the audit store (so a reload
// or a new tab keeps it), each tracked until the device reports a terminal state. Each item names its device
// (linked, with user and serial, so two same-named devices differ), the action, the ticket, and what to do next;
// "Check now" asks at once, within the tab's 429 gate. Changes are announced in a status region; terminal states
// also raise a toast. A done Android reset offers its temporary passcode. A four-eyes request is tracked the same
// way, by its id: it waits (withdraw), is approved (Send now) or ends; its decision raises a toast once.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useNow, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { timeAgo } from '@/components/i18n/relative-time';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { notify } from '@/components/ui/toasts';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { actionKeys, actionQueries } from '@/lib/browser/query/action-queries';
import type { ActionStatus } from '@/lib/shared/actions/types';
import { cn } from '@/lib/shared/cn';
import { ActionNextStep } from './action-next-step';
import { OwnerNotifications } from './owner-notifications';
import { PasscodeReveal } from './passcode-reveal';
import { CopyForTicket } from '@/components/activity/copy-for-ticket';
import { VerificationLine } from './verification-line';
import { statusSummary } from '@/components/activity/status-summary';
import { ApprovalStep } from './lazy-approval';
import { useActionWords } from './use-action-words';
import { useApprovalWords } from './use-approval-words';
import { useTray } from './use-tray';

export function ActionsTray() {
  const t = useTranslations('tray');
  const api = useApiClient();
  const { data } = useQuery(actionQueries.mine(api));
  const { set } = useTray();
  const [announcement, setAnnouncement] = useState('');
  const actions = data?.actions ?? [];
  return (
    <aside
      id="actions-tray"
      aria-labelledby="actions-tray-title"
      // The skip link's target: focusable by script only, so the next Tab goes on into the tray.
      tabIndex={-1}
      data-testid="actions-tray-panel"
      className={cn(
        'fixed inset-x-0 bottom-0 z-30 flex h-[var(--tray-bar)] flex-col border-t border-slate-300 bg-white shadow-[0_-4px_12px_rgb(0_0_0/0.08)]',
        'dark:border-slate-700 dark:bg-slate-900',
        'min-[1600px]:sticky min-[1600px]:top-0 min-[1600px]:h-[calc(100vh-3.5rem)] min-[1600px]:border-l min-[1600px]:border-t-0 min-[1600px]:shadow-none',
      )}
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-3 py-1.5 dark:border-slate-700">
        <h2 id="actions-tray-title" className="text-sm font-semibold">
          {t('toggle', { count: actions.length })}
        </h2>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => set('collapsed')}
          aria-label={t('collapse')}
          data-testid="tray-collapse"
        >
          <span aria-hidden="true">⌄</span>
        </Button>
      </div>
      <p role="status" aria-live="polite" className="sr-only" data-testid="tray-announcement">
        {announcement}
      </p>
      <ul
        className="min-h-0 flex-1 divide-y divide-slate-200 overflow-y-auto dark:divide-slate-700"
        data-testid="actions-tray"
      >
        {actions.length === 0 ? (
          <li className="p-3 text-sm text-slate-600 dark:text-slate-300">{t('empty')}</li>
        ) : (
          actions.map((a) => (
            <TrackedAction key={a.actionId} initial={a} onChange={setAnnouncement} />
          ))
        )}
      </ul>
    </aside>
  );
}

/** Details the audit trail alone cannot give (Intune's error code, what fits instead) come from one status read. */
const READ_ONCE = new Set(['failed', 'notSupported']);

function TrackedAction({
  initial,
  onChange,
}: {
  initial: ActionStatus;
  onChange: (text: string) => void;
}) {
  const t = useTranslations('tray');
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const words = useActionWords();
  const approvalWords = useApprovalWords();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const {
    data: status,
    dataUpdatedAt,
    isFetching,
    refetch,
  } = useQuery({
    ...actionQueries.status(api, initial),
    enabled:
      !initial.terminal ||
      READ_ONCE.has(initial.state) ||
      initial.notifications.some((n) => n.state !== 'sent'),
  });
  const current = status ?? initial;
  const seen = useRef(current.state);
  useEffect(() => {
    if (seen.current === current.state) return;
    seen.current = current.state;
    const where = { device: current.deviceName ?? current.deviceId, ticket: current.ticket ?? '' };
    const text = t('changed', { ...where, state: words.state(current.state) });
    onChange(text);
    // The list's rows and the device page say where the device's action stands: let them read it again.
    void queryClient.invalidateQueries({ queryKey: actionKeys.onDevicesAll() });
    void queryClient.invalidateQueries({ queryKey: actionKeys.device(current.deviceId) });
    // Seen once per change of state (not per poll): a decision on a request says who decided and what follows.
    const decided = approvalWords.decisionToast(current.state, current.approval, where);
    if (decided) notify(current.state === 'approved' ? 'success' : 'warning', decided);
    else if (current.terminal) notify(current.state === 'done' ? 'success' : 'warning', text);
  }, [current, onChange, t, words, approvalWords, queryClient]);
  const name = current.deviceName ?? current.deviceId;
  const serial = current.deviceSerial ?? '—';
  return (
    <li
      className="p-3 text-sm"
      data-testid="tray-item"
      data-action-id={current.actionId}
      data-state={current.state}
    >
      <div className="flex items-start justify-between gap-2">
        <Link
          href={`/devices/${current.deviceId}`}
          prefetch={false}
          aria-label={t('deviceLink', { device: name, serial })}
          className="min-w-0 truncate font-medium text-sky-800 underline-offset-2 hover:underline dark:text-sky-300"
        >
          {name}
        </Link>
        <Badge
          look="tag"
          className="shrink-0"
          tone={current.state === 'done' ? 'success' : current.terminal ? 'error' : 'info'}
        >
          {words.state(current.state)}
        </Badge>
      </div>
      <p
        className="mt-0.5 truncate text-xs text-slate-700 dark:text-slate-300"
        data-testid="tray-device"
      >
        {current.deviceUserName ?? current.deviceUpn ?? '—'} ·{' '}
        <span className="font-mono">{serial}</span>
      </p>
      <p className="mt-0.5 flex flex-wrap justify-between gap-x-2 text-xs text-slate-700 dark:text-slate-300">
        <span>
          {current.kind ? words.action(current.kind) : current.graphAction} ·{' '}
          {t('ticket', { ticket: current.ticket ?? '—' })}
        </span>
        <span>{t('requested', { ago: timeAgo(format, current.requestedAt, now.getTime()) })}</span>
      </p>
      {current.verification && <VerificationLine verification={current.verification} />}
      {current.approval && <ApprovalStep action={current} compact />}
      <ActionNextStep action={current} polled={dataUpdatedAt > 0} />
      <OwnerNotifications notifications={current.notifications} />
      {!current.terminal && (
        // The visible words stay "Check now" (they must be part of the accessible name, WCAG 2.5.3); busy says the rest.
        <Button
          size="sm"
          variant="ghost"
          className="mt-1 h-7 px-2 text-xs"
          disabled={isFetching}
          aria-busy={isFetching}
          data-testid="check-now"
          aria-label={t('checkNowFor', { device: name, serial })}
          onClick={() => void refetch()}
        >
          {t('checkNow')}
        </Button>
      )}
      <div className="mt-1 flex flex-wrap gap-2">
        <CopyForTicket summary={statusSummary(current, words)} size="xs" />
      </div>
      {current.state === 'done' && <PasscodeReveal action={current} />}
    </li>
  );
}
