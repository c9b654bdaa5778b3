'use client';
// A device's timeline as the server merged it: filters by kind, a pinned wipe or retire above everything, the
// entries newest first, and every source that could not be read said plainly (with Graph's request-id), so an
// unreadable source never looks like a quiet device.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/errors/api-error-notice';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { actionQueries } from '@/lib/browser/query/action-queries';
import { timelineQueries } from '@/lib/browser/query/timeline-queries';
import { timelineView } from '@/lib/shared/timeline/filter';
import { TIMELINE_KINDS, type TimelineKind } from '@/lib/shared/timeline/types';
import { PinnedItem, TimelineItem } from './timeline-item';
import { UnavailableSource } from './unavailable-source';

export function DeviceTimeline({ deviceId }: { deviceId: string }) {
  const t = useTranslations('timeline');
  const api = useApiClient();
  // The device page reads the console's newest action on the device already (the same cache entry): when the
  // agent starts one, the timeline is read again, showing the previous one meanwhile.
  const latest = useQuery(actionQueries.device(api, deviceId));
  const { data, error, isPending, refetch } = useQuery({
    ...timelineQueries.device(api, deviceId, latest.data?.action?.actionId ?? null),
    enabled: !latest.isPending,
    placeholderData: keepPreviousData,
  });
  const [shown, setShown] = useState<ReadonlySet<TimelineKind>>(() => new Set(TIMELINE_KINDS));
  const toggle = (kind: TimelineKind, on: boolean) =>
    setShown((prev) => {
      const next = new Set(prev);
      if (on) next.add(kind);
      else next.delete(kind);
      return next;
    });

  let body;
  if (isPending) body = <p className="text-slate-700 dark:text-slate-300">{t('loading')}</p>;
  else if (error)
    body = <ApiErrorNotice title={t('loadFailed')} error={error} onRetry={() => void refetch()} />;
  else {
    const view = timelineView(data, shown);
    const now = Date.parse(data.readAt);
    body = (
      <>
        {view.unavailable.length > 0 && (
          <ul className="mb-3 space-y-2" aria-label={t('notNothing')}>
            {view.unavailable.map((s) => (
              <UnavailableSource key={s.kind} source={s} onRetry={() => void refetch()} />
            ))}
          </ul>
        )}
        {view.neverCheckedIn && (
          <p className="mb-3 text-sm" data-testid="timeline-never-checked-in">
            {t('neverCheckedIn')}
          </p>
        )}
        {view.pinned || view.entries.length > 0 ? (
          <ol className="space-y-2" data-testid="timeline-entries">
            {view.pinned && <PinnedItem pinned={view.pinned} now={now} />}
            {view.entries.map((e, i) => (
              <TimelineItem key={`${e.kind}-${e.at ?? ''}-${i}`} entry={e} now={now} />
            ))}
          </ol>
        ) : (
          <p className="text-slate-700 dark:text-slate-300">{t('empty')}</p>
        )}
      </>
    );
  }

  return (
    <section
      aria-labelledby="timeline-heading"
      data-testid="device-timeline"
      className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="timeline-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <p className="mb-3 mt-1 text-sm text-slate-700 dark:text-slate-300">{t('intro')}</p>
      <fieldset className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <legend className="sr-only">{t('filters')}</legend>
        <span aria-hidden="true" className="font-medium">
          {t('filters')}:
        </span>
        {TIMELINE_KINDS.map((kind) => (
          <label key={kind} className="inline-flex items-center gap-1.5">
            <input
              type="checkbox"
              className="h-4 w-4 accent-sky-700"
              checked={shown.has(kind)}
              onChange={(e) => toggle(kind, e.target.checked)}
              data-kind={kind}
            />
            {t(`kinds.${kind}`)}
          </label>
        ))}
      </fieldset>
      {body}
    </section>
  );
}
