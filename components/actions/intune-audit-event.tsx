'use client';
// Intune's own audit event beside the console's record of an action (who, when, which app), tied by the
// client-request-id the console sent. Reading Intune's audit log needs DeviceManagementApps.Read.All: asked for
// here, on the agent's click, and explained instead when the agent may not have it.
import { useMsal } from '@azure/msal-react';
import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ApiError } from '@/lib/browser/api/api-error';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { actionQueries } from '@/lib/browser/query/action-queries';
import { GRAPH_SCOPES } from '@/lib/shared/auth/scopes';

export function IntuneAuditEvent({ actionId }: { actionId: string }) {
  const t = useTranslations('intuneAudit');
  const format = useFormatter();
  const api = useApiClient();
  const { instance, accounts } = useMsal();
  const [refused, setRefused] = useState(false);
  const { data, error, isPending, refetch } = useQuery(actionQueries.intuneAudit(api, actionId));
  const needsPermission = error instanceof ApiError && error.info.reason === 'missingPermission';

  const allow = async () => {
    const account = instance.getActiveAccount() ?? accounts[0];
    try {
      await instance.acquireTokenPopup({
        scopes: [GRAPH_SCOPES.auditLog],
        ...(account ? { account } : {}),
      });
      setRefused(false);
      await refetch();
    } catch {
      setRefused(true);
    }
  };

  let body;
  if (isPending) body = <span>{t('loading')}</span>;
  else if (needsPermission) {
    body = refused ? (
      <span>{t('refused')}</span>
    ) : (
      <>
        <span>{t('needsPermission')}</span>{' '}
        <Button size="sm" variant="secondary" onClick={() => void allow()}>
          {t('allow')}
        </Button>
      </>
    );
  } else if (error) body = <span>{t('failed')}</span>;
  else if (!data?.event) body = <span>{t('notYet')}</span>;
  else {
    const e = data.event;
    body = (
      <span>
        {t('event', {
          activity: e.activity,
          who: e.actor.userPrincipalName ?? '—',
          app: e.actor.applicationDisplayName ?? '—',
          when: e.activityDateTime
            ? format.dateTime(new Date(e.activityDateTime), 'dateTime')
            : '—',
          result: e.activityResult,
        })}
      </span>
    );
  }
  return (
    <p className="mt-1 text-xs text-slate-700 dark:text-slate-300" data-testid="intune-audit-event">
      {t('label')}: {body}
    </p>
  );
}
