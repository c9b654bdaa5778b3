'use client';
// The confirm dialog's code (Radix, the form, the request) is not part of the page's first load: it is fetched when
// the pointer or the focus reaches a passcode-action button, so it is there by the click, and otherwise by the click
// itself (the r shortcut). One module for the list's single dialog and the device page's own.
import { lazy } from 'react';

const loadDialog = () => import('./passcode-action-dialog');

export const PasscodeActionDialog = lazy(() =>
  loadDialog().then((m) => ({ default: m.PasscodeActionDialog })),
);

/** Starts fetching the dialog's code; harmless to call again (the module is fetched once). */
export const preloadDialog = () => {
  void loadDialog();
};
