'use client';
// The device of an approval request as Graph shows it now to the approver's own token: name, model, serial, OS and
// last sync. A device the approver may not read (another Intune scope) says so, with Graph's request-id.
import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { ApiErrorNotice } from '@/components/errors/api-error-notice';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { deviceQueries } from '@/lib/browser/query/device-queries';

const TERM = 'text-slate-600 dark:text-slate-300';

export function DeviceFacts({ deviceId, now }: { deviceId: string; now: number }) {
  const t = useTranslations('approvals');
  const devices = useTranslations('devices');
  const format = useFormatter();
  const query = useQuery(deviceQueries.detail(useApiClient(), deviceId));
  const d = query.data;
  return (
    <section aria-labelledby="approval-device" data-testid="approval-device">
      <h2 id="approval-device" className="font-semibold">
        {t('detail.device')}
      </h2>
      {query.isPending && <p className={TERM}>{t('detail.deviceLoading')}</p>}
      {query.isError && (
        <ApiErrorNotice
          title={t('detail.deviceLoadFailed')}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      )}
      {d && (
        <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 [overflow-wrap:anywhere]">
          <dt className={TERM}>{t('fields.name')}</dt>
          <dd className="font-medium">{d.deviceName}</dd>
          <dt className={TERM}>{t('fields.model')}</dt>
          <dd>{[d.manufacturer, d.model].filter(Boolean).join(' ') || '–'}</dd>
          <dt className={TERM}>{t('fields.serial')}</dt>
          <dd className="font-mono">{d.serialNumber || '–'}</dd>
          <dt className={TERM}>{t('fields.os')}</dt>
          <dd>{[d.operatingSystem, d.osVersion].filter(Boolean).join(' ') || '–'}</dd>
          <dt className={TERM}>{t('fields.lastSync')}</dt>
          <dd>
            {d.lastSyncDateTime
              ? `${format.dateTime(new Date(d.lastSyncDateTime), 'dateTime')} (${format.relativeTime(new Date(d.lastSyncDateTime), now)})`
              : devices('neverSynced')}
          </dd>
        </dl>
      )}
    </section>
  );
}
