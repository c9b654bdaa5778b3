'use client';
// The page and the actions tray side by side: the tray docks as a side panel on wide screens and as a bottom bar
// below 1600 px, and the page leaves room for it either way, so it never sits over a button. Collapsed, only
// the header's badge remains.
import { useIsAuthenticated } from '@azure/msal-react';
import type { CSSProperties, ReactNode } from 'react';
import { cn } from '@/lib/shared/cn';
import { ActionsTray } from './actions-tray';
import { useTray } from './use-tray';

/** The bottom bar's height; the page's scroll areas subtract it through --tray-space. */
export const TRAY_BAR_HEIGHT = '12rem';

export function TrayFrame({ children }: { children: ReactNode }) {
  const isAuthenticated = useIsAuthenticated();
  const { state } = useTray();
  const shown = isAuthenticated && state === 'open';
  return (
    <div
      data-tray={shown ? 'open' : 'collapsed'}
      style={{ '--tray-bar': shown ? TRAY_BAR_HEIGHT : '0rem' } as CSSProperties}
      className={cn(
        shown &&
          'pb-[var(--tray-bar)] min-[1600px]:grid min-[1600px]:grid-cols-[minmax(0,1fr)_24rem] min-[1600px]:pb-0',
      )}
    >
      <main className="mx-auto w-full min-w-0 max-w-7xl px-4 py-6">{children}</main>
      {shown && <ActionsTray />}
    </div>
  );
}
