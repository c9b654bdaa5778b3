'use client';
// "Verify with Verified ID" (trust.md): shown only when the server says the integration is configured. It starts a
// presentation request on the server (POST /api/verified-id/requests), shows the Request Service's QR code and
// expiry, and follows the request's status (polled until it is terminal) up to the verification the server wrote,
// which it hands to `onVerified` once. Everything it shows is what the server answered: it judges nothing itself.
import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError, Notice } from '@/components/ui/notice';
import { useErrorText } from '@/components/errors/use-error-text';
import { ApiError } from '@/lib/browser/api/api-error';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { verifiedIdQueries } from '@/lib/browser/query/verified-id-queries';
import type { ErrorInfo } from '@/lib/shared/errors';
import type { CallerVerification } from '@/lib/shared/trust/verification';
import {
  VERIFIED_ID_ERROR_CODES,
  type VerifiedIdErrorCode,
  type VerifiedIdStartResult,
  type VerifiedIdStatus,
} from '@/lib/shared/trust/verified-id';

type Started = Extract<VerifiedIdStartResult, { status: 'started' }>;

export interface VerifiedIdCheckProps {
  deviceId: string;
  /** Called once with the verification the server wrote, when the presentation verified the device's user. */
  onVerified: (verification: CallerVerification) => void;
}

export function VerifiedIdCheck({ deviceId, onVerified }: VerifiedIdCheckProps) {
  const t = useTranslations('verifiedId');
  const api = useApiClient();
  const availability = useQuery(verifiedIdQueries.availability(api));
  const [started, setStarted] = useState<Started | null>(null);
  const [starting, setStarting] = useState(false);
  // undefined: nothing to say; null: a failure that carried no answer of the console's.
  const [problem, setProblem] = useState<ErrorInfo | null | undefined>(undefined);

  if (!availability.data?.configured) return null;

  const start = async () => {
    setStarting(true);
    setProblem(undefined);
    try {
      setStarted(await api.post<Started>('/api/verified-id/requests', { deviceId }));
    } catch (e) {
      setProblem(e instanceof ApiError ? e.info : null);
    } finally {
      setStarting(false);
    }
  };

  return (
    <section className="space-y-2" data-testid="verified-id-check" aria-label={t('start')}>
      {started ? (
        <PresentationProgress
          key={started.requestId}
          started={started}
          onVerified={onVerified}
          onRestart={() => setStarted(null)}
        />
      ) : (
        <>
          <p className="text-xs text-slate-700 dark:text-slate-300">{t('intro')}</p>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => void start()}
            disabled={starting}
            data-testid="verified-id-start"
          >
            {starting ? t('starting') : t('start')}
          </Button>
        </>
      )}
      {problem !== undefined && <ProblemText info={problem} />}
    </section>
  );
}

function PresentationProgress({
  started,
  onVerified,
  onRestart,
}: {
  started: Started;
  onVerified: (verification: CallerVerification) => void;
  onRestart: () => void;
}) {
  const t = useTranslations('verifiedId');
  const format = useFormatter();
  const api = useApiClient();
  const status = useQuery(verifiedIdQueries.status(api, started.requestId));
  const handed = useRef(false);
  const verification = status.data?.verification ?? null;

  useEffect(() => {
    if (handed.current || !verification?.verified) return;
    handed.current = true;
    onVerified(verification);
  }, [verification, onVerified]);

  const current = status.data;
  const open = !current || current.status === 'waiting' || current.status === 'retrieved';
  return (
    <div data-testid="verified-id-progress" data-request-id={started.requestId}>
      {open && (
        <>
          {/* A PNG data URL from the Request Service, shown as it came: no image loader, no remote host. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={started.qrCode}
            alt={t('qrAlt')}
            width={192}
            height={192}
            className="rounded border border-slate-300 bg-white p-1 dark:border-slate-600"
            data-testid="verified-id-qr"
          />
          <p className="text-xs text-slate-700 dark:text-slate-300">
            {t('expiresAt', {
              time: format.dateTime(new Date(started.expiresAt), 'time'),
            })}{' '}
            {t('threshold', { threshold: started.threshold })}
          </p>
          <a className="text-xs underline" href={started.url}>
            {t('openOnThisDevice')}
          </a>
        </>
      )}
      <StatusLine status={current} />
      {status.error instanceof ApiError && <ProblemText info={status.error.info} />}
      {current && !open && current.status !== 'verified' && (
        <Button size="sm" variant="ghost" onClick={onRestart} className="mt-1">
          {t('startAgain')}
        </Button>
      )}
    </div>
  );
}

function StatusLine({ status }: { status: VerifiedIdStatus | undefined }) {
  const t = useTranslations('verifiedId');
  const format = useFormatter();
  const line = !status
    ? t('status.waiting')
    : status.status === 'verified'
      ? t('status.verified', {
          name: status.subject.name ?? status.subject.upn ?? status.subject.id,
        })
      : status.status === 'failed'
        ? t('status.failed', { reason: t(`failures.${status.failure ?? 'presentationError'}`) })
        : t(`status.${status.status}`);
  const variant =
    status?.status === 'verified' ? 'success' : status?.status === 'failed' ? 'error' : 'info';
  return (
    <>
      <Notice
        variant={variant}
        frame="soft"
        role="status"
        aria-live="polite"
        className="mt-2"
        data-testid="verified-id-status"
        data-status={status?.status ?? 'waiting'}
      >
        {line}
      </Notice>
      {typeof status?.score === 'number' && (
        <p className="text-xs text-slate-700 dark:text-slate-300" data-testid="verified-id-score">
          {t('score', {
            // Microsoft reports it with decimals (e.g. 90.02568): one is enough to compare with the threshold.
            score: format.number(status.score, { maximumFractionDigits: 1 }),
            threshold: status.threshold,
          })}
        </p>
      )}
    </>
  );
}

/** Why something failed: the check's own codes in its words, anything else (Graph, the network) as usual. */
function ProblemText({ info }: { info: ErrorInfo | null }) {
  const t = useTranslations('verifiedId');
  const errorText = useErrorText();
  return (
    <FieldError role="alert" className="text-xs" data-testid="verified-id-problem">
      {info === null
        ? t('errors.serviceFailed')
        : isVerifiedIdErrorCode(info.code)
          ? t(`errors.${info.code}`)
          : errorText.what(info)}
    </FieldError>
  );
}

const isVerifiedIdErrorCode = (code: string): code is VerifiedIdErrorCode =>
  (VERIFIED_ID_ERROR_CODES as readonly string[]).includes(code);
