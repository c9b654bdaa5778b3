'use client';
// The activity's rows: time, agent, device (a link to its page), action, ticket, outcome, the device's final state,
// Graph's request-id and the client-request-id, the caller verification, the four-eyes approval (who approved or
// denied it, when, why; or that it waits, expired or was withdrawn), Intune's own audit event on request, and
// "Copy for ticket".
import { useTranslations, type useFormatter } from 'next-intl';
import Link from 'next/link';
import { memo, useState } from 'react';
import { IntuneAuditEvent } from '@/components/actions/intune-audit-event';
import { useActionWords } from '@/components/actions/use-action-words';
import { useApprovalWords } from '@/components/actions/use-approval-words';
import { useVerificationWords } from '@/components/actions/use-verification-words';
import { Button } from '@/components/ui/button';
import type { TrackedState } from '@/lib/shared/actions/types';
import type { ActivityRow } from '@/lib/shared/activity/types';
import type { TicketSummaryInput } from '@/lib/shared/activity/ticket-summary';
import { CopyForTicket } from './copy-for-ticket';

const COLUMNS = [
  'time',
  'agent',
  'device',
  'action',
  'ticket',
  'outcome',
  'finalState',
  'requestId',
  'clientRequestId',
  'verification',
  'approval',
  'intune',
  'copy',
] as const;
/** States the device can report, which the action words know. */
const DEVICE_STATES = new Set<string>([
  'none',
  'pending',
  'canceled',
  'active',
  'done',
  'failed',
  'notSupported',
  'notConfirmed',
]);
const isTrackedState = (s: string): s is TrackedState => DEVICE_STATES.has(s);

export function ActivityTable({
  rows,
  pending,
  format,
}: {
  rows: ActivityRow[];
  pending: boolean;
  format: ReturnType<typeof useFormatter>;
}) {
  const t = useTranslations('activity');
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
      <table
        className="w-full min-w-[90rem] text-left text-sm"
        aria-busy={pending}
        data-testid="activity-table"
      >
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-700 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200">
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 font-semibold">
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Row key={r.actionId} row={r} format={format} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const Row = memo(function Row({
  row: r,
  format,
}: {
  row: ActivityRow;
  format: ReturnType<typeof useFormatter>;
}) {
  const t = useTranslations('activity');
  const words = useActionWords();
  const verificationWords = useVerificationWords();
  const approvalWords = useApprovalWords();
  const tp = useTranslations('trustPolicy');
  const [lookUp, setLookUp] = useState(false);
  const device = r.deviceName ?? r.deviceId;
  const actionLabel = r.kind ? words.action(r.kind) : r.graphAction;
  const finalState =
    r.finalState && isTrackedState(r.finalState) ? words.state(r.finalState) : null;
  const outcome = t(`outcomes.${r.outcome ?? 'none'}`);
  const summary: TicketSummaryInput = {
    actionLabel,
    graphAction: r.graphAction,
    deviceName: r.deviceName,
    deviceId: r.deviceId,
    serialNumber: r.serialNumber,
    user: r.deviceUser,
    stateLabel: finalState ?? outcome,
    requestedAt: r.requestedAt,
    finishedAt: r.finishedAt,
    agent: r.agent,
    ticket: r.ticket,
    graphRequestId: r.graphRequestId,
    clientRequestId: r.clientRequestId,
    actionId: r.actionId,
    verification: r.verification,
    approval: r.approval,
  };
  // Only an action that reached Graph can be in Intune's log.
  const sent = r.outcome === 'accepted' || r.outcome === 'unknown' || r.finalState !== null;
  return (
    <tr
      className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800"
      data-testid="activity-row"
      data-action-id={r.actionId}
    >
      <td className="whitespace-nowrap px-3 py-2">
        <time dateTime={r.requestedAt}>{format.dateTime(new Date(r.requestedAt), 'dateTime')}</time>
      </td>
      <td className="px-3 py-2" data-testid="activity-agent">
        <span className="block">{r.agent.name ?? r.agent.upn ?? '—'}</span>
        {r.agent.name && r.agent.upn && (
          <span className="block text-xs text-slate-600 dark:text-slate-400">{r.agent.upn}</span>
        )}
        {!r.agent.verified && (r.agent.upn ?? r.agent.name) && (
          <span className="block text-xs font-semibold" data-testid="activity-agent-unverified">
            {tp('agentUnverified')}
          </span>
        )}
      </td>
      <td className="px-3 py-2">
        <Link
          href={`/devices/${r.deviceId}`}
          prefetch={false}
          className="font-medium text-sky-900 hover:underline dark:text-sky-300"
        >
          {device}
        </Link>
        {r.serialNumber && (
          <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">
            {r.serialNumber}
          </span>
        )}
      </td>
      <td className="px-3 py-2" data-testid="activity-action">
        {actionLabel}
      </td>
      <td className="px-3 py-2 font-mono" data-testid="activity-ticket">
        {r.ticket ?? '—'}
      </td>
      <td className="px-3 py-2" data-testid="activity-outcome" data-outcome={r.outcome ?? ''}>
        {outcome}
      </td>
      <td className="px-3 py-2" data-testid="activity-final-state" data-state={r.finalState ?? ''}>
        {finalState ?? '—'}
      </td>
      <td className="px-3 py-2 font-mono text-xs" data-testid="activity-request-id">
        {r.graphRequestId ?? '—'}
      </td>
      <td className="px-3 py-2 font-mono text-xs">{r.clientRequestId ?? '—'}</td>
      <td
        className="px-3 py-2 text-xs"
        data-testid="activity-verification"
        data-method={r.verification?.method ?? ''}
      >
        {r.verification ? verificationWords.summary(r.verification) : '—'}
      </td>
      <td
        className="px-3 py-2 text-xs"
        data-testid="activity-approval"
        data-approval={r.approval?.state ?? ''}
      >
        {r.approval ? approvalWords.summary(r.approval) : '—'}
      </td>
      <td className="px-3 py-2 text-xs">
        {!sent ? (
          '—'
        ) : lookUp ? (
          <IntuneAuditEvent actionId={r.actionId} />
        ) : (
          <Button
            size="sm"
            variant="ghost"
            className="h-7 px-2 text-xs"
            onClick={() => setLookUp(true)}
            aria-label={t('lookUpFor', { device, ticket: r.ticket ?? '—' })}
          >
            {t('lookUp')}
          </Button>
        )}
      </td>
      <td className="px-3 py-2">
        <CopyForTicket summary={summary} size="xs" />
      </td>
    </tr>
  );
});
