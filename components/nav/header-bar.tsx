'use client';
// The console's header row. On a phone it stays one row (the name, the actions badge and a Menu button), so the
// list keeps the screen; the places and the settings open beneath it on demand. From 640 px on, everything is in
// the row and the Menu button is gone. Each part is rendered once, whatever the width (CSS decides where it sits).
import { useTranslations } from 'next-intl';
import { usePathname } from 'next/navigation';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { cn } from '@/lib/shared/cn';

const PLACES_ID = 'header-places';
const SETTINGS_ID = 'header-settings';

export function HeaderBar({
  name,
  places,
  badge,
  settings,
}: {
  name: ReactNode;
  places: ReactNode;
  badge: ReactNode;
  settings: ReactNode;
}) {
  const t = useTranslations('nav');
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // Going to another place closes the menu (its links are how one gets there).
  const pathname = usePathname();
  const [openedOn, setOpenedOn] = useState(pathname);
  if (openedOn !== pathname) {
    setOpenedOn(pathname);
    setOpen(false);
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape' || !open) return;
    setOpen(false);
    button.current?.focus();
  };
  // A phone lays the header out as a grid: the name (cut short if it must), the badge and the Menu button in the
  // first row, the places and the settings as full rows beneath it when open. From 640 px on it is one wrapping row.
  return (
    <div
      className="mx-auto grid min-h-14 max-w-7xl grid-cols-[minmax(0,1fr)_auto_auto] items-center gap-x-3 gap-y-2 px-4 py-2 sm:flex sm:flex-wrap sm:gap-x-4"
      onKeyDown={onKeyDown}
    >
      <span className="order-1 truncate text-base font-semibold tracking-tight sm:text-lg">
        {name}
      </span>
      <div
        id={PLACES_ID}
        className={cn('order-4 col-span-3 sm:order-2 sm:flex', open ? 'flex' : 'hidden')}
      >
        {places}
      </div>
      <div className="order-2 flex items-center sm:order-3 sm:ml-auto">{badge}</div>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={`${PLACES_ID} ${SETTINGS_ID}`}
        aria-label={t('menu')}
        title={t('menu')}
        data-testid="header-menu"
        onClick={() => setOpen(!open)}
        className="order-3 inline-flex h-8 w-8 items-center justify-center rounded-md border border-slate-500 bg-slate-800 text-sm font-medium text-white hover:bg-slate-700 sm:hidden"
      >
        <span aria-hidden="true">{open ? '✕' : '☰'}</span>
      </button>
      <div
        id={SETTINGS_ID}
        className={cn(
          'order-5 col-span-3 flex-wrap items-center gap-2 sm:order-4 sm:flex sm:gap-3',
          open ? 'flex' : 'hidden',
        )}
      >
        {settings}
      </div>
    </div>
  );
}
