'use client';
// The temporary passcode where the agent is looking: a focused panel over the page (not inside the tray, whose
// bottom edge can hide it), the digits large and grouped for reading aloud (6660 6885), the countdown until it hides,
// Copy (the passcode as Intune gave it, no spaces) and Hide. It holds nothing: its owner (passcode-reveal.tsx) keeps
// the passcode in its state only and closes the panel when the time is up.
import * as Dialog from '@radix-ui/react-dialog';
import { useTranslations } from 'next-intl';
import { useRef, useState, type RefObject } from 'react';
import { Button } from '@/components/ui/button';
import { dialogOverlayClass, dialogPanelVariants } from '@/components/ui/dialog-shell';
import { passcodeGroups } from '@/lib/shared/actions/passcode-digits';

export function PasscodePanel({
  passcode,
  seconds,
  device,
  serial,
  onHide,
  returnFocus,
}: {
  passcode: string;
  /** Seconds until it hides itself. */
  seconds: number;
  device: string;
  serial: string;
  onHide: () => void;
  /** Where the focus goes back when the panel closes: the button that showed it. */
  returnFocus: RefObject<HTMLButtonElement | null>;
}) {
  const t = useTranslations('reveal');
  const [copied, setCopied] = useState(false);
  const copy = useRef<HTMLButtonElement>(null);
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onHide()}>
      <Dialog.Portal>
        <Dialog.Overlay className={dialogOverlayClass} />
        <Dialog.Content
          className={dialogPanelVariants({ size: 'md' })}
          data-testid="passcode-reveal"
          // Copy has the focus: the one thing the agent may do next besides reading it out.
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            copy.current?.focus();
          }}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            returnFocus.current?.focus();
          }}
        >
          <Dialog.Title className="text-lg font-semibold [overflow-wrap:anywhere]">
            {t('panelTitle', { device })}
          </Dialog.Title>
          <p className="text-sm text-slate-700 dark:text-slate-300">{t('serial', { serial })}</p>
          <p
            className="mt-4 text-center font-mono text-4xl font-semibold tracking-wider text-slate-950 tabular-nums dark:text-white"
            data-testid="passcode-value"
          >
            {/* Real spaces between the groups: the agent reads what is written; Copy takes the passcode itself. */}
            {passcodeGroups(passcode).join(' ')}
          </p>
          <Dialog.Description className="mt-4 text-sm text-slate-700 dark:text-slate-300">
            {t('readToCaller')}{' '}
            <span data-testid="passcode-countdown" className="font-semibold">
              {t('hidesIn', { seconds })}
            </span>
          </Dialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <Button variant="ghost" onClick={onHide}>
              {t('hide')}
            </Button>
            <Button
              ref={copy}
              variant="primary"
              data-testid="copy-passcode"
              onClick={() =>
                void navigator.clipboard.writeText(passcode).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? t('copied') : t('copy')}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
