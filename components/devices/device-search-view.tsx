'use client';
// The home page once signed in: the search form and its results, both driven by the URL.
import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { PasscodeActionHost } from '@/components/actions/passcode-action-host';
import { ApiErrorNotice } from '@/components/errors/api-error-notice';
import { useValidationText } from '@/components/i18n/use-validation-text';
import { ThrottleBanner } from '@/components/status/throttle-banner';
import { ApiError } from '@/lib/browser/api/api-error';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { deviceQueries } from '@/lib/browser/query/device-queries';
import { searchFromParams, searchToParams, type DeviceSearch } from '@/lib/shared/devices/search';
import { errorInfo } from '@/lib/shared/errors';
import { DeviceResults, type ResultsHandle } from './device-results';
import { SearchForm } from './search-form';
import { useSearchState } from './use-search-state';

export function DeviceSearchView() {
  const t = useTranslations('search');
  const validationText = useValidationText();
  const { search, error, setSearch } = useSearchState();
  const results = useRef<ResultsHandle>(null);
  const queryClient = useQueryClient();
  const api = useApiClient();
  // The request first, then the state: the search's first page is asked for inside the handler of Enter (or of a
  // filter, or of the typing pause), so the network wait overlaps React's render of the new search instead of
  // following it (17/17). The key is the search as the URL will give it back, so the list's own query finds the
  // request in flight (or its fresh answer) and does not send another.
  const searchFor = (next: DeviceSearch) => {
    const asListed = searchFromParams(searchToParams(next));
    if (asListed.ok)
      void queryClient.prefetchInfiniteQuery(deviceQueries.search(api, asListed.value));
    setSearch(next);
  };
  return (
    <div className="space-y-4">
      <SearchForm
        search={search}
        onChange={searchFor}
        onArrowDown={() => results.current?.focusSelected()}
      />
      <ThrottleBanner />
      {error ? (
        <ApiErrorNotice
          title={t('invalid')}
          detail={error.map(validationText).join(' ')}
          error={new ApiError(errorInfo(400, 'invalidSearch', error.join(' '), { date: null }))}
        />
      ) : (
        // The rows' one passcode dialog and their shared access: outside the results, so the results' own
        // re-renders (scrolling, arrowing) leave the host alone.
        <PasscodeActionHost>
          <DeviceResults search={search} handle={results} />
        </PasscodeActionHost>
      )}
    </div>
  );
}
