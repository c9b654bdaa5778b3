'use client';
// The activity page: the audit trail as a table, one row per passcode action, filtered by what the URL says
// (`/activity?agent=…&device=…&ticket=…&outcome=…&kind=…&from=…&to=…`, so a filtered view can be linked), read in
// keyset pages from the server, exportable whole as CSV or JSON Lines. An agent sees their own actions; the
// Auditor app role sees everyone's (decided on the server).
import { useInfiniteQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { usePathname, useSearchParams } from 'next/navigation';
import { useMemo, useState, type FormEvent } from 'react';
import { ApiErrorNotice } from '@/components/errors/api-error-notice';
import { ThrottleBanner } from '@/components/status/throttle-banner';
import { Button } from '@/components/ui/button';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { activityQueries } from '@/lib/browser/query/activity-queries';
import { filtersFromParams, filtersToParams } from '@/lib/shared/activity/filters-url';
import { OUTCOMES } from '@/lib/shared/activity/outcomes';
import type { ActivityFilters } from '@/lib/shared/activity/types';
import { PASSCODE_ACTION_KINDS } from '@/lib/shared/devices/passcode-plan';
import { ActivityTable } from './activity-table';
import { ExportButtons } from './export-buttons';
import { FieldError } from '@/components/ui/notice';

export function ActivityView() {
  const t = useTranslations('activity');
  const format = useFormatter();
  const params = useSearchParams();
  const pathname = usePathname();
  const filters = useMemo(
    () => filtersFromParams(new URLSearchParams(params.toString())),
    [params],
  );
  const api = useApiClient();
  const query = useInfiniteQuery(activityQueries.pages(api, filters));
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);
  const scope = query.data?.pages[0]?.scope ?? null;

  // The URL is the state: Next's router follows pushState, so Back returns to the previous filters.
  const apply = (next: ActivityFilters) => {
    const qs = filtersToParams(next).toString();
    window.history.pushState(null, '', qs ? `${pathname}?${qs}` : pathname);
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t('heading')}</h1>
        {scope && (
          <p
            className="text-sm text-slate-700 dark:text-slate-300"
            data-testid="activity-scope"
            data-scope={scope}
          >
            {scope === 'all' ? t('scopeAll') : t('scopeOwn')}
          </p>
        )}
      </div>
      {/* Keyed by the URL's filters, so the form shows them again after Back or a pasted link. */}
      <FilterForm
        key={params.toString()}
        filters={filters}
        auditor={scope === 'all'}
        onApply={apply}
      />
      <ExportButtons filters={filters} />
      <ThrottleBanner />
      {query.error && !query.data ? (
        <ApiErrorNotice
          title={t('loadFailed')}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <>
          <p
            role="status"
            aria-live="polite"
            className="min-h-5 text-sm text-slate-700 dark:text-slate-300"
            data-testid="activity-status"
          >
            {query.isPending
              ? ''
              : query.hasNextPage
                ? t('someShown', { count: rows.length })
                : t('allShown', { count: rows.length })}
          </p>
          <ActivityTable rows={rows} pending={query.isPending} format={format} />
          {query.error && query.data && (
            <ApiErrorNotice
              title={t('loadFailed')}
              error={query.error}
              onRetry={() => void query.fetchNextPage()}
            />
          )}
          {query.hasNextPage && (
            <Button
              variant="secondary"
              onClick={() => void query.fetchNextPage()}
              disabled={query.isFetchingNextPage}
              data-testid="activity-more"
            >
              {query.isFetchingNextPage ? t('loadingMore') : t('loadMore')}
            </Button>
          )}
        </>
      )}
    </div>
  );
}

