'use client';
// One device: everything a helpdesk checks before acting, the user's other devices of the same name (a
// re-enrolment leaves two; the server finds them), whether the user whose list it came from is not its primary user, a link into the Intune admin center for escalation, and the device's action history,
// which shows a passcode action from the moment it is requested, with who requested it.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { DeviceAction } from '@/components/actions/device-action-panel';
import {
  ActionName,
  ConsoleActionRow,
  isConsoleAction,
  useConsoleAction,
} from '@/components/actions/history-action-row';
import { ApiErrorNotice } from '@/components/errors/api-error-notice';
import { ThrottleBanner } from '@/components/status/throttle-banner';
import { Notice } from '@/components/ui/notice';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { actionQueries } from '@/lib/browser/query/action-queries';
import { deviceQueries } from '@/lib/browser/query/device-queries';
import { useConsoleSettings } from '@/lib/browser/settings/console-settings';
import type { ActionStatus } from '@/lib/shared/actions/types';
import { intuneDeviceUrl } from '@/lib/shared/devices/intune-link';
import { platformOf } from '@/lib/shared/devices/platforms';
import type { DeviceDetail, DeviceDetailAnswer, TwinRef } from '@/lib/shared/devices/types';
import { deviceWarnings } from '@/lib/shared/devices/warnings';
import type { Messages } from '@/lib/shared/i18n/catalogs';
import { ComplianceBadge } from './compliance-badge';
import { DeviceTimelineSlot } from './timeline/device-timeline-slot';
import { useEnumWords } from './use-enum-words';
import { useWarningWords } from './use-warning-words';

const HISTORY_COLUMNS = ['action', 'state', 'started', 'updated', 'requestedBy'] as const;
const HISTORY_CELL = 'py-2 pr-4 align-top';

export function DeviceDetailView({ id, listedFor }: { id: string; listedFor: string | null }) {
  const t = useTranslations('device');
  const api = useApiClient();
  const { data, error, isPending, refetch, dataUpdatedAt } = useQuery(
    deviceQueries.detail(api, id, listedFor),
  );
  return (
    <div className="space-y-4">
      <Link
        href="/"
        className="text-sm text-sky-800 underline dark:text-sky-300"
        onClick={(e) => {
          // Back to the same search (its state is in the previous URL) when there is one.
          if (window.history.length > 1) {
            e.preventDefault();
            window.history.back();
          }
        }}
      >
        ← {t('back')}
      </Link>
      <ThrottleBanner />
      {error ? (
        <ApiErrorNotice title={t('loadFailed')} error={error} onRetry={() => void refetch()} />
      ) : isPending ? (
        <DetailSkeleton />
      ) : (
        <Detail device={data} now={dataUpdatedAt} />
      )}
    </div>
  );
}

function Detail({ device: d, now }: { device: DeviceDetailAnswer; now: number }) {
  const t = useTranslations();
  const format = useFormatter();
  const api = useApiClient();
  const { tenantId } = useConsoleSettings();
  const warningWords = useWarningWords();
  const enumWords = useEnumWords();
  // The user's other devices of the same name, as the server found them.
  const siblings = d.twins?.others ?? [];
  const warnings = deviceWarnings(d, now);
  const { data: latestData, dataUpdatedAt: latestAt } = useQuery(actionQueries.device(api, d.id));
  const latest = latestData?.action ?? null;
  const platform = platformOf(d);
  const date = (iso: string | null) =>
    iso ? (
      <time dateTime={iso}>
        {format.dateTime(new Date(iso), 'dateTime')} ({format.relativeTime(new Date(iso), now)})
      </time>
    ) : (
      t('device.none')
    );
  const yesNo = (v: boolean) => (v ? t('device.yes') : t('device.no'));
  const f = (field: keyof Messages['device']['fields']) => t(`device.fields.${field}`);
  return (
    <article aria-labelledby="device-heading" className="space-y-4">
      <header className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 id="device-heading" className="break-words text-2xl font-semibold">
              {d.deviceName}
            </h1>
            <p className="mt-1 break-words text-slate-700 dark:text-slate-300">
              {d.userDisplayName} · {d.userPrincipalName}
            </p>
          </div>
          <a
            href={intuneDeviceUrl(tenantId, d.id)}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="open-in-intune"
            aria-label={t('devicePage.openInIntuneFor', {
              device: d.deviceName,
              serial: d.serialNumber || t('device.none'),
            })}
            className="inline-flex h-9 shrink-0 items-center gap-1 rounded-md border border-slate-400 px-3 text-sm font-medium text-sky-900 hover:bg-slate-100 dark:border-slate-500 dark:text-sky-200 dark:hover:bg-slate-800"
          >
            {t('devicePage.openInIntune')}
            <span aria-hidden="true">↗</span>
          </a>
        </div>
        {warnings.length > 0 && (
          <ul className="mt-3 space-y-1 text-sm" aria-label={t('warnings.label')}>
            {warnings.map((w) => (
              <Notice key={w.kind} as="li" variant="warning" frame="soft" data-warning={w.kind}>
                {warningWords(w).text}
              </Notice>
            ))}
          </ul>
        )}
        {siblings.length > 0 && <Siblings device={d} siblings={siblings} now={now} />}
        <DeviceAction device={d} warnings={warnings} latest={latest} readAt={latestAt} />
      </header>
      <div className="grid gap-4 md:grid-cols-3">
        <Section title={t('device.sections.device')}>
          <Field
            label={f('platform')}
            value={platform ? t(`platforms.${platform}`) : d.operatingSystem}
          />
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
          <Field
            label={f('ownership')}
            value={
              d.managedDeviceOwnerType === 'company'
                ? t('search.company')
                : d.managedDeviceOwnerType === 'personal'
                  ? t('search.personal')
                  : t('device.none')
            }
          />
          <Field
            label={f('enrollmentType')}
            value={enumWords.enrollmentType(d.deviceEnrollmentType)}
          />
          <Field
            label={f('managementState')}
            value={enumWords.managementState(d.managementState)}
          />
          <Field label={f('enrollmentProfile')} value={d.enrollmentProfileName} />
          <Field label={f('compliance')} value={<ComplianceBadge state={d.complianceState} />} />
          <Field label={f('supervised')} value={yesNo(d.isSupervised)} />
          <Field label={f('encrypted')} value={yesNo(d.isEncrypted)} />
          <Field label={f('enrolled')} value={date(d.enrolledDateTime)} />
          <Field label={f('lastSync')} value={date(d.lastSyncDateTime)} />
        </Section>
      </div>
      <History device={d} latest={latest} />
      <DeviceTimelineSlot deviceId={d.id} />
    </article>
  );
}

