'use client';
// The device search lives in the URL (`/?q=…&os=…`), so a link pasted into a ticket opens the same search; a
// ticket reference in it (`&ticket=INC-123`) stays while the agent searches on.
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { searchFromParams, searchToParams, type DeviceSearch } from '@/lib/shared/devices/search';
import { TICKET_PARAM } from '@/lib/shared/ticket';

export function useSearchState() {
  const params = useSearchParams();
  const pathname = usePathname();
  const parsed = useMemo(() => searchFromParams(new URLSearchParams(params.toString())), [params]);
  const search: DeviceSearch = parsed.ok ? parsed.value : { q: '' };
  /** Message keys of what is wrong with the URL's search, for the page to word; null when it is fine. */
  const error = parsed.ok ? null : parsed.errors;

  const setSearch = useCallback(
    (next: DeviceSearch) => {
      const nextParams = searchToParams(next);
      // A ticket system's deep link (`/?ticket=INC-123&q=…`) names the ticket for the whole visit: keep it.
      const ticket = params.get(TICKET_PARAM);
      if (ticket) nextParams.set(TICKET_PARAM, ticket);
      const qs = nextParams.toString();
      // The native call, not router.replace: Next (≥ 14.1) syncs useSearchParams with it, and it needs no server
      // round trip first (router.replace fetched the page's RSC payload before the search's request could start).
      window.history.replaceState(null, '', qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname, params],
  );

  return { search, error, setSearch };
}
