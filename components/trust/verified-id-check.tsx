'use client';
// "Verify with Verified ID" (trust.md): shown only when the server says the integration is configured. It starts a
// presentation request on the server (server action), shows the Request Service's QR code and expiry, and follows
// the request's status (polled until it is terminal) up to the verification the server wrote, which it hands to
// `onVerified` once. Everything it shows is what the server answered: it judges nothing itself.
import { useMsal } from '@azure/msal-react';
import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError, Notice } from '@/components/ui/notice';
import { useErrorText } from '@/components/errors/use-error-text';
import { ApiError } from '@/lib/browser/api/api-error';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { verifiedIdQueries } from '@/lib/browser/query/verified-id-queries';
import { SIGN_IN_SCOPES } from '@/lib/shared/auth/scopes';
import type { CallerVerification } from '@/lib/shared/trust/verification';
import {
  VERIFIED_ID_ERROR_CODES,
  type VerifiedIdErrorCode,
  type VerifiedIdStartResult,
  type VerifiedIdStatus,
} from '@/lib/shared/trust/verified-id';
import { startVerifiedId } from './verified-id/actions';

type Started = Extract<VerifiedIdStartResult, { status: 'started' }>;

export interface VerifiedIdCheckProps {
  deviceId: string;
  /** Called once with the verification the server wrote, when the presentation verified the device's user. */
  onVerified: (verification: CallerVerification) => void;
}

export function VerifiedIdCheck({ deviceId, onVerified }: VerifiedIdCheckProps) {
  const t = useTranslations('verifiedId');
  const api = useApiClient();
  const { instance, accounts } = useMsal();
  const availability = useQuery(verifiedIdQueries.availability(api));
  const [started, setStarted] = useState<Started | null>(null);
  const [starting, setStarting] = useState(false);
  const [refusal, setRefusal] = useState<VerifiedIdErrorCode | null>(null);

  if (!availability.data?.configured) return null;

  const start = async () => {
    setStarting(true);
    setRefusal(null);
    try {
      const account = instance.getActiveAccount() ?? accounts[0];
      if (!account) {
        setRefusal('signInRequired');
        return;
      }
      const { accessToken } = await instance.acquireTokenSilent({
        scopes: SIGN_IN_SCOPES,
        account,
      });
      const result = await startVerifiedId(deviceId, accessToken);
      if (result.status === 'started') setStarted(result);
      else setRefusal(result.code);
    } catch {
      setRefusal('signInRequired');
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
      {refusal && (
        <FieldError role="alert" className="text-xs">
          {t(`errors.${refusal}`)}
        </FieldError>
      )}
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
          {/* A data URL from the Request Service, shown as it came: no loader, no remote host. */}
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
              time: format.dateTime(new Date(started.expiresAt), { timeStyle: 'short' }),
            })}{' '}
            {t('threshold', { threshold: started.threshold })}
          </p>
          <a className="text-xs underline" href={started.url}>
            {t('openOnThisDevice')}
          </a>
        </>
      )}
      <StatusLine status={current} error={status.error} />
      {current && !open && current.status !== 'verified' && (
        <Button size="sm" variant="ghost" onClick={onRestart} className="mt-1">
          {t('startAgain')}
        </Button>
      )}
    </div>
  );
}

function StatusLine({
  status,
  error,
}: {
  status: VerifiedIdStatus | undefined;
  error: Error | null;
}) {
  const t = useTranslations('verifiedId');
  const format = useFormatter();
  const errorText = useErrorText();
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
      {error instanceof ApiError && (
        <FieldError role="alert" className="text-xs">
          {isVerifiedIdErrorCode(error.info.code)
            ? t(`errors.${error.info.code}`)
            : errorText.what(error.info)}
        </FieldError>
      )}
    </>
  );
}

const isVerifiedIdErrorCode = (code: string): code is VerifiedIdErrorCode =>
  (VERIFIED_ID_ERROR_CODES as readonly string[]).includes(code);
