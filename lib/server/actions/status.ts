import 'server-only';
// Where an action stands now: its audit records, then the device's deviceActionResults read with the agent's
// token. A state first seen is recorded as an observation (once); an action whose POST had an unknown fate
// is settled from what the device shows, or recorded as not queued once the verify window has passed.
import type { AuditStore } from '@/lib/server/audit/store';
import type { ServerEnv } from '@/lib/server/config/server-env';
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { summarize } from './summarize';
import { TERMINAL, type ActionStatus, type TrackedState } from '@/lib/shared/actions/types';

/** Graph reports times to the second, from clocks not ours: an entry this much older still counts as ours. */
const CLOCK_TOLERANCE_MS = 60_000;
const NOT_ASKED_GRAPH = new Set<TrackedState>(['refused', 'denied', 'rejected', 'failed', 'notQueued']);

export async function actionStatus(
  actionId: string, token: string,
  deps: { store: AuditStore; env: Pick<ServerEnv, 'ACTION_VERIFY_WINDOW_SECONDS'>; now?: () => number },
): Promise<ActionStatus | null> {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const records = await store.actionRecords(actionId);
  const known = summarize(records);
  if (!known) return null;
  if (NOT_ASKED_GRAPH.has(known.state)) return known;

  const { deviceActionResults: results } = await getManagedDevice(token, known.deviceId, 'actionResults');
  const requested = Date.parse(known.requestedAt);
  const entry = results.find((r) => r.actionName === 'recoverPasscode' && r.startDateTime !== null && Date.parse(r.startDateTime) >= requested - CLOCK_TOLERANCE_MS);
  const context = { actionId, deviceId: known.deviceId, deviceName: known.deviceName, ticket: known.ticket };

  if (entry && entry.actionState !== 'none') {
    await store.observe({ ...context, actionState: entry.actionState });
    return { ...known, state: entry.actionState, terminal: TERMINAL.has(entry.actionState), lastUpdated: entry.lastUpdatedDateTime };
  }
  if (known.state === 'verifying' && now() - requested > deps.env.ACTION_VERIFY_WINDOW_SECONDS * 1000) {
    // The device never showed it: the POST did not queue the action. Free the device for a new request.
    await store.observe({ ...context, actionState: 'notQueued' });
    await store.releaseDevice(known.deviceId, actionId);
    return { ...known, state: 'notQueued', terminal: true };
  }
  return known;
}
