// Query options for recoveries: the agent's recent actions, the newest on a device, and one action's status,
// polled with a back-off that stops at a terminal state.
import { queryOptions, type Query } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/browser/api/browser-client';
import { GRAPH_SCOPES } from '@/lib/shared/auth/scopes';
import { pollInterval } from '@/lib/browser/actions/poll-interval';
import { checkedStatus, checkedStatuses } from '@/lib/browser/actions/action-status-check';
import type { ActionStatus } from '@/lib/shared/actions/types';

export const actionKeys = {
  all: ['actions'] as const,
  mine: () => [...actionKeys.all, 'mine'] as const,
  device: (deviceId: string) => [...actionKeys.all, 'device', deviceId] as const,
  onDevicesAll: () => [...actionKeys.all, 'devices'] as const,
  onDevices: (deviceIds: readonly string[]) =>
    [...actionKeys.onDevicesAll(), deviceIds.join(',')] as const,
  status: (actionId: string) => [...actionKeys.all, 'status', actionId] as const,
  intuneAudit: (actionId: string) => [...actionKeys.all, 'intuneAudit', actionId] as const,
};

/** Intune's own audit event for an action, as the console's API returns it. */
export interface IntuneAuditEventView {
  activity: string;
  activityDateTime: string | null;
  activityResult: string;
  actor: { userPrincipalName: string | null; applicationDisplayName: string | null };
}

export const actionQueries = {
  mine: (api: ApiClient) =>
    queryOptions({
      queryKey: actionKeys.mine(),
      queryFn: async ({ signal }) =>
        checkedStatuses(await api.get<{ actions: ActionStatus[] }>('/api/actions', { signal })),
      staleTime: 10_000,
    }),
  device: (api: ApiClient, deviceId: string) =>
    queryOptions({
      queryKey: actionKeys.device(deviceId),
      queryFn: async ({ signal }) => {
        const body = await api.get<{ action: ActionStatus | null }>(
          `/api/actions?deviceId=${encodeURIComponent(deviceId)}`,
          { signal },
        );
        return { ...body, action: body.action && checkedStatus(body.action) };
      },
    }),
  /** Actions under way or within the device guard on a page of listed devices (at most MAX_DEVICE_IDS). */
  onDevices: (api: ApiClient, deviceIds: readonly string[]) =>
    queryOptions({
      queryKey: actionKeys.onDevices(deviceIds),
      queryFn: async ({ signal }) =>
        checkedStatuses(
          await api.get<{ actions: ActionStatus[] }>(
            `/api/actions?deviceIds=${deviceIds.map(encodeURIComponent).join(',')}`,
            { signal },
          ),
        ),
      staleTime: 30_000,
    }),
  status: (api: ApiClient, initial: ActionStatus) =>
    queryOptions({
      queryKey: actionKeys.status(initial.actionId),
      queryFn: async ({ signal }) =>
        checkedStatus(
          await api.get<ActionStatus>(`/api/actions/${encodeURIComponent(initial.actionId)}`, {
            signal,
          }),
        ),
      initialData: initial,
      initialDataUpdatedAt: 0,
      // Polling pauses in a hidden tab (react-query's default) and waits on the tab's 429 gate (the API client).
      refetchInterval: (query: Query<ActionStatus>) => pollInterval(query.state.data),
      staleTime: 0,
    }),
  /**
   * One action's status as the action tracker last read it, for a view that knows only the action's id (the confirm
   * dialog's result view): read from the cache only, never fetched here, so an action keeps one poller.
   */
  followed: (api: ApiClient, actionId: string) =>
    queryOptions({
      queryKey: actionKeys.status(actionId),
      queryFn: async ({ signal }) =>
        checkedStatus(
          await api.get<ActionStatus>(`/api/actions/${encodeURIComponent(actionId)}`, { signal }),
        ),
      enabled: false,
      refetchInterval: false,
    }),
  /**
   * The same status, only read: no fetch and no poll of its own. For every reader beside the one that polls the action
   * (the action tracker for the agent's own actions, the device page's panel for others'), so no action is polled twice.
   */
  statusRead: (api: ApiClient, initial: ActionStatus) =>
    queryOptions({
      ...actionQueries.status(api, initial),
      enabled: false,
      refetchInterval: false,
    }),
  /** Needs Intune's audit-log permission, asked for only when the agent wants to see the event. */
  intuneAudit: (api: ApiClient, actionId: string) =>
    queryOptions({
      queryKey: actionKeys.intuneAudit(actionId),
      queryFn: ({ signal }) =>
        api.get<{ event: IntuneAuditEventView | null }>(
          `/api/actions/${encodeURIComponent(actionId)}/intune-audit`,
          { signal, scopes: [GRAPH_SCOPES.auditLog] },
        ),
      staleTime: 30_000,
    }),
};
