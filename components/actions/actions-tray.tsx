'use client';
// The agent's passcode actions of the last 24 hours, on every page, as the action tracker reads them (rebuilt from
// the audit store, so a reload or a new tab keeps them; polled until the device reports a terminal state; each
// change announced and toasted by the tracker, whether the tray is open or not). Each item is one line (device,
// action, ticket, state) with a disclosure for the rest: user and serial (so two same-named devices differ), what to
// do next, "Check now" (at once, within the tab's 429 gate), Copy for ticket and a done Android reset's temporary
// passcode. Only the newest item that needs the agent opens by itself (openByDefault), so three calls' items leave the
// page in view; the agent's own click, or the focus inside an opened item, then decides. The tray is as tall as its
// items, up to a quarter of the screen, and its list scrolls beyond that.
import Link from 'next/link';
import { useNow, useTranslations } from 'next-intl';
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useTimeAgo } from '@/components/i18n/relative-time';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { openByDefault } from '@/lib/browser/actions/tracked-actions';
import { cn } from '@/lib/shared/cn';
import { ActionNextStep } from './action-next-step';
import { OwnerNotifications } from './lazy-action-parts';
import { PasscodeReveal } from './passcode-reveal';
import { CopyForTicket } from '@/components/activity/copy-for-ticket';
import { VerificationLine } from './verification-line';
import { statusSummary } from '@/components/activity/status-summary';
import { ApprovalStep } from './lazy-approval';
import { useActionTracker, type TrackedAction } from './action-tracker';
import { useActionWords } from './use-action-words';
import { useTray } from './use-tray';

export function ActionsTray() {
  const t = useTranslations('tray');
  const { items } = useActionTracker();
  const { set } = useTray();
  const opened = openByDefault(items.map((i) => i.action));
  return (
    <aside
      id="actions-tray"
      aria-labelledby="actions-tray-title"
      // The skip link's target: focusable by script only, so the next Tab goes on into the tray.
      tabIndex={-1}
      data-testid="actions-tray-panel"
      className={cn(
        'fixed inset-x-0 bottom-0 z-30 flex max-h-[25vh] flex-col border-t border-slate-300 bg-white shadow-[0_-4px_12px_rgb(0_0_0/0.08)]',
        'dark:border-slate-700 dark:bg-slate-900',
        'min-[1600px]:sticky min-[1600px]:top-0 min-[1600px]:h-[calc(100vh-3.5rem)] min-[1600px]:max-h-none min-[1600px]:border-l min-[1600px]:border-t-0 min-[1600px]:shadow-none',
      )}
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-3 py-0.5 dark:border-slate-700">
        <h2 id="actions-tray-title" className="text-sm font-semibold">
          {t('toggle', { count: items.length })}
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
      <ul
        className="min-h-0 flex-1 divide-y divide-slate-200 overflow-y-auto dark:divide-slate-700"
        data-testid="actions-tray"
      >
        {items.length === 0 ? (
          <li className="px-3 py-2 text-sm text-slate-600 dark:text-slate-300">{t('empty')}</li>
        ) : (
          items.map((item) => (
            <TrayItem
              key={item.action.actionId}
              item={item}
              openFirst={item.action.actionId === opened}
            />
          ))
        )}
      </ul>
    </aside>
  );
}

