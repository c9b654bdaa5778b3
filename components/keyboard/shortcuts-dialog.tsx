'use client';
// The list of keyboard shortcuts, as a dialog; loaded on first use by shortcuts-help.tsx, which owns the button.
import * as Dialog from '@radix-ui/react-dialog';
import { useTranslations } from 'next-intl';
import type { RefObject } from 'react';
import { Button } from '@/components/ui/button';
import { dialogOverlayClass, dialogPanelVariants } from '@/components/ui/dialog-shell';

const SHORTCUTS = [
  { keys: ['/'], what: 'search' },
  { keys: ['↓'], what: 'intoResults' },
  { keys: ['j', 'k', '↓', '↑'], what: 'move' },
  { keys: ['Enter'], what: 'open' },
  { keys: ['r'], what: 'action' },
  { keys: ['t'], what: 'tray' },
  { keys: ['←', '→'], what: 'sort' },
  { keys: ['?'], what: 'help' },
  { keys: ['Esc'], what: 'escape' },
] as const;

/** Controlled by the header's button, which is not a Radix trigger: closing hands the focus back to it here. */
export function ShortcutsDialog({
  open,
  onOpenChange,
  trigger,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: RefObject<HTMLButtonElement | null>;
}) {
  const t = useTranslations('shortcuts');
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className={dialogOverlayClass} />
        <Dialog.Content
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            trigger.current?.focus();
          }}
          className={dialogPanelVariants({ size: 'md' })}
        >
          <Dialog.Title className="text-lg font-semibold">{t('title')}</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            {t('intro')}
          </Dialog.Description>
          <dl
            className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm"
            data-testid="shortcuts-list"
          >
            {SHORTCUTS.map((s) => (
              <div key={s.what} className="contents">
                <dt className="flex gap-1">
                  {s.keys.map((k) => (
                    <kbd
                      key={k}
                      className="rounded border border-slate-400 bg-slate-100 px-1.5 font-mono text-xs dark:border-slate-500 dark:bg-slate-800"
                    >
                      {k}
                    </kbd>
                  ))}
                </dt>
                <dd>{t(`keys.${s.what}`)}</dd>
              </div>
            ))}
          </dl>
          <div className="mt-5 flex justify-end">
            <Dialog.Close asChild>
              <Button>{t('close')}</Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
