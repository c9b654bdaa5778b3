'use client';
// Tells a person what went wrong, what to do, and what support needs (Graph's request-id and the time),
// with a button that copies those details for a ticket.
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ApiError } from '@/lib/browser/api/api-error';
import { errorInfo, type ErrorInfo } from '@/lib/shared/errors';
import { formatDateTime } from '@/lib/shared/i18n/format';
import { messages } from '@/lib/shared/i18n/messages';

const m = messages.errors;

function advice(info: ErrorInfo): string {
  if (info.status === 401) return m.unauthorized;
  if (info.reason === 'missingPermission') return m.missingPermission;
  if (info.reason === 'outsideScope') return m.outsideScope;
  if (info.reason === 'noIntuneRole') return m.noIntuneRole;
  if (info.status === 403) return m.forbidden;
  if (info.status === 400) return m.badRequest;
  if (info.status === 429) return m.throttled;
  if (info.status >= 500) return m.unavailable;
  return m.generic;
}

export function ApiErrorNotice({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  const [copied, setCopied] = useState(false);
  const info: ErrorInfo = error instanceof ApiError ? error.info
    : errorInfo(0, 'clientError', error instanceof Error ? error.message : String(error), { date: null });
  const when = info.date && !Number.isNaN(Date.parse(info.date)) ? formatDateTime(info.date) : null;
  const details = [
    `${title} (${info.status} ${info.code}): ${info.message}`,
    info.requestId ? `${m.requestId}: ${info.requestId}` : null,
    info.clientRequestId ? `client-request-id: ${info.clientRequestId}` : null,
    info.operationId ? `${m.operationId}: ${info.operationId}` : null,
    info.activityId ? `${m.activityId}: ${info.activityId}` : null,
    info.date ? `${m.time}: ${info.date}` : null,
  ].filter(Boolean).join('\n');

  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-950">
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{info.message}</p>
      <p className="mt-1">{advice(info)}</p>
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 font-mono text-xs">
        {info.requestId && (<><dt>{m.requestId}</dt><dd data-testid="error-request-id">{info.requestId}</dd></>)}
        {info.operationId && (<><dt>{m.operationId}</dt><dd data-testid="error-operation-id">{info.operationId}</dd></>)}
        {info.activityId && (<><dt>{m.activityId}</dt><dd data-testid="error-activity-id">{info.activityId}</dd></>)}
        {when && (<><dt>{m.time}</dt><dd>{when}</dd></>)}
      </dl>
      <div className="mt-3 flex gap-2">
        {onRetry && <Button size="sm" onClick={onRetry}>{m.retry}</Button>}
        <Button
          size="sm"
          variant="secondary"
          onClick={() => void navigator.clipboard.writeText(details).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? m.copied : m.copyDetails}
        </Button>
      </div>
    </div>
  );
}
