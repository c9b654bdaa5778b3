'use client';
// The home page once signed in: the search form and its results, both driven by the URL.
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { ApiErrorNotice } from '@/components/errors/api-error-notice';
import { useValidationText } from '@/components/i18n/use-validation-text';
import { ThrottleBanner } from '@/components/status/throttle-banner';
import { ApiError } from '@/lib/browser/api/api-error';
import { errorInfo } from '@/lib/shared/errors';
import { DeviceResults, type ResultsHandle } from './device-results';
import { SearchForm } from './search-form';
import { useSearchState } from './use-search-state';

export function DeviceSearchView() {
  const t = useTranslations('search');
  const validationText = useValidationText();
  const { search, error, setSearch } = useSearchState();
  const results = useRef<ResultsHandle>(null);
  return (
    <div className="space-y-4">
      <SearchForm
        search={search}
        onChange={setSearch}
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
        <DeviceResults search={search} handle={results} />
      )}
    </div>
  );
}
