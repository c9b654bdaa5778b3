'use client';
// Toasts, loaded on first use: sonner (about 10 KB gzip) is not part of the page's first load. The first toast
// loads the library and mounts the toaster; sonner hands a toast raised before its toaster subscribed to the toaster
// once it does, so none is lost. While a modal dialog is open, toasts wait for it to close.
import { lazy, Suspense, useSyncExternalStore, type ComponentProps } from 'react';
import { ToastHold } from '@/lib/browser/toasts/toast-hold';

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

// Toasts wait while a modal dialog is open (toast-hold.ts). A dialog of the console is a Radix portal, a child of the
// body: watching the body's children sees each one open and close.
const MODAL = '[role="dialog"][data-state="open"], [role="alertdialog"][data-state="open"]';
let hold: ToastHold | null = null;
let shownCount = 0;

function toastHold(): ToastHold {
  if (hold) return hold;
  const made = new ToastHold({
    show: ({ kind, text }, gone) => {
      // The id is ours, so the toast can be taken down before sonner has loaded.
      shownCount += 1;
      const id = `toast-${shownCount}`;
      void loadSonner().then(({ toast }) =>
        toast[kind](text, { id, onAutoClose: gone, onDismiss: gone }),
      );
      return id;
    },
    dismiss: (id) => void loadSonner().then(({ toast }) => toast.dismiss(id)),
  });
  const check = () => made.modalChanged(document.querySelector(MODAL) !== null);
  new MutationObserver(check).observe(document.body, { childList: true });
  check();
  hold = made;
  return made;
}

/** Raises a toast (success or warning), loading the toaster first if this is the tab's first one. */
export function notify(kind: 'success' | 'warning', text: string): void {
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
  toastHold().raise({ kind, text });
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
