'use client';
// One action as the console last read it, for the device page. The agent's own actions are the action tracker's
// (it polls them; reading its data here adds no second poll). Another agent's action, or one older than the tray's
// day, is polled by one reader ('poll': the device page's action panel) and only read by the others ('read').
import { skipToken, useQuery } from '@tanstack/react-query';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { actionKeys, actionQueries } from '@/lib/browser/query/action-queries';
import type { ActionStatus } from '@/lib/shared/actions/types';
import { useActionTracker } from './action-tracker';

export function useFollowedAction(
  initial: ActionStatus | null,
  role: 'poll' | 'read',
): { action: ActionStatus | null; polled: boolean } {
  const api = useApiClient();
  const tracked = useActionTracker().find(initial?.actionId ?? '');
  const polls =
    role === 'poll' &&
    initial !== null &&
    tracked === undefined &&
    (!initial.terminal || initial.notifications.some((n) => n.state !== 'sent'));
  const { data, dataUpdatedAt } = useQuery<ActionStatus>(
    initial === null
      ? { queryKey: actionKeys.status(''), queryFn: skipToken }
      : polls
        ? actionQueries.status(api, initial)
        : actionQueries.statusRead(api, initial),
  );
  if (initial === null) return { action: null, polled: false };
  if (tracked) return { action: tracked.action, polled: tracked.polled };
  return { action: data ?? initial, polled: dataUpdatedAt > 0 };
}
