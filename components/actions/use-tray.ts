'use client';
// The actions tray's open or collapsed state, shared by the header's badge, the tray and the page frame: the
// agent's choice when they made one; otherwise open when there are actions to show and collapsed when there are
// none (an empty tray would only take room from the page).
import { useSyncExternalStore } from 'react';
import { trayPreference, type TrayState } from '@/lib/browser/settings/tray-preference';
import { useActionTracker } from './action-tracker';

export function useTray(): {
  state: TrayState;
  toggle: () => void;
  set: (state: TrayState) => void;
} {
  const choice = useSyncExternalStore(
    trayPreference.subscribe,
    trayPreference.snapshot,
    trayPreference.serverSnapshot,
  );
  const { items } = useActionTracker();
  const state = choice ?? (items.length > 0 ? 'open' : 'collapsed');
  return {
    state,
    toggle: () => trayPreference.set(state === 'open' ? 'collapsed' : 'open'),
    set: trayPreference.set,
  };
}
