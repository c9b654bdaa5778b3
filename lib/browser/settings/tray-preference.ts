import 'client-only';
// Whether the agent chose to keep the actions tray open or collapsed to its badge, remembered in this browser
// (localStorage, shared by its tabs: a tab that changes it tells the others through the storage event). Only a
// choice the agent made is remembered: without one, the tray follows what there is to show (use-tray.ts).
export type TrayState = 'open' | 'collapsed';

const KEY = 'passcode-desk.tray';
const listeners = new Set<() => void>();
/** This page's choice, for when storage is blocked. */
let chosen: TrayState | null = null;

function read(): TrayState | null {
  try {
    const stored = window.localStorage.getItem(KEY);
    if (stored === 'collapsed' || stored === 'open') return stored;
  } catch {
    // storage blocked: this page's choice, if any
  }
  return chosen;
}

export const trayPreference = {
  /** The agent's choice, or null when they made none. */
  snapshot: read,
  serverSnapshot: (): TrayState | null => null,
  set(state: TrayState): void {
    chosen = state;
    try {
      window.localStorage.setItem(KEY, state);
    } catch {
      // storage blocked: the choice lasts until the page is left
    }
    for (const l of listeners) l();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    const onStorage = (e: StorageEvent) => {
      if (e.key === KEY) listener();
    };
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(listener);
      window.removeEventListener('storage', onStorage);
    };
  },
};
