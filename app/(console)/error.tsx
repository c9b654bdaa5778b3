'use client';
// Renders a failure of a console page (for example a misconfigured deployment) without a stack trace.
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

export default function ConsoleError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations('errors');
  return (
    <div
      role="alert"
      className="mx-auto mt-16 max-w-lg rounded-lg border border-red-200 bg-white p-6 dark:border-red-800 dark:bg-slate-900"
    >
      <h1 className="text-lg font-semibold text-red-900 dark:text-red-200">{t('generic')}</h1>
      {error.digest && (
        <p className="mt-2 font-mono text-xs text-slate-700 dark:text-slate-300">
          {t('digest')}: {error.digest}
        </p>
      )}
      <Button className="mt-4" onClick={reset}>
        {t('retry')}
      </Button>
    </div>
  );
}
