'use client';
// Whether the screen is phone-narrow (below Tailwind's md, 768 px), where the list becomes cards. The server
// renders the wide layout; the browser corrects it at once.
import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 767.98px)';

// One query list for the tab: the list reads it on every render (each scroll frame), and matchMedia() parses the
// query anew each time it is called.
let media: MediaQueryList | null = null;
const narrowQuery = () => (media ??= window.matchMedia(QUERY));

function subscribe(onChange: () => void): () => void {
  const list = narrowQuery();
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => narrowQuery().matches,
    () => false,
  );
}