const DATE_FIELDS = ['from', 'to'] as const;
type DateField = (typeof DATE_FIELDS)[number];
/** What a date input gives: the day as YYYY-MM-DD, whatever format it shows the agent. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const FIELD =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900';

function FilterForm({
  filters,
  auditor,
  onApply,
}: {
  filters: ActivityFilters;
  auditor: boolean;
  onApply: (f: ActivityFilters) => void;
}) {
  const t = useTranslations('activity');
  const kinds = useTranslations('passcode.kinds');
  const kindsInFilter = useTranslations('passcode.kindsInFilter');
  const [draft, setDraft] = useState<ActivityFilters>(filters);
  const [badDates, setBadDates] = useState<readonly DateField[]>([]);
  const set = (key: keyof ActivityFilters) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: e.target.value || undefined });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A date input shows the date in the browser's own format and gives YYYY-MM-DD or nothing: a date typed only in
    // part gives nothing (badInput), which would silently drop the filter. Typed text in a browser without a date
    // picker may be neither.
    const form = e.currentTarget as HTMLFormElement;
    const bad = DATE_FIELDS.filter((name) => {
      const input = form.elements.namedItem(name);
      if (!(input instanceof HTMLInputElement)) return false;
      return input.validity.badInput || (input.value !== '' && !DAY.test(input.value));
    });
    setBadDates(bad);
    if (bad.length === 0) onApply(draft);
  };
  const dateError = badDates.length > 0;
  return (
    <form
      onSubmit={submit}
      // The form says what is wrong in the agent's language (below), not the browser's bubble in its own.
      noValidate
      aria-label={t('filters')}
      className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:grid-cols-4 lg:grid-cols-8 dark:border-slate-700 dark:bg-slate-900"
    >
      {auditor && (
        <label className="col-span-2 font-medium">
          {t('agent')}
          <input
            name="agent"
            type="text"
            autoComplete="off"
            className={FIELD}
            value={draft.agent ?? ''}
            onChange={set('agent')}
          />
        </label>
      )}
      <label className="col-span-2 font-medium">
        {t('device')}
        <input
          name="device"
          type="text"
          autoComplete="off"
          className={FIELD}
          value={draft.device ?? ''}
          onChange={set('device')}
        />
      </label>
      <label className="font-medium">
        {t('ticket')}
        <input
          name="ticket"
          type="text"
          autoComplete="off"
          className={FIELD}
          value={draft.ticket ?? ''}
          onChange={set('ticket')}
        />
      </label>
      <label className="font-medium">
        {t('outcome')}
        <select
          name="outcome"
          className={FIELD}
          value={draft.outcome ?? ''}
          onChange={set('outcome')}
        >
          <option value="">{t('any')}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`outcomes.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="font-medium">
        {t('kind')}
        <select name="kind" className={FIELD} value={draft.kind ?? ''} onChange={set('kind')}>
          <option value="">{t('any')}</option>
          {PASSCODE_ACTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {/* Two kinds share the admin center's name "Reset passcode": the filter tells them apart. */}
              {k === 'resetAndroidPasscode' ? kindsInFilter(k) : kinds(k)}
            </option>
          ))}
        </select>
      </label>
      <label className="font-medium">
        {t('from')}
        <input
          name="from"
          type="date"
          className={FIELD}
          value={draft.from ?? ''}
          onChange={set('from')}
          aria-invalid={badDates.includes('from') || undefined}
          aria-describedby={badDates.includes('from') ? 'activity-date-error' : undefined}
        />
      </label>
      <label className="font-medium">
        {t('to')}
        <input
          name="to"
          type="date"
          className={FIELD}
          value={draft.to ?? ''}
          onChange={set('to')}
          aria-invalid={badDates.includes('to') || undefined}
          aria-describedby={badDates.includes('to') ? 'activity-date-error' : undefined}
        />
      </label>
      <div className="col-span-2 flex items-end gap-2 sm:col-span-4 lg:col-span-8">
        <Button type="submit" size="sm">
          {t('apply')}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => onApply({})}>
          {t('clear')}
        </Button>
        {dateError && (
          <FieldError role="alert" id="activity-date-error">
            {t('invalidDate')}
          </FieldError>
        )}
      </div>
    </form>
  );
}
