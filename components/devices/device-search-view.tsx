'use client';
// The home page once signed in: the search form and its results, both driven by the URL.
import { ApiErrorNotice } from '@/components/errors/api-error-notice';
import { ThrottleBanner } from '@/components/status/throttle-banner';
import { ApiError } from '@/lib/browser/api/api-error';
import { messages } from '@/lib/shared/i18n/messages';
import { DeviceResults } from './device-results';
import { SearchForm } from './search-form';
import { useSearchState } from './use-search-state';

export function DeviceSearchView() {
  const { search, error, setSearch } = useSearchState();
  return (
    <div className="space-y-4">
      <SearchForm search={search} onChange={setSearch} />
      <ThrottleBanner />
      {error ? (
        <ApiErrorNotice
          title={messages.search.invalid}
          error={new ApiError({ status: 400, code: 'invalidSearch', message: error, requestId: null, clientRequestId: null, date: null, retryAfterSeconds: null })}
        />
      ) : (
        <DeviceResults search={search} />
      )}
    </div>
  );
}
