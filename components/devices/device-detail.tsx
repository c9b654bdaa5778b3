'use client';
// One device: everything a helpdesk checks before acting, and the device's remote-action history.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ApiErrorNotice } from '@/components/errors/api-error-notice';
import { ThrottleBanner } from '@/components/status/throttle-banner';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { platformOf } from '@/lib/shared/devices/platforms';
import { deviceQueries } from '@/lib/browser/query/device-queries';
import type { DeviceDetail } from '@/lib/shared/devices/types';
import { countSameNames, deviceWarnings } from '@/lib/shared/devices/warnings';
import { formatDateTime, formatRelative, formatTime } from '@/lib/shared/i18n/format';
import { messages } from '@/lib/shared/i18n/messages';
import { ActionHints } from '@/components/actions/action-hints';
import { IntuneAuditEvent } from '@/components/actions/intune-audit-event';
import { PasscodeAction } from '@/components/actions/passcode-action-dialog';
import { PasscodeReveal } from '@/components/actions/passcode-reveal';
import { actionQueries } from '@/lib/browser/query/action-queries';
import { actionLabel, stateLabel } from '@/lib/shared/actions/labels';
import type { ActionStatus, TrackedState } from '@/lib/shared/actions/types';
import { ComplianceBadge } from './compliance-badge';

const m = messages.device;
/** States of an action whose POST reached Graph: Intune may have logged it. */
const SENT_STATES: ReadonlySet<TrackedState> = new Set(['pending', 'active', 'done', 'failed', 'notSupported', 'canceled', 'verifying', 'notConfirmed']);
const f = m.fields;

export function DeviceDetailView({ id }: { id: string }) {
  const api = useApiClient();
  const { data, error, isPending, refetch, dataUpdatedAt } = useQuery(deviceQueries.detail(api, id));
  return (
    <div className="space-y-4">
      <Link href="/" className="text-sm text-sky-800 underline" onClick={(e) => {
        // Back to the same search (its state is in the previous URL) when there is one.
        if (window.history.length > 1) {
          e.preventDefault();
          window.history.back();
        }
      }}>← {m.back}</Link>
      <ThrottleBanner />
      {error ? <ApiErrorNotice title={m.loadFailed} error={error} onRetry={() => void refetch()} />
        : isPending ? <DetailSkeleton /> : <Detail device={data} now={dataUpdatedAt} />}
    </div>
  );
}

