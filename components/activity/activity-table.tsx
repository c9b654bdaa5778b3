'use client';
// The activity's rows: "Copy for ticket", time, agent, device (a link to its page), action, ticket, outcome and the
// device's final state; and in each row's detail (a disclosure) Graph's request-id and the client-request-id, the
// caller verification, the four-eyes approval (who approved or denied it, when, why; or that it waits, expired or
// was withdrawn) and Intune's own audit event on request.
import { useTranslations, type useFormatter } from 'next-intl';
import Link from 'next/link';
import { memo, useState, type ReactNode } from 'react';
import { IntuneAuditEvent } from '@/components/actions/intune-audit-event';
import { useActionWords } from '@/components/actions/use-action-words';
import { useApprovalWords } from '@/components/actions/use-approval-words';
import { useVerificationWords } from '@/components/actions/use-verification-words';
import { Button } from '@/components/ui/button';
import type { TrackedState } from '@/lib/shared/actions/types';
import type { ActivityRow } from '@/lib/shared/activity/types';
import type { TicketSummaryInput } from '@/lib/shared/activity/ticket-summary';
import { CopyForTicket } from './copy-for-ticket';

/**
 * The columns every screen from 1280 px shows, Copy for ticket first (what an agent comes here for), and the row's
 * details toggle last. The rest (ids, verification, approval, Intune's audit event) sit in the row's detail, so
 * the table fits without scrolling sideways.
 */
const COLUMNS = [
  'copy',
  'time',
  'agent',
  'device',
  'action',
  'ticket',
  'outcome',
  'finalState',
  'details',
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
      <table className="w-full text-left text-sm" aria-busy={pending} data-testid="activity-table">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-700 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200">
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c}
                scope="col"
                className="px-3 py-2 font-semibold hyphens-auto"
                data-testid="activity-column"
              >
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        {/* One row group per action: its row and its detail, so both are found (and filtered) as one. */}
        {rows.map((r) => (
          <Row key={r.actionId} row={r} format={format} />
        ))}
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
  const [open, setOpen] = useState(false);
  const [lookUp, setLookUp] = useState(false);
  const device = r.deviceName ?? r.deviceId;
  const ticket = r.ticket ?? '—';
  const detailId = `activity-detail-${r.actionId}`;
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
    <tbody
      className="border-b border-slate-100 last:border-0 dark:border-slate-800"
      data-testid="activity-row"
      data-action-id={r.actionId}
    >
      <tr className="align-top">
        <td className="px-3 py-2">
          <CopyForTicket summary={summary} size="xs" />
        </td>
        <td className="whitespace-nowrap px-3 py-2">
          <time dateTime={r.requestedAt}>
            {format.dateTime(new Date(r.requestedAt), 'dateTime')}
          </time>
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
        <td className="px-3 py-2 [overflow-wrap:anywhere]">
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
        {/* A ticket reference is one token: "INC-" on one line and "40001" on the next reads as two. */}
        <td className="whitespace-nowrap px-3 py-2 font-mono" data-testid="activity-ticket">
          {ticket}
        </td>
        <td className="px-3 py-2" data-testid="activity-outcome" data-outcome={r.outcome ?? ''}>
          {outcome}
        </td>
        <td
          className="px-3 py-2"
          data-testid="activity-final-state"
          data-state={r.finalState ?? ''}
        >
          {finalState ?? '—'}
        </td>
        <td className="px-3 py-2">
          <Button
            size="sm"
            variant="ghost"
            className="h-7 px-2 text-xs"
            aria-expanded={open}
            aria-controls={detailId}
            aria-label={t('detailsFor', { device, ticket })}
            data-testid="activity-details-toggle"
            onClick={() => setOpen(!open)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
            {t('details')}
          </Button>
        </td>
      </tr>
      {/* Rendered while closed too (hidden), so the row's text can be found by what it holds. */}
      <tr id={detailId} hidden={!open} data-testid="activity-detail">
        <td colSpan={COLUMNS.length} className="px-3 pb-3 pt-0">
          <dl className="grid gap-x-6 gap-y-2 rounded-md bg-slate-50 p-3 text-xs sm:grid-cols-2 lg:grid-cols-3 dark:bg-slate-800/60">
            <Detail label={t('columns.requestId')}>
              <span className="break-all font-mono" data-testid="activity-request-id">
                {r.graphRequestId ?? '—'}
              </span>
            </Detail>
            <Detail label={t('columns.clientRequestId')}>
              <span className="break-all font-mono">{r.clientRequestId ?? '—'}</span>
            </Detail>
            <Detail label={t('columns.verification')}>
              <span data-testid="activity-verification" data-method={r.verification?.method ?? ''}>
                {r.verification ? verificationWords.summary(r.verification) : '—'}
              </span>
            </Detail>
            <Detail label={t('columns.approval')}>
              <span data-testid="activity-approval" data-approval={r.approval?.state ?? ''}>
                {r.approval ? approvalWords.summary(r.approval) : '—'}
              </span>
            </Detail>
            <Detail label={t('columns.intune')}>
              {!sent ? (
                '—'
              ) : lookUp ? (
                <IntuneAuditEvent actionId={r.actionId} />
              ) : (
                <Button
                  size="sm"
                  variant="secondary"
                  className="h-7 px-2 text-xs"
                  onClick={() => setLookUp(true)}
                  aria-label={t('lookUpFor', { device, ticket })}
                >
                  {t('lookUp')}
                </Button>
              )}
            </Detail>
          </dl>
        </td>
      </tr>
    </tbody>
  );
});

/** One fact of the row's detail: its name (the column it would have had) and its value. */
function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="font-semibold text-slate-700 dark:text-slate-300">{label}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}
