'use client';
// The device search lives in the URL (`/?q=…&os=…`), so a link pasted into a ticket opens the same search.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { searchFromParams, searchToParams, type DeviceSearch } from '@/lib/shared/devices/search';

export function useSearchState() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const parsed = useMemo(() => searchFromParams(new URLSearchParams(params.toString())), [params]);
  const search: DeviceSearch = parsed.success ? parsed.data : { q: '' };
  /** Message keys of what is wrong with the URL's search, for the page to word; null when it is fine. */
  const error = parsed.success ? null : parsed.error.issues.map((i) => i.message);

  const setSearch = useCallback((next: DeviceSearch) => {
    const qs = searchToParams(next).toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }, [router, pathname]);

  return { search, error, setSearch };
}
