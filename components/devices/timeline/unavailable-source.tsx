'use client';
// A timeline source that could not be read, said plainly: which source, why (a permission the sign-in lacks,
// Intune's refusal, a wait Graph asked for, a failure), what Graph said, and its request-id to quote. Intune's
// audit log needs a permission beyond the sign-in's: it is asked for here, on the agent's click.
import { useMsal } from '@azure/msal-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorText } from '@/components/errors/use-error-text';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { GRAPH_SCOPES } from '@/lib/shared/auth/scopes';
import type { SourceStatus } from '@/lib/shared/timeline/types';

export function UnavailableSource({
  source: s,
  onRetry,
}: {
  source: Extract<SourceStatus, { available: false }>;
  onRetry: () => void;
}) {
  const t = useTranslations('timeline');
  const te = useTranslations('errors');
  const text = useErrorText();
  const { instance, accounts } = useMsal();
  const [refused, setRefused] = useState(false);
  const askable = s.kind === 'auditLog' && s.reason === 'missingPermission';

  const allow = async () => {
    const account = instance.getActiveAccount() ?? accounts[0];
    try {
      await instance.acquireTokenPopup({
        scopes: [GRAPH_SCOPES.auditLog],
        ...(account ? { account } : {}),
      });
      setRefused(false);
      onRetry();
    } catch {
      setRefused(true);
    }
  };

  return (
    <Notice
      as="li"
      variant="warning"
      data-testid="timeline-unavailable"
      data-source={s.kind}
      data-reason={s.reason}
    >
      <strong>{t('unavailableTitle', { source: t(`sources.${s.kind}`) })}</strong>{' '}
      {t(`unavailable.${s.reason}`)} {t('notNothing')}
      {s.reason !== 'missingPermission' && <span className="block">{text.what(s.error)}</span>}
      {s.kind === 'adminCenter' && s.reason === 'failed' && (
        <span className="block">{t('betaNote')}</span>
      )}
      {s.error.requestId && (
        <span className="block font-mono text-xs">
          {te('requestId')}: <span data-testid="timeline-request-id">{s.error.requestId}</span>
        </span>
      )}
      {askable && refused && <span className="block">{t('refused')}</span>}
      {(askable || s.reason === 'throttled' || s.reason === 'failed') && (
        <span className="mt-2 flex gap-2">
          {askable && !refused && (
            <Button size="sm" variant="secondary" onClick={() => void allow()}>
              {t('allow')}
            </Button>
          )}
          {!askable && (
            <Button size="sm" variant="secondary" onClick={onRetry}>
              {t('retry')}
            </Button>
          )}
        </span>
      )}
    </Notice>
  );
}