function Siblings({
  device: d,
  siblings,
  now,
}: {
  device: DeviceDetail;
  siblings: TwinRef[];
  now: number;
}) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <section aria-labelledby="siblings-heading" className="mt-3 text-sm" data-testid="siblings">
      <h2 id="siblings-heading" className="font-semibold">
        {t('devicePage.siblings', { name: d.deviceName })}
      </h2>
      <ul className="mt-1 space-y-1">
        {siblings.map((s) => (
          <li key={s.id}>
            {/* The visible words are the accessible name: "Zoë's iPhone, serial C39XK2…" (WCAG 2.5.3). */}
            <Link
              href={`/devices/${s.id}`}
              prefetch={false}
              className="text-sky-800 underline dark:text-sky-300"
            >
              {t('devicePage.siblingLink', {
                name: d.deviceName,
                serial: s.serialNumber || t('device.none'),
              })}
            </Link>
            <span className="text-slate-700 dark:text-slate-300">
              {' '}
              (
              {t('devicePage.siblingLastSync', {
                when: s.lastSyncDateTime
                  ? format.relativeTime(new Date(s.lastSyncDateTime), now)
                  : t('devices.neverSynced'),
              })}
              )
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The device's remote actions: the console's passcode action from the moment it is requested (tracked live, with
 * who asked and for which ticket), then every other entry Graph lists, such as actions started in the admin center.
 */
function History({ device: d, latest }: { device: DeviceDetail; latest: ActionStatus | null }) {
  const t = useTranslations();
  const format = useFormatter();
  const enumWords = useEnumWords();
  const ours = useConsoleAction(latest);
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), 'dateTime') : t('device.none');
  const others = d.deviceActionResults.filter((r) => !isConsoleAction(r, ours));
  return (
    <section
      aria-labelledby="history-heading"
      className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="history-heading" className="mb-3 text-lg font-semibold">
        {t('device.sections.history')}
      </h2>
      {!ours && others.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">{t('device.historyEmpty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="action-history">
            <thead className="text-xs uppercase text-slate-700 dark:text-slate-300">
              <tr>
                {HISTORY_COLUMNS.map((c) => (
                  <th key={c} scope="col" className="py-1 pr-4">
                    {c === 'requestedBy'
                      ? t('devicePage.requestedBy')
                      : t(`device.historyColumns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ours && <ConsoleActionRow action={ours} cell={HISTORY_CELL} when={when} />}
              {others.map((a) => (
                <tr
                  key={`${a.actionName}-${a.startDateTime ?? ''}`}
                  className="border-t border-slate-200 dark:border-slate-700"
                >
                  <td className={HISTORY_CELL}>
                    <ActionName name={a.actionName} word={enumWords.action(a.actionName)} />
                  </td>
                  <td className={HISTORY_CELL}>{t(`actionStates.${a.actionState}`)}</td>
                  <td className={HISTORY_CELL}>{when(a.startDateTime)}</td>
                  <td className={HISTORY_CELL}>{when(a.lastUpdatedDateTime)}</td>
                  <td className={HISTORY_CELL}>{t('devicePage.elsewhere')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900">
      <h2 className="mb-3 text-lg font-semibold">{title}</h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">{children}</dl>
    </section>
  );
}

function Field({
  label,
  value,
  mono = false,
}: {
  label: string;
  value: ReactNode;
  mono?: boolean;
}) {
  const t = useTranslations('device');
  return (
    <>
      <dt className="text-slate-700 dark:text-slate-300">{label}</dt>
      <dd className={mono ? 'break-all font-mono text-xs leading-5' : 'break-words'}>
        {value === '' ? t('none') : value}
      </dd>
    </>
  );
}

function DetailSkeleton() {
  return (
    <div aria-hidden="true" className="space-y-4">
      <div className="h-28 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />
      <div className="grid gap-4 md:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-72 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />
        ))}
      </div>
    </div>
  );
}
