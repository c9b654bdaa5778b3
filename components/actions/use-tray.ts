'use client';
// The actions tray's open or collapsed state, shared by the header's badge, the tray and the page frame.
import { useSyncExternalStore } from 'react';
import { trayPreference, type TrayState } from '@/lib/browser/settings/tray-preference';

export function useTray(): {
  state: TrayState;
  toggle: () => void;
  set: (state: TrayState) => void;
} {
  const state = useSyncExternalStore(
    trayPreference.subscribe,
    trayPreference.snapshot,
    trayPreference.serverSnapshot,
  );
  return {
    state,
    toggle: () => trayPreference.set(state === 'open' ? 'collapsed' : 'open'),
    set: trayPreference.set,
  };
}