function TrayItem({ item, openFirst }: { item: TrackedAction; openFirst: boolean }) {
  const t = useTranslations('tray');
  const timeAgo = useTimeAgo();
  const now = useNow({ updateInterval: 30_000 });
  const words = useActionWords();
  const { check } = useActionTracker();
  const detailsId = useId();
  // The agent's click decides once made, and so does their focus inside the opened item (a passcode being shown
  // must not fold away when the server then says it was shown); until then the tray's one default does.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const current = item.action;
  const open = chosen ?? openFirst;
  // The item the tray opened by itself is brought to the top of the capped list, so what it opened for (what to tell
  // the caller, Show passcode) is in view: an older caller's item finishing below the newest ones opened out of
  // sight. Only while the tray's default decides: once the agent has clicked or focused, the list stays where it is.
  const itemRef = useRef<HTMLLIElement>(null);
  const openedByTray = chosen === null && openFirst;
  useLayoutEffect(() => {
    const li = itemRef.current;
    const list = li?.parentElement;
    if (!openedByTray || !li || !list) return;
    list.scrollTop += li.getBoundingClientRect().top - list.getBoundingClientRect().top;
  }, [openedByTray, current.state]);
  const name = current.deviceName ?? current.deviceId;
  const serial = current.deviceSerial ?? '—';
  return (
    <li
      ref={itemRef}
      className="px-3 py-1 text-sm"
      data-testid="tray-item"
      data-action-id={current.actionId}
      data-state={current.state}
      data-open={open}
    >
      <div className="flex min-w-0 items-center gap-1.5">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={t('details', { device: name, serial })}
          data-testid="tray-item-toggle"
          onClick={(e) => {
            setChosen(!open);
            // In the capped tray an item opened near its end would open out of sight: bring it into view.
            const li = e.currentTarget.closest('li');
            if (!open) requestAnimationFrame(() => li?.scrollIntoView({ block: 'nearest' }));
          }}
          className="inline-flex size-7 shrink-0 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          <span aria-hidden="true" className={cn('transition-transform', open && 'rotate-90')}>
            ▸
          </span>
        </button>
        <Link
          href={`/devices/${current.deviceId}`}
          prefetch={false}
          aria-label={t('deviceLink', { device: name, serial })}
          // On a phone a long device name ("user_AndroidForWork_6/19/2024_2:…") took the whole line and left the
          // ticket 4 px: it gives way at 55 % of the line, where the ticket still shows.
          className="min-w-0 shrink truncate font-medium text-sky-800 underline-offset-2 hover:underline max-sm:max-w-[55%] dark:text-sky-300"
        >
          {name}
        </Link>
        {/* The action gives way first on a narrow tray; the ticket, which tells the agent's calls apart, last (and is
            clipped, never drawn under the state's badge). On a phone the action is left to screen readers: the line
            had room for "ticket INC-1…" only, and the ticket is what the agent looks for. */}
        <span className="flex min-w-0 flex-1 overflow-hidden text-xs text-slate-700 dark:text-slate-300">
          <span className="min-w-0 shrink-[10] truncate max-sm:sr-only">
            {current.kind ? words.action(current.kind) : current.graphAction} ·{' '}
          </span>
          <span className="min-w-0 truncate pl-1">
            {t('ticket', { ticket: current.ticket ?? '—' })}
          </span>
        </span>
        <Badge
          look="tag"
          className="shrink-0"
          tone={current.state === 'done' ? 'success' : current.terminal ? 'error' : 'info'}
        >
          {words.state(current.state)}
        </Badge>
      </div>
      <div
        id={detailsId}
        hidden={!open}
        className="pb-1 pl-8"
        onFocusCapture={() => setChosen((c) => c ?? true)}
      >
        <p className="flex flex-wrap justify-between gap-x-2 text-xs text-slate-700 dark:text-slate-300">
          <span data-testid="tray-device">
            {current.deviceUserName ?? current.deviceUpn ?? '—'} ·{' '}
            <span className="font-mono">{serial}</span>
          </span>
          <span>{t('requested', { ago: timeAgo(current.requestedAt, now.getTime()) })}</span>
        </p>
        {current.verification && <VerificationLine verification={current.verification} />}
        {current.approval && <ApprovalStep action={current} compact />}
        <ActionNextStep action={current} polled={item.polled} />
        {/* Right below what to tell the caller, so the capped tray shows it without scrolling. */}
        {current.state === 'done' && <PasscodeReveal action={current} />}
        <OwnerNotifications notifications={current.notifications} />
        <div className="mt-1 flex flex-wrap items-center gap-2">
          {!current.terminal && (
            // The visible words stay "Check now" (they must be part of the accessible name, WCAG 2.5.3); busy says the rest.
            <Button
              size="sm"
              variant="ghost"
              className="h-7 px-2 text-xs"
              disabled={item.checking}
              aria-busy={item.checking}
              data-testid="check-now"
              aria-label={t('checkNowFor', { device: name, serial })}
              onClick={() => check(current.actionId)}
            >
              {t('checkNow')}
            </Button>
          )}
          <CopyForTicket summary={statusSummary(current, words)} size="xs" />
        </div>
      </div>
    </li>
  );
}
