'use client';
// The one tracker of the signed-in agent's actions, mounted once around the console's pages whatever the tray's
// state: it reads the agent's list of the last 24 hours, polls the status of each action that needs it (one
// react-query observer with a poll per action: nothing else polls these), and raises each change once: the live
// announcement, a toast, and the reads of the list and device page that show the device's action. The header's
// badge, the tray's items and the device page all read its data, so they never disagree.
import { useIsAuthenticated } from '@azure/msal-react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { notify } from '@/components/ui/toasts';
import {
  mergeAction,
  needsStatusRead,
  stateChanges,
  underWayCount,
} from '@/lib/browser/actions/tracked-actions';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { actionKeys, actionQueries } from '@/lib/browser/query/action-queries';
import type { ActionStatus, TrackedState } from '@/lib/shared/actions/types';
import { useActionWords } from './use-action-words';
import { useApprovalWords } from './use-approval-words';

export interface TrackedAction {
  action: ActionStatus;
  /** Whether the console has read the action's status since the list (the hint for an offline device waits on it). */
  polled: boolean;
  /** A status read is in flight ("Check now" waits for it). */
  checking: boolean;
}

export interface ActionTracker {
  /** The agent's actions of the last 24 hours, newest first, each as last read. */
  items: readonly TrackedAction[];
  underWay: number;
  /** The tracked action with this id, if it is one of the agent's. */
  find: (actionId: string) => TrackedAction | undefined;
  /** Reads one action's status now ("Check now"), through the same query the poll uses. */
  check: (actionId: string) => void;
}

const NONE: ActionTracker = {
  items: [],
  underWay: 0,
  find: () => undefined,
  check: () => undefined,
};

const TrackerContext = createContext<ActionTracker>(NONE);

export function useActionTracker(): ActionTracker {
  return useContext(TrackerContext);
}

export function ActionTrackerProvider({ children }: { children: ReactNode }) {
  const t = useTranslations('tray');
  const words = useActionWords();
  const approvalWords = useApprovalWords();
  const isAuthenticated = useIsAuthenticated();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const { data } = useQuery({ ...actionQueries.mine(api), enabled: isAuthenticated });
  const listed = isAuthenticated ? (data?.actions ?? []) : [];
  const polled = listed.filter(needsStatusRead);
  const reads = useQueries({
    queries: polled.map((a) => actionQueries.status(api, a)),
  });
  const byId = new Map(
    polled.map((a, i) => {
      const r = reads[i];
      return [a.actionId, r] as const;
    }),
  );
  const items: TrackedAction[] = listed.map((a) => {
    const r = byId.get(a.actionId);
    return {
      action: mergeAction(a, r && { data: r.data, updatedAt: r.dataUpdatedAt }),
      polled: (r?.dataUpdatedAt ?? 0) > 0,
      checking: r?.isFetching ?? false,
    };
  });

  // Each change once, whichever part of the console is on screen (the tray may be collapsed).
  const seen = useRef<Map<string, TrackedState>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    const { changed, seen: next } = stateChanges(
      seen.current,
      items.map((i) => i.action),
    );
    seen.current = next;
    for (const a of changed) {
      const where = { device: a.deviceName ?? a.deviceId, ticket: a.ticket ?? '' };
      // A done Android reset has a temporary passcode waiting: the end's words say where it is.
      const waiting = a.state === 'done' && a.passcode === 'available';
      const text = t(waiting ? 'changedPasscode' : 'changed', {
        ...where,
        state: words.state(a.state),
      });
      setAnnouncement(text);
      // The list's rows and the device page say where the device's action stands: let them read it again.
      void queryClient.invalidateQueries({ queryKey: actionKeys.onDevicesAll() });
      void queryClient.invalidateQueries({ queryKey: actionKeys.device(a.deviceId) });
      // A decision on a request says who decided and what follows; an end says how it ended.
      const decided = approvalWords.decisionToast(a.state, a.approval, where);
      if (decided) notify(a.state === 'approved' ? 'success' : 'warning', decided);
      else if (a.terminal) notify(a.state === 'done' ? 'success' : 'warning', text);
    }
    // After every render (items is new each time): the seen states make it act once per change, not per render.
  }, [items, t, words, approvalWords, queryClient]);

  const tracker: ActionTracker = {
    items,
    underWay: underWayCount(items.map((i) => i.action)),
    find: (actionId) => items.find((i) => i.action.actionId === actionId),
    check: (actionId) =>
      void queryClient.refetchQueries({ queryKey: actionKeys.status(actionId), exact: true }),
  };
  return (
    <TrackerContext value={tracker}>
      {children}
      <p role="status" aria-live="polite" className="sr-only" data-testid="tray-announcement">
        {announcement}
      </p>
    </TrackerContext>
  );
}
