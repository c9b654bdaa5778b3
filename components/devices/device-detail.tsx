'use client';
// One device: everything a helpdesk checks before acting, and the device's remote-action history.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { ApiErrorNotice } from '@/components/errors/api-error-notice';
import { ThrottleBanner } from '@/components/status/throttle-banner';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { useConsoleSettings } from '@/lib/browser/settings/console-settings';
import { platformOf } from '@/lib/shared/devices/platforms';
import { deviceQueries } from '@/lib/browser/query/device-queries';
import type { DeviceDetail } from '@/lib/shared/devices/types';
import { countSameNames, deviceWarnings } from '@/lib/shared/devices/warnings';
import { ActionHints } from '@/components/actions/action-hints';
import { PasscodeAction } from '@/components/actions/passcode-action-dialog';
import { PasscodeReveal } from '@/components/actions/passcode-reveal';
import { actionQueries } from '@/lib/browser/query/action-queries';
import { useActionWords } from '@/components/actions/use-action-words';
import type { ActionStatus } from '@/lib/shared/actions/types';
import type { Messages } from '@/lib/shared/i18n/catalogs';
import { ComplianceBadge } from './compliance-badge';
import { useWarningWords } from './use-warning-words';

const HISTORY_COLUMNS = ['action', 'state', 'started', 'updated'] as const;

export function DeviceDetailView({ id }: { id: string }) {
  const t = useTranslations('device');
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
      }}>← {t('back')}</Link>
      <ThrottleBanner />
      {error ? <ApiErrorNotice title={t('loadFailed')} error={error} onRetry={() => void refetch()} />
        : isPending ? <DetailSkeleton /> : <Detail device={data} now={dataUpdatedAt} />}
    </div>
  );
}

