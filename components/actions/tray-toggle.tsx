'use client';
// The actions tray's badge in the header: how many actions there are and how many are under way; it opens and
// collapses the tray (also `t`). It lives in the header so that, collapsed, the tray covers nothing at all. Its
// counts come from the action tracker, as the tray's items do, so an action the tray shows as ended is not counted
// as under way here.
import { useIsAuthenticated } from '@azure/msal-react';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { isShortcut } from '@/lib/browser/keyboard/shortcut-event';
import { cn } from '@/lib/shared/cn';
import { useActionTracker } from './action-tracker';
import { useTray } from './use-tray';

export function TrayToggle() {
  const isAuthenticated = useIsAuthenticated();
  if (!isAuthenticated) return null;
  return <Badge />;
}

function Badge() {
  const t = useTranslations('tray');
  const { items, underWay } = useActionTracker();
  const { state, toggle } = useTray();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 't' && isShortcut(e)) {
        e.preventDefault();
        toggle();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle]);
  const open = state === 'open';
  return (
    <button
      type="button"
      onClick={toggle}
      aria-expanded={open}
      aria-controls="actions-tray"
      data-testid="tray-toggle"
      title={open ? t('collapse') : t('expand')}
      className={cn(
        'inline-flex h-8 items-center gap-2 rounded-md border px-2.5 text-sm font-medium text-white',
        open ? 'border-sky-300 bg-sky-800' : 'border-slate-500 bg-slate-800 hover:bg-slate-700',
      )}
    >
      {t('toggle', { count: items.length })}
      {underWay > 0 && (
        <span
          className="rounded-full bg-amber-300 px-1.5 text-xs font-semibold text-slate-950"
          data-testid="tray-under-way"
        >
          {t('underWay', { count: underWay })}
        </span>
      )}
    </button>
  );
}
