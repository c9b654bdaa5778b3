'use client';
// Toasts, loaded on first use: sonner (about 10 KB gzip) is not part of the page's first load. The first toast
// loads the library and mounts the toaster; sonner hands a toast raised before its toaster subscribed to the toaster
// once it does, so none is lost.
import { lazy, Suspense, useSyncExternalStore, type ComponentProps } from 'react';

const loadSonner = () => import('sonner');
const SonnerToaster = lazy(() => loadSonner().then((m) => ({ default: m.Toaster })));

let wanted = false;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

/** Raises a toast (success or warning), loading the toaster first if this is the tab's first one. */
export function notify(kind: 'success' | 'warning', text: string): void {
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
  void loadSonner().then(({ toast }) => {
    toast[kind](text);
  });
}

/** Where the toasts appear: nothing at all until the first one is raised. */
export function Toaster(props: ComponentProps<typeof SonnerToaster>) {
  const show = useSyncExternalStore(
    subscribe,
    () => wanted,
    () => false,
  );
  return show ? (
    <Suspense fallback={null}>
      <SonnerToaster {...props} />
    </Suspense>
  ) : null;
}
