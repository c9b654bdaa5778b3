'use client';
// The list of keyboard shortcuts: a header button and `?` open it. The dialog (Radix) is loaded on first use:
// fetched when the pointer or the focus reaches the button, otherwise by the click or the key itself.
import { useTranslations } from 'next-intl';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { isShortcut } from '@/lib/browser/keyboard/shortcut-event';

const loadDialog = () => import('./shortcuts-dialog');
const ShortcutsDialog = lazy(() => loadDialog().then((m) => ({ default: m.ShortcutsDialog })));
const preloadDialog = () => {
  void loadDialog();
};

export function ShortcutsHelp() {
  const t = useTranslations('shortcuts');
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on, so it can close (and hand the focus back) on its own terms.
  const [wanted, setWanted] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const onOpenChange = (next: boolean) => {
    if (next) setWanted(true);
    setOpen(next);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && isShortcut(e)) {
        e.preventDefault();
        setWanted(true);
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-label={t('open')}
        title={t('open')}
        data-testid="shortcuts-open"
        aria-haspopup="dialog"
        aria-expanded={open}
        data-state={open ? 'open' : 'closed'}
        onPointerEnter={preloadDialog}
        onFocus={preloadDialog}
        onClick={() => onOpenChange(!open)}
        className="inline-flex h-8 w-8 items-center justify-center rounded-md border border-slate-500 bg-slate-800 text-sm font-semibold text-white hover:bg-slate-700"
      >
        ?
      </button>
      {wanted && (
        <Suspense fallback={null}>
          <ShortcutsDialog open={open} onOpenChange={onOpenChange} trigger={button} />
        </Suspense>
      )}
    </>
  );
}
