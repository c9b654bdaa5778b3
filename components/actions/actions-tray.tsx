'use client';
// The agent's passcode actions of the last 24 hours, on every page: rebuilt from the audit store (so a reload
// or a new tab keeps it), each tracked until the device reports a terminal state. Changes are announced in a
// status region; terminal states also raise a toast. A done Android reset offers its temporary passcode.
import { useIsAuthenticated } from '@azure/msal-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useNow, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { actionKeys, actionQueries } from '@/lib/browser/query/action-queries';
import { ActionHints } from './action-hints';
import { PasscodeReveal } from './passcode-reveal';
import { useActionWords } from './use-action-words';
import type { ActionStatus } from '@/lib/shared/actions/types';
import { timeAgo } from '@/components/i18n/relative-time';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { cn } from '@/lib/shared/cn';

export function ActionsTray() {
  const isAuthenticated = useIsAuthenticated();
  if (!isAuthenticated) return null;
  return <Tray />;
}

function Tray() {
  const t = useTranslations('tray');
  const api = useApiClient();
  const { data } = useQuery(actionQueries.mine(api));
  const [open, setOpen] = useState(true);
  const [announcement, setAnnouncement] = useState('');
  const actions = data?.actions ?? [];
  return (
    <aside aria-label={t('title')} className="fixed bottom-4 right-4 z-30 w-[22rem] rounded-lg border border-slate-300 bg-white shadow-lg">
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center justify-between rounded-t-lg bg-slate-800 px-3 py-2 text-left text-sm font-semibold text-white">
        {t('toggle', { count: actions.length })}<span aria-hidden="true">{open ? '▾' : '▴'}</span>
      </button>
      <p role="status" aria-live="polite" className="sr-only" data-testid="tray-announcement">{announcement}</p>
      {open && (
        <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto" data-testid="actions-tray">
          {actions.length === 0 ? <li className="p-3 text-sm text-slate-600">{t('empty')}</li>
            : actions.map((a) => <TrackedAction key={a.actionId} initial={a} onChange={setAnnouncement} />)}
        </ul>
      )}
    </aside>
  );
}

function TrackedAction({ initial, onChange }: { initial: ActionStatus; onChange: (text: string) => void }) {
  const t = useTranslations('tray');
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const words = useActionWords();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const { data: status, dataUpdatedAt } = useQuery({ ...actionQueries.status(api, initial), enabled: !initial.terminal });
  const current = status ?? initial;
  const seen = useRef(current.state);
  useEffect(() => {
    if (seen.current === current.state) return;
    seen.current = current.state;
    const text = t('changed', { device: current.deviceName ?? current.deviceId, ticket: current.ticket ?? '', state: words.state(current.state) });
    onChange(text);
    // The list's rows and the device page say where the device's action stands: let them read it again.
    void queryClient.invalidateQueries({ queryKey: actionKeys.onDevicesAll() });
    void queryClient.invalidateQueries({ queryKey: actionKeys.device(current.deviceId) });
    if (current.terminal) (current.state === 'done' ? toast.success : toast.warning)(text);
  }, [current, onChange, t, words, queryClient]);
  return (
    <li className="p-3 text-sm" data-testid="tray-item" data-action-id={current.actionId} data-state={current.state}>
      <div className="flex justify-between gap-2">
        <span className="truncate font-medium">{current.deviceName ?? current.deviceId}</span>
        <span className={cn('shrink-0 rounded px-1.5 text-xs font-medium',
          current.state === 'done' ? 'bg-emerald-100 text-emerald-900'
            : current.terminal ? 'bg-red-100 text-red-900' : 'bg-sky-100 text-sky-900')}>{words.state(current.state)}</span>
      </div>
      <div className="mt-0.5 flex justify-between gap-2 text-xs text-slate-600">
        <span>{current.kind ? words.action(current.kind) : current.graphAction} · <span className="font-mono">{current.ticket}</span></span>
        <span>{t('requested', { ago: timeAgo(format, current.requestedAt, now.getTime()) })}</span>
      </div>
      <ActionHints action={current} polled={dataUpdatedAt > 0} />
      {current.state === 'done' && <PasscodeReveal action={current} />}
    </li>
  );
}
