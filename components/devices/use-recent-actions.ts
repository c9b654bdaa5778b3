'use client';
// Passcode actions under way or recent on the loaded devices, one batched read per hundred devices, so each row
// can say so before anyone clicks.
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { actionQueries } from '@/lib/browser/query/action-queries';
import type { ActionStatus } from '@/lib/shared/actions/types';
import { MAX_DEVICE_IDS } from '@/lib/shared/devices/device-id';
import type { DeviceListItem } from '@/lib/shared/devices/types';

export function useRecentActions(
  devices: readonly DeviceListItem[],
): ReadonlyMap<string, ActionStatus> {
  const api = useApiClient();
  const chunks = useMemo(() => {
    const ids = devices.map((d) => d.id);
    return Array.from({ length: Math.ceil(ids.length / MAX_DEVICE_IDS) }, (_, i) =>
      ids.slice(i * MAX_DEVICE_IDS, (i + 1) * MAX_DEVICE_IDS),
    );
  }, [devices]);
  // The same array while the devices stay: react-query then hashes the keys (a hundred ids each) only when a page
  // arrives, not on every render of the list.
  const queries = useMemo(
    () => chunks.map((ids) => actionQueries.onDevices(api, ids)),
    [chunks, api],
  );
  return useQueries({ queries, combine: byDevice });
}

// Module-level, so react-query keeps the combined map until an answer changes.
function byDevice(
  results: { data?: { actions: ActionStatus[] } }[],
): ReadonlyMap<string, ActionStatus> {
  return new Map(results.flatMap((r) => r.data?.actions ?? []).map((a) => [a.deviceId, a]));
}
