import 'server-only';
// What an action's audit records say about it, before (or without) asking Graph: the state derives from
// the records, never from a mutable row. A four-eyes request not yet sent has only its steps (decision records); it
// reads as an action waiting for approval, approved, or ended, under the id it will be sent as (the approval row's
// state at read time has the last word: lib/server/approvals/attach.ts).
import type { AuditRecord } from '@/lib/server/store/audit-store';
import { passcodeShownAtSchema } from '@/lib/shared/actions/passcode-shown-schema';
import {
  TERMINAL,
  type ActionStatus,
  type PasscodeAvailability,
  type TrackedState,
} from '@/lib/shared/actions/types';
import {
  GRAPH_PASSCODE_ACTIONS,
  PASSCODE_ACTION_KINDS,
  PASSCODE_VISIBLE_DAYS,
  REVEALS_PASSCODE,
  type PasscodeActionKind,
} from '@/lib/shared/devices/passcode-plan';

const FROM_OUTCOME: Partial<Record<string, TrackedState>> = {
  refused: 'refused',
  denied: 'denied',
  rejected: 'rejected',
  failed: 'failed',
  accepted: 'pending',
  unknown: 'verifying',
};
const STATES: ReadonlySet<string> = new Set<TrackedState>([
  'none',
  'pending',
  'canceled',
  'active',
  'done',
  'failed',
  'notSupported',
  'verifying',
  'notConfirmed',
  'refused',
  'denied',
  'rejected',
]);
/** An approval step (lib/server/approvals/trail.ts) as the state of a request not yet sent. */
const FROM_STEP: Partial<Record<string, TrackedState>> = {
  approvalRequested: 'awaitingApproval',
  approved: 'approved',
  approvalDenied: 'approvalDenied',
  approvalWithdrawn: 'approvalWithdrawn',
  approvalExpired: 'approvalExpired',
};
/** The states of a four-eyes request not yet sent (the approval row has the last word on them). */
export const REQUEST_STATES: ReadonlySet<TrackedState> = new Set(
  Object.values(FROM_STEP).filter((s): s is TrackedState => s !== undefined),
);
const DAY_MS = 86_400_000;

/** The record an action's trail starts from: its intent, or (for a four-eyes request) the request's first step. */
export function headOf(records: readonly AuditRecord[]): AuditRecord | undefined {
  return (
    records.find((r) => r.kind === 'decision' && r.action_state === 'approvalRequested') ??
    records.find((r) => r.kind === 'intent')
  );
}

export function summarize(records: AuditRecord[], now: number = Date.now()): ActionStatus | null {
  const head = headOf(records);
  if (!head) return null;
  const sent = records.some((r) => r.kind === 'intent');
  const outcome = records.filter((r) => r.kind === 'outcome').at(-1);
  const observation = records.filter((r) => r.kind === 'observation').at(-1);
  const observed = observation?.action_state;
  const step = records.filter((r) => r.kind === 'decision').at(-1)?.action_state;
  const state: TrackedState = !sent
    ? ((step ? FROM_STEP[step] : undefined) ?? 'awaitingApproval')
    : ((observed && STATES.has(observed) ? (observed as TrackedState) : undefined) ??
      (outcome?.outcome ? FROM_OUTCOME[outcome.outcome] : undefined) ??
      'verifying'); // an intent without an outcome: the POST's fate is not known
  const intent = records.find((r) => r.kind === 'intent') ?? head;
  const kind = PASSCODE_ACTION_KINDS.find((k) => k === intent.action_kind) ?? null;
  return {
    actionId: intent.action_id,
    deviceId: intent.device_id,
    deviceName: intent.device_name,
    deviceSerial: intent.device_serial,
    deviceUserName: intent.device_user_name,
    deviceUpn: intent.device_user_upn,
    ticket: intent.ticket,
    actorName: intent.actor_name,
    actorUpn: intent.actor_upn,
    graphAction: GRAPH_PASSCODE_ACTIONS.find((a) => a === intent.action_name) ?? 'resetPasscode',
    kind,
    // Once sent, the time of the POST (Graph's entry for it starts then); before, of the request.
    requestedAt: intent.recorded_at,
    state,
    terminal: TERMINAL.has(state),
    lastUpdated: observation?.recorded_at ?? null,
    finishedAt:
      observation && observed === state && TERMINAL.has(state) ? observation.recorded_at : null,
    graphRequestId: outcome?.graph_request_id ?? null,
    errorCode: null,
    passcode: passcodeAvailability(kind, state, observation?.recorded_at ?? null, now),
    passcodeShownAt: passcodeShownAt(records),
    managementState: null,
    lastSyncDateTime: null,
    alternative: null,
    requestStatus:
      !observed &&
      outcome?.outcome &&
      outcome.outcome !== 'accepted' &&
      outcome.outcome !== 'unknown'
        ? outcome.http_status
        : null,
    // The records do not say: the guard rows and the verifications do (device-guards.ts adds both to every answer).
    guard: null,
    verificationId: intent.verification_id,
    verification: null,
    // Nor do they say what the owner was told: the notification rows do (notifications/attach.ts).
    notifications: [],
    // And the approval row says where a four-eyes request stands (approvals/attach.ts).
    approval: null,
  };
}

/**
 * Without asking Graph: a done Android reset may have a passcode to reveal for seven days after it was done
 * (the reveal route asks Graph, which has the last word).
 */
export function passcodeAvailability(
  kind: PasscodeActionKind | null,
  state: TrackedState,
  doneAt: string | null,
  now: number,
): PasscodeAvailability | null {
  if (!kind || !REVEALS_PASSCODE.has(kind) || state !== 'done') return null;
  return doneAt !== null && now - Date.parse(doneAt) > PASSCODE_VISIBLE_DAYS * DAY_MS
    ? 'expired'
    : 'available';
}

/**
 * When a passcode of the action was last shown: its newest accepted reveal record (the reveal is audited, the passcode
 * never is). Checked by the same rule the browser applies, so a time the database hands back in another shape fails
 * here, on the server, not in the tray.
 */
export function passcodeShownAt(records: readonly AuditRecord[]): string | null {
  const shown = records.filter((r) => r.kind === 'reveal' && r.outcome === 'accepted').at(-1);
  return passcodeShownAtSchema.parse(shown?.recorded_at ?? null);
}

/** Groups records by action, newest action first. */
export function summarizeAll(records: AuditRecord[], now: number = Date.now()): ActionStatus[] {
  const byAction = new Map<string, AuditRecord[]>();
  for (const r of records) byAction.set(r.action_id, [...(byAction.get(r.action_id) ?? []), r]);
  return [...byAction.values()]
    .map((r) => summarize(r, now))
    .filter((s): s is ActionStatus => s !== null)
    .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
}