function Detail({ device: d, now }: { device: DeviceDetail; now: number }) {
  const warnings = deviceWarnings(d, countSameNames([d]), now);
  const platform = platformOf(d);
  const date = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDateTime(iso)} ({formatRelative(iso)})</time> : m.none);
  const yesNo = (v: boolean) => (v ? m.yes : m.no);
  return (
    <article aria-labelledby="device-heading" className="space-y-4">
      <header className="rounded-lg border border-slate-200 bg-white p-5">
        <h1 id="device-heading" className="text-2xl font-semibold">{d.deviceName}</h1>
        <p className="mt-1 text-slate-600">{d.userDisplayName} · {d.userPrincipalName}</p>
        {warnings.length > 0 && (
          <ul className="mt-3 space-y-1 text-sm" aria-label={messages.warnings.label}>
            {warnings.map((w) => <li key={w.kind} data-warning={w.kind} className="rounded bg-amber-50 px-2 py-1 text-amber-950">{w.text}</li>)}
          </ul>
        )}
        <DeviceAction device={d} warnings={warnings} />
      </header>
      <div className="grid gap-4 md:grid-cols-3">
        <Section title={m.sections.device}>
          <Field label={f.platform} value={platform ? messages.platforms[platform] : d.operatingSystem} />
          <Field label={f.os} value={`${d.operatingSystem} ${d.osVersion}`} />
          <Field label={f.model} value={d.model} />
          <Field label={f.manufacturer} value={d.manufacturer} />
          <Field label={f.serial} value={d.serialNumber} mono />
          <Field label={f.imei} value={d.imei} mono />
          <Field label={f.meid} value={d.meid} mono />
          <Field label={f.phone} value={d.phoneNumber} />
        </Section>
        <Section title={m.sections.user}>
          <Field label={f.user} value={d.userDisplayName} />
          <Field label={f.upn} value={d.userPrincipalName} />
          <Field label={f.email} value={d.emailAddress} />
          <Field label={f.id} value={d.id} mono />
        </Section>
        <Section title={m.sections.management}>
          <Field label={f.ownership} value={d.managedDeviceOwnerType === 'company' ? messages.search.company : d.managedDeviceOwnerType === 'personal' ? messages.search.personal : m.none} />
          <Field label={f.enrollmentType} value={d.deviceEnrollmentType} />
          <Field label={f.managementState} value={d.managementState} />
          <Field label={f.enrollmentProfile} value={d.enrollmentProfileName} />
          <Field label={f.compliance} value={<ComplianceBadge state={d.complianceState} />} />
          <Field label={f.supervised} value={yesNo(d.isSupervised)} />
          <Field label={f.encrypted} value={yesNo(d.isEncrypted)} />
          <Field label={f.enrolled} value={date(d.enrolledDateTime)} />
          <Field label={f.lastSync} value={date(d.lastSyncDateTime)} />
        </Section>
      </div>
      <section aria-labelledby="history-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="history-heading" className="mb-3 text-lg font-semibold">{m.sections.history}</h2>
        {d.deviceActionResults.length === 0 ? <p className="text-slate-600">{m.historyEmpty}</p> : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-600">
              <tr>{Object.values(m.historyColumns).map((c) => <th key={c} scope="col" className="py-1 pr-4">{c}</th>)}</tr>
            </thead>
            <tbody>
              {d.deviceActionResults.map((a) => (
                <tr key={a.actionName} className="border-t border-slate-100">
                  <td className="py-2 pr-4 font-mono">{a.actionName}</td>
                  <td className="py-2 pr-4">{messages.actionStates[a.actionState]}</td>
                  <td className="py-2 pr-4">{a.startDateTime ? formatDateTime(a.startDateTime) : m.none}</td>
                  <td className="py-2 pr-4">{a.lastUpdatedDateTime ? formatDateTime(a.lastUpdatedDateTime) : m.none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="mb-3 text-lg font-semibold">{title}</h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">{children}</dl>
    </section>
  );
}

function Field({ label, value, mono = false }: { label: string; value: ReactNode; mono?: boolean }) {
  return (
    <>
      <dt className="text-slate-600">{label}</dt>
      <dd className={mono ? 'break-all font-mono text-xs leading-5' : 'break-words'}>{value === '' ? m.none : value}</dd>
    </>
  );
}

function DetailSkeleton() {
  return (
    <div aria-hidden="true" className="space-y-4">
      <div className="h-28 animate-pulse rounded-lg bg-slate-200" />
      <div className="grid gap-4 md:grid-cols-3">{[0, 1, 2].map((i) => <div key={i} className="h-72 animate-pulse rounded-lg bg-slate-200" />)}</div>
    </div>
  );
}

/**
 * The device's passcode action (or why it has none), and, once one was requested, who asked for it, where it
 * stands, and its temporary passcode when it is a done Android reset. The button stays while an action is under
 * way, so its dialog can show its result; a second request meets the device guard, which asks for a reason.
 */
function DeviceAction({ device, warnings }: { device: DeviceDetail; warnings: ReturnType<typeof deviceWarnings> }) {
  const api = useApiClient();
  const { data } = useQuery(actionQueries.device(api, device.id));
  const latest = data?.action ?? null;
  return (
    <div className="mt-4 space-y-2">
      {latest && <LatestAction initial={latest} />}
      <PasscodeAction device={device} warnings={warnings} variant="page" />
    </div>
  );
}

function LatestAction({ initial }: { initial: ActionStatus }) {
  const api = useApiClient();
  const { data, dataUpdatedAt } = useQuery({ ...actionQueries.status(api, initial), enabled: !initial.terminal });
  const a = data ?? initial;
  const text = messages.passcode.inProgress(
    a.kind ? actionLabel(a.kind) : a.graphAction, formatTime(a.requestedAt),
    a.actorName ?? a.actorUpn ?? '—', a.ticket ?? '—', stateLabel(a.state).toLowerCase(),
  );
  return (
    <div>
      <p role="status" data-testid="device-action" data-state={a.state} className={a.terminal ? 'text-sm text-slate-700' : 'rounded bg-sky-50 px-3 py-2 text-sm text-sky-950'}>
        {text}
      </p>
      <ActionHints action={a} polled={dataUpdatedAt > 0} />
      {SENT_STATES.has(a.state) && <IntuneAuditEvent actionId={a.actionId} />}
      {a.state === 'done' && <PasscodeReveal action={a} />}
    </div>
  );
}
