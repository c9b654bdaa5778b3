import 'server-only';
// What an action's audit records say about it, before (or without) asking Graph: the state derives from
// the records, never from a mutable row.
import type { AuditRecord } from '@/lib/server/audit/store';
import { TERMINAL, type ActionStatus, type TrackedState } from '@/lib/shared/actions/types';

const FROM_OUTCOME: Partial<Record<string, TrackedState>> = {
  refused: 'refused', denied: 'denied', rejected: 'rejected', failed: 'failed', notQueued: 'notQueued',
  accepted: 'pending', unknown: 'verifying',
};

export function summarize(records: AuditRecord[]): ActionStatus | null {
  const intent = records.find((r) => r.kind === 'intent');
  if (!intent) return null;
  const outcome = records.filter((r) => r.kind === 'outcome').at(-1);
  const observation = records.filter((r) => r.kind === 'observation').at(-1);
  const state: TrackedState = (observation?.action_state as TrackedState | undefined)
    ?? (outcome?.outcome ? FROM_OUTCOME[outcome.outcome] : undefined)
    ?? 'verifying'; // an intent without an outcome: the POST's fate is not known
  return {
    actionId: intent.action_id,
    deviceId: intent.device_id,
    deviceName: intent.device_name,
    ticket: intent.ticket,
    actorName: intent.actor_name,
    actorUpn: intent.actor_upn,
    requestedAt: intent.recorded_at,
    state,
    terminal: TERMINAL.has(state),
    lastUpdated: observation?.recorded_at ?? null,
    graphRequestId: outcome?.graph_request_id ?? null,
  };
}

/** Groups records by action, newest action first. */
export function summarizeAll(records: AuditRecord[]): ActionStatus[] {
  const byAction = new Map<string, AuditRecord[]>();
  for (const r of records) byAction.set(r.action_id, [...(byAction.get(r.action_id) ?? []), r]);
  return [...byAction.values()].map(summarize).filter((s): s is ActionStatus => s !== null)
    .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
}
