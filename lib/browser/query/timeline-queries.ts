// Query options for a device's timeline. Intune's audit log needs a permission beyond the sign-in's: the token
// asks for it when the agent has consented, and otherwise goes without, so the server reports that one source
// as not available (the timeline offers to ask for it) instead of the whole timeline failing.
import { queryOptions } from '@tanstack/react-query';
import { ApiError } from '@/lib/browser/api/api-error';
import type { ApiClient } from '@/lib/browser/api/browser-client';
import { GRAPH_SCOPES, SIGN_IN_SCOPES } from '@/lib/shared/auth/scopes';
import type { DeviceTimeline } from '@/lib/shared/timeline/types';
import { deviceKeys } from './device-queries';

const WITH_AUDIT_LOG = [...SIGN_IN_SCOPES, GRAPH_SCOPES.auditLog];

export const timelineKeys = {
  all: (id: string) => [...deviceKeys.all, 'timeline', id] as const,
  /** `latestAction`: the console's newest action on the device, so that a new one reads the timeline again. */
  device: (id: string, latestAction: string | null) =>
    [...timelineKeys.all(id), { latestAction }] as const,
};

export const timelineQueries = {
  device: (api: ApiClient, id: string, latestAction: string | null) =>
    queryOptions({
      queryKey: timelineKeys.device(id, latestAction),
      queryFn: async ({ signal }) => {
        const path = `/api/devices/${encodeURIComponent(id)}/timeline`;
        // The ID token too: an auditor sees every agent's actions on the device.
        try {
          return await api.get<DeviceTimeline>(path, {
            signal,
            scopes: WITH_AUDIT_LOG,
            identity: true,
          });
        } catch (e) {
          if (!(e instanceof ApiError && e.info.code === 'consentRequired')) throw e;
          return api.get<DeviceTimeline>(path, { signal, identity: true });
        }
      },
      staleTime: 30_000,
    }),
};
