'use client';
// Tells a person what went wrong, what to do, and what support needs (Graph's request-id, Intune's Operation and
// Activity IDs, and the time),
// with a button that copies those details for a ticket.
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ApiError } from '@/lib/browser/api/api-error';
import { errorInfo, type ErrorInfo } from '@/lib/shared/errors';
import { useErrorText } from './use-error-text';
import { Notice } from '@/components/ui/notice';

/** `detail`, when given, says what happened instead of the sentence for the error's code. */
/** Only a failure that may pass by itself is worth a "Try again": a refusal (403, 400, 404) stays a refusal. */
function retryable(info: ErrorInfo): boolean {
  return info.status === 0 || info.status === 408 || info.status === 429 || info.status >= 500;
}

export function ApiErrorNotice({
  title,
  error,
  detail,
  onRetry,
}: {
  title: string;
  error: unknown;
  detail?: string;
  onRetry?: () => void;
}) {
  const t = useTranslations('errors');
  const format = useFormatter();
  const text = useErrorText();
  const [copied, setCopied] = useState(false);
  const info: ErrorInfo =
    error instanceof ApiError
      ? error.info
      : errorInfo(0, 'clientError', error instanceof Error ? error.message : String(error), {
          date: null,
        });
  const when =
    info.date && !Number.isNaN(Date.parse(info.date))
      ? format.dateTime(new Date(info.date), 'dateTime')
      : null;
  const details = [
    `${title} (${info.status} ${info.code}): ${info.message}`,
    info.requestId ? `Request ID: ${info.requestId}` : null,
    info.clientRequestId ? `client-request-id: ${info.clientRequestId}` : null,
    info.operationId ? `Operation ID: ${info.operationId}` : null,
    info.activityId ? `Activity ID: ${info.activityId}` : null,
    info.date ? `Date: ${info.date}` : null,
  ]
    .filter(Boolean)
    .join('\n');

  return (
    <Notice as="div" variant="error" role="alert" className="p-4">
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{detail ?? text.what(info)}</p>
      {text.advice(info) && <p className="mt-1">{text.advice(info)}</p>}
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 font-mono text-xs">
        {info.requestId && (
          <>
            <dt>{t('requestId')}</dt>
            <dd data-testid="error-request-id">{info.requestId}</dd>
          </>
        )}
        {info.operationId && (
          <>
            <dt>{t('operationId')}</dt>
            <dd data-testid="error-operation-id">{info.operationId}</dd>
          </>
        )}
        {info.activityId && (
          <>
            <dt>{t('activityId')}</dt>
            <dd data-testid="error-activity-id">{info.activityId}</dd>
          </>
        )}
        {when && (
          <>
            <dt>{t('time')}</dt>
            <dd>{when}</dd>
          </>
        )}
      </dl>
      <div className="mt-3 flex gap-2">
        {onRetry && retryable(info) && (
          <Button size="sm" onClick={onRetry}>
            {t('retry')}
          </Button>
        )}
        <Button
          size="sm"
          variant="secondary"
          onClick={() =>
            void navigator.clipboard.writeText(details).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('copied') : t('copyDetails')}
        </Button>
      </div>
    </Notice>
  );
}
