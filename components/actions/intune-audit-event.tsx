'use client';
// Intune's own audit event beside the console's record of an action (who, when, which app), tied by the
// client-request-id the console sent. Reading Intune's audit log needs DeviceManagementApps.Read.All: asked for
// here, on the agent's click, and explained instead when the agent may not have it.
import { useMsal } from '@azure/msal-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ApiError } from '@/lib/browser/api/api-error';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { actionQueries } from '@/lib/browser/query/action-queries';
import { GRAPH_SCOPES } from '@/lib/shared/auth/scopes';
import { formatDateTime } from '@/lib/shared/i18n/format';
import { messages } from '@/lib/shared/i18n/messages';

const m = messages.intuneAudit;

export function IntuneAuditEvent({ actionId }: { actionId: string }) {
  const api = useApiClient();
  const { instance, accounts } = useMsal();
  const [refused, setRefused] = useState(false);
  const { data, error, isPending, refetch } = useQuery(actionQueries.intuneAudit(api, actionId));
  const needsPermission = error instanceof ApiError && error.info.reason === 'missingPermission';

  const allow = async () => {
    const account = instance.getActiveAccount() ?? accounts[0];
    try {
      await instance.acquireTokenPopup({ scopes: [GRAPH_SCOPES.auditLog], ...(account ? { account } : {}) });
      setRefused(false);
      await refetch();
    } catch {
      setRefused(true);
    }
  };

  let body;
  if (isPending) body = <span>{m.loading}</span>;
  else if (needsPermission) {
    body = refused ? <span>{m.refused}</span> : (
      <>
        <span>{m.needsPermission}</span>{' '}
        <Button size="sm" variant="secondary" onClick={() => void allow()}>{m.allow}</Button>
      </>
    );
  } else if (error) body = <span>{m.failed}</span>;
  else if (!data?.event) body = <span>{m.notYet}</span>;
  else {
    const e = data.event;
    body = <span>{m.event(e.activity, e.actor.userPrincipalName ?? '—', e.actor.applicationDisplayName ?? '—', e.activityDateTime ? formatDateTime(e.activityDateTime) : '—', e.activityResult)}</span>;
  }
  return <p className="mt-1 text-xs text-slate-700" data-testid="intune-audit-event">{m.label}: {body}</p>;
}