function Detail({ device: d, now }: { device: DeviceDetail; now: number }) {
  const t = useTranslations();
  const format = useFormatter();
  const warningWords = useWarningWords();
  const warnings = deviceWarnings(d, countSameNames([d]), now);
  const platform = platformOf(d);
  const date = (iso: string | null) => (iso
    ? <time dateTime={iso}>{format.dateTime(new Date(iso), 'dateTime')} ({format.relativeTime(new Date(iso), now)})</time>
    : t('device.none'));
  const yesNo = (v: boolean) => (v ? t('device.yes') : t('device.no'));
  const f = (field: keyof Messages['device']['fields']) => t(`device.fields.${field}`);
  return (
    <article aria-labelledby="device-heading" className="space-y-4">
      <header className="rounded-lg border border-slate-200 bg-white p-5">
        <h1 id="device-heading" className="text-2xl font-semibold">{d.deviceName}</h1>
        <p className="mt-1 text-slate-600">{d.userDisplayName} · {d.userPrincipalName}</p>
        {warnings.length > 0 && (
          <ul className="mt-3 space-y-1 text-sm" aria-label={t('warnings.label')}>
            {warnings.map((w) => <li key={w.kind} data-warning={w.kind} className="rounded bg-amber-50 px-2 py-1 text-amber-950">{warningWords(w).text}</li>)}
          </ul>
        )}
        <DeviceAction device={d} warnings={warnings} />
      </header>
      <div className="grid gap-4 md:grid-cols-3">
        <Section title={t('device.sections.device')}>
          <Field label={f('platform')} value={platform ? t(`platforms.${platform}`) : d.operatingSystem} />
          <Field label={f('os')} value={`${d.operatingSystem} ${d.osVersion}`} />
          <Field label={f('model')} value={d.model} />
          <Field label={f('manufacturer')} value={d.manufacturer} />
          <Field label={f('serial')} value={d.serialNumber} mono />
          <Field label={f('imei')} value={d.imei} mono />
          <Field label={f('meid')} value={d.meid} mono />
          <Field label={f('phone')} value={d.phoneNumber} />
        </Section>
        <Section title={t('device.sections.user')}>
          <Field label={f('user')} value={d.userDisplayName} />
          <Field label={f('upn')} value={d.userPrincipalName} />
          <Field label={f('email')} value={d.emailAddress} />
          <Field label={f('id')} value={d.id} mono />
        </Section>
        <Section title={t('device.sections.management')}>
          <Field label={f('ownership')} value={d.managedDeviceOwnerType === 'company' ? t('search.company') : d.managedDeviceOwnerType === 'personal' ? t('search.personal') : t('device.none')} />
          <Field label={f('enrollmentType')} value={d.deviceEnrollmentType} />
          <Field label={f('managementState')} value={d.managementState} />
          <Field label={f('enrollmentProfile')} value={d.enrollmentProfileName} />
          <Field label={f('compliance')} value={<ComplianceBadge state={d.complianceState} />} />
          <Field label={f('supervised')} value={yesNo(d.isSupervised)} />
          <Field label={f('encrypted')} value={yesNo(d.isEncrypted)} />
          <Field label={f('enrolled')} value={date(d.enrolledDateTime)} />
          <Field label={f('lastSync')} value={date(d.lastSyncDateTime)} />
        </Section>
      </div>
      <section aria-labelledby="history-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="history-heading" className="mb-3 text-lg font-semibold">{t('device.sections.history')}</h2>
        {d.deviceActionResults.length === 0 ? <p className="text-slate-600">{t('device.historyEmpty')}</p> : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-600">
              <tr>{HISTORY_COLUMNS.map((c) => <th key={c} scope="col" className="py-1 pr-4">{t(`device.historyColumns.${c}`)}</th>)}</tr>
            </thead>
            <tbody>
              {d.deviceActionResults.map((a) => (
                <tr key={a.actionName} className="border-t border-slate-100">
                  <td className="py-2 pr-4 font-mono">{a.actionName}</td>
                  <td className="py-2 pr-4">{t(`actionStates.${a.actionState}`)}</td>
                  <td className="py-2 pr-4">{a.startDateTime ? format.dateTime(new Date(a.startDateTime), 'dateTime') : t('device.none')}</td>
                  <td className="py-2 pr-4">{a.lastUpdatedDateTime ? format.dateTime(new Date(a.lastUpdatedDateTime), 'dateTime') : t('device.none')}</td>
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
  const t = useTranslations('device');
  return (
    <>
      <dt className="text-slate-600">{label}</dt>
      <dd className={mono ? 'break-all font-mono text-xs leading-5' : 'break-words'}>{value === '' ? t('none') : value}</dd>
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
  const { guardMinutes } = useConsoleSettings();
  const { data, dataUpdatedAt } = useQuery(actionQueries.device(api, device.id));
  const latest = data?.action ?? null;
  // What the confirm dialog says before the click: the action under way, or a recent one the guard still holds.
  const recent = latest && (!latest.terminal || dataUpdatedAt - Date.parse(latest.requestedAt) < guardMinutes * 60_000) ? latest : null;
  return (
    <div className="mt-4 space-y-2">
      {latest && <LatestAction initial={latest} />}
      <PasscodeAction device={device} warnings={warnings} recent={recent} variant="page" />
    </div>
  );
}

function LatestAction({ initial }: { initial: ActionStatus }) {
  const t = useTranslations('passcode');
  const format = useFormatter();
  const words = useActionWords();
  const api = useApiClient();
  const { data, dataUpdatedAt } = useQuery({ ...actionQueries.status(api, initial), enabled: !initial.terminal });
  const a = data ?? initial;
  const text = t('inProgress', {
    action: a.kind ? words.action(a.kind) : a.graphAction, time: format.dateTime(new Date(a.requestedAt), 'time'),
    who: a.actorName ?? a.actorUpn ?? '—', ticket: a.ticket ?? '—', state: words.stateInSentence(a.state),
  });
  return (
    <div>
      <p role="status" data-testid="device-action" data-state={a.state} className={a.terminal ? 'text-sm text-slate-700' : 'rounded bg-sky-50 px-3 py-2 text-sm text-sky-950'}>
        {text}
      </p>
      <ActionHints action={a} polled={dataUpdatedAt > 0} />
      {a.state === 'done' && <PasscodeReveal action={a} />}
    </div>
  );
}
