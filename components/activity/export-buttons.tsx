'use client';
// Exports every action the filters select (not only the rows on screen) as CSV or JSON Lines. The file is asked
// for with the agent's tokens in headers (never in a URL), streamed by the server, and handed to the browser as a
// download.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/errors/api-error-notice';
import { Button } from '@/components/ui/button';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { filtersToParams } from '@/lib/shared/activity/filters-url';
import type { ActivityFilters, ExportFormat } from '@/lib/shared/activity/types';

export function ExportButtons({ filters }: { filters: ActivityFilters }) {
  const t = useTranslations('activity');
  const api = useApiClient();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      const params = filtersToParams(filters);
      params.set('format', format);
      const { blob, filename } = await api.download(`/api/activity/export?${params}`, {
        identity: true,
      });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      // The click has handed the file to the browser's downloads; the object URL is no longer needed.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          variant="secondary"
          disabled={busy !== null}
          onClick={() => void run('csv')}
          data-testid="export-csv"
        >
          {busy === 'csv' ? t('exporting') : t('exportCsv')}
        </Button>
        <Button
          size="sm"
          variant="secondary"
          disabled={busy !== null}
          onClick={() => void run('jsonl')}
          data-testid="export-jsonl"
        >
          {busy === 'jsonl' ? t('exporting') : t('exportJsonl')}
        </Button>
        <p className="text-xs text-slate-700 dark:text-slate-300">{t('exportHelp')}</p>
      </div>
      {error !== null && <ApiErrorNotice title={t('exportFailed')} error={error} />}
    </div>
  );
}
