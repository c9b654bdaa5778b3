'use client';
// The page and the actions tray side by side: the tray docks as a side panel on wide screens and as a bottom bar
// below 1600 px, and the page leaves room for it either way, so it never sits over a button. The bottom bar is as
// tall as its items (up to a cap), so the room the page leaves is measured, not assumed. Collapsed, only the
// header's badge remains.
import { useIsAuthenticated } from '@azure/msal-react';
import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { cn } from '@/lib/shared/cn';
import { ActionsTray } from './actions-tray';
import { useTray } from './use-tray';

/**
 * Writes where the tray sits as custom properties of the document: --tray-bar (the bottom bar's height: the page's
 * scroll areas and its end leave that room) and --tray-side (the side panel's width). The toasts, which live outside
 * this frame, keep clear of the tray through them too.
 */
function useTrayRoom(frame: RefObject<HTMLDivElement | null>, shown: boolean): void {
  useLayoutEffect(() => {
    const root = document.documentElement.style;
    const tray = shown ? frame.current?.querySelector<HTMLElement>('#actions-tray') : null;
    const write = () => {
      const box = tray?.getBoundingClientRect();
      const bottomBar = box !== undefined && box.width >= window.innerWidth - 1;
      root.setProperty('--tray-bar', `${bottomBar ? Math.ceil(box.height) : 0}px`);
      root.setProperty(
        '--tray-side',
        `${box && !bottomBar ? Math.ceil(window.innerWidth - box.left) : 0}px`,
      );
    };
    write();
    if (!tray) return;
    const observer = new ResizeObserver(write);
    observer.observe(tray);
    window.addEventListener('resize', write);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', write);
      root.setProperty('--tray-bar', '0px');
      root.setProperty('--tray-side', '0px');
    };
  }, [frame, shown]);
}

export function TrayFrame({ children }: { children: ReactNode }) {
  const isAuthenticated = useIsAuthenticated();
  const { state } = useTray();
  const shown = isAuthenticated && state === 'open';
  const frame = useRef<HTMLDivElement>(null);
  useTrayRoom(frame, shown);
  return (
    <div
      ref={frame}
      data-tray={shown ? 'open' : 'collapsed'}
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
