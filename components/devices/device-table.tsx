'use client';
// The device list: the first page Graph returns, with what a helpdesk checks to recognise a device.
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '@/lib/api/use-api-client';
import { deviceQueries } from '@/lib/devices/queries';
import type { DeviceListItem } from '@/lib/devices/types';
import { formatDateTime, formatRelative } from '@/lib/i18n/format';
import { messages } from '@/lib/i18n/messages';
import { ApiErrorNotice } from '@/components/errors/api-error-notice';
import { ComplianceBadge } from './compliance-badge';

const m = messages.devices;
const COLUMNS = [m.columns.name, m.columns.user, m.columns.os, m.columns.model, m.columns.serial, m.columns.compliance, m.columns.lastSync];

export function DeviceTable() {
  const api = useApiClient();
  const { data, error, isPending, refetch } = useQuery(deviceQueries.list(api));

  if (error) return <ApiErrorNotice title={m.loadFailed} error={error} onRetry={() => void refetch()} />;
  return (
    <div>
      <p role="status" aria-live="polite" className="mb-2 h-5 text-sm text-slate-600">
        {data ? m.count(data.devices.length, data.hasMore) : ''}
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[64rem] table-fixed text-left text-sm" aria-busy={isPending}>
          <caption className="sr-only">{m.caption}</caption>
          <colgroup>
            <col className="w-[18%]" /><col className="w-[20%]" /><col className="w-[12%]" /><col className="w-[16%]" />
            <col className="w-[11%]" /><col className="w-[10%]" /><col className="w-[13%]" />
          </colgroup>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>{COLUMNS.map((c) => <th key={c} scope="col" className="px-3 py-2 font-semibold">{c}</th>)}</tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {isPending ? <SkeletonRows /> : data.devices.length === 0 ? (
              <tr><td colSpan={COLUMNS.length} className="px-3 py-8 text-center text-slate-500">{m.empty}</td></tr>
            ) : data.devices.map((d) => <DeviceRow key={d.id} device={d} />)}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function DeviceRow({ device: d }: { device: DeviceListItem }) {
  return (
    <tr className="h-14 hover:bg-slate-50">
      <td className="truncate px-3 font-medium text-slate-900" title={d.deviceName}>{d.deviceName}</td>
      <td className="px-3">
        <div className="truncate text-slate-900" title={d.userDisplayName}>{d.userDisplayName}</div>
        <div className="truncate text-xs text-slate-500" title={d.userPrincipalName}>{d.userPrincipalName}</div>
      </td>
      <td className="truncate px-3">{d.operatingSystem} {d.osVersion}</td>
      <td className="truncate px-3" title={`${d.manufacturer} ${d.model}`}>{d.model}</td>
      <td className="truncate px-3 font-mono text-xs">{d.serialNumber}</td>
      <td className="px-3"><ComplianceBadge state={d.complianceState} /></td>
      <td className="px-3">
        {d.lastSyncDateTime ? (
          <time dateTime={d.lastSyncDateTime} title={formatDateTime(d.lastSyncDateTime)}>{formatRelative(d.lastSyncDateTime)}</time>
        ) : m.neverSynced}
      </td>
    </tr>
  );
}

function SkeletonRows() {
  return Array.from({ length: 8 }, (_, i) => (
    <tr key={i} className="h-14" aria-hidden="true">
      {COLUMNS.map((c) => <td key={c} className="px-3"><div className="h-3 animate-pulse rounded bg-slate-200" /></td>)}
    </tr>
  ));
}
