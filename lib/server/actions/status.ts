import 'server-only';
// Where an action stands now: its audit records, then the device's deviceActionResults read with the agent's
// token. Who is asking is decided before the audit store is read: an action is visible to the agent who
// requested it, and to others only when Graph lets them read its device. A state first seen is recorded as an
// observation (once). An action whose POST had an unknown fate is settled from what the device shows; when the
// device shows nothing within the verify window it is "not confirmed", never "not queued": Graph can show an
// action late or not at all, and the device guard stays until someone decides.
import type { ApprovalJoin } from '@/lib/server/approvals/attach';
import type { AuditRecord, AuditStore } from '@/lib/server/store/audit-store';
import { verifiedCaller } from '@/lib/server/auth/verified-caller';
import type { ServerEnv } from '@/lib/server/config/server-env';
import type { VerificationStore } from '@/lib/server/store/verifications';
import { GraphError } from '@/lib/server/graph/errors';
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { entryFor } from './action-entry';
import { withGuard } from './device-guards';
import { isRequester, requesterOf } from './requester';
import { sharedDeviceReads, type SharedDeviceReads } from './shared-device-reads';
import { TERMINAL, type ActionStatus, type TrackedState } from '@/lib/shared/actions/types';
import { DEVICE_ID_PATTERN } from '@/lib/shared/devices/device-id';
import {
  confirmationFits,
  DEFAULT_PASSCODE_POLICY,
  passcodeActionFor,
  PASSCODE_VISIBLE_DAYS,
  REVEALS_PASSCODE,
  type PasscodeActionKind,
  type PasscodePlan,
} from '@/lib/shared/devices/passcode-plan';
import { headOf, REQUEST_STATES, summarize } from './summarize';

/** Settled before or without Graph (the request itself was refused or failed): nothing to read from the device. */
// A four-eyes request not yet sent is in the console alone, too.
const NOT_ASKED_GRAPH = new Set<TrackedState>([
  'refused',
  'denied',
  'rejected',
  'failed',
  ...REQUEST_STATES,
]);
const PRECEDING_STATES = new Set([
  'wipePending',
  'retirePending',
  'deletePending',
  'wipeIssued',
  'retireIssued',
]);
const DAY_MS = 86_400_000;

export interface StatusDeps {
  store: AuditStore;
  /** The caller verifications the statuses show (each action's, by its intent's verification_id). */
  verifications: Pick<VerificationStore, 'many'>;
  env: Pick<ServerEnv, 'ACTION_VERIFY_WINDOW_SECONDS' | 'RECOVERY_GUARD_MINUTES'>;
  now?: () => number;
  /** The reads requesters share (the instance's own by default). */
  reads?: SharedDeviceReads;
  /** The four-eyes approvals, as the caller sees them (lib/server/approvals/attach.ts). */
  approvals?: ApprovalJoin;
}

/**
 * The action's records, if the caller may see them: the caller is decided (Graph vouches for the token) before
 * the store is read; someone else's action is shown only if Graph lets the caller read its device. Null when
 * there is no such action or the caller may not see it (the same answer, so ids cannot be probed).
 */
export async function visibleRecords(
  actionId: string,
  token: string,
  store: AuditStore,
): Promise<AuditRecord[] | null> {
  const caller = await verifiedCaller(token);
  const records = await store.actionRecords(actionId);
  const head = headOf(records);
  if (!head) return null;
  if (isRequester(records, caller.ok ? caller.claims.oid : null)) return records;
  if (!DEVICE_ID_PATTERN.test(head.device_id)) return null;
  try {
    await getManagedDevice(token, head.device_id, 'summary');
    return records;
  } catch (e) {
    if (e instanceof GraphError && (e.status === 403 || e.status === 404)) return null;
    throw e;
  }
}

/** Where an action stands now, with what the database says of its device's guard. */
export async function actionStatus(
  actionId: string,
  token: string,
  deps: StatusDeps,
): Promise<ActionStatus | null> {
  return withGuard(deps, await statusFromGraph(actionId, token, deps));
}

async function statusFromGraph(
  actionId: string,
  token: string,
  deps: StatusDeps,
): Promise<ActionStatus | null> {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const records = await visibleRecords(actionId, token, store);
  const known = records ? summarize(records, now()) : null;
  if (!known) return null;
  // A device that failed the action is `failed` too, but its errorCode (what the agent is told to try) is Graph's
  // to give on every read, not only the read that first saw it.
  const reportedByDevice = records?.some((r) => r.kind === 'observation') ?? false;
  if (NOT_ASKED_GRAPH.has(known.state) && !reportedByDevice) return known;

  // The requester's polls share one Graph read per device with other requesters tracking it; anyone else reads
  // with their own token (visibleRecords already let Graph decide that they may).
  const device =
    records && (await requestedByCaller(records, token))
      ? await (deps.reads ?? sharedDeviceReads).actionResults(token, known.deviceId)
      : await getManagedDevice(token, known.deviceId, 'actionResults');
  const entry = entryFor(device.deviceActionResults, known.graphAction, known.requestedAt);
  const managementState = PRECEDING_STATES.has(device.managementState)
    ? device.managementState
    : null;
  const lastSyncDateTime = device.lastSyncDateTime;
  const context = {
    actionId,
    deviceId: known.deviceId,
    deviceName: known.deviceName,
    ticket: known.ticket,
    actionName: known.graphAction,
    actionKind: known.kind,
  };

  if (entry && entry.actionState !== 'none') {
    await store.observe({ ...context, actionState: entry.actionState });
    // An action whose POST had an unknown fate held its device until settled: the device has now shown it.
    if (known.state === 'verifying' || known.state === 'notConfirmed')
      await store.settleHold(known.deviceId, actionId, deps.env.RECOVERY_GUARD_MINUTES);
    const state: TrackedState = entry.actionState;
    // Whether Graph holds a passcode to reveal; the passcode itself never leaves this function.
    const passcode =
      known.kind && REVEALS_PASSCODE.has(known.kind) && state === 'done'
        ? entry.passcode !== null
          ? 'available'
          : expiredOrUnavailable(entry.lastUpdatedDateTime, now())
        : null;
    return {
      ...known,
      state,
      terminal: TERMINAL.has(state),
      lastUpdated: entry.lastUpdatedDateTime,
      finishedAt: TERMINAL.has(state) ? entry.lastUpdatedDateTime : null,
      errorCode: entry.errorCode === 0 ? null : entry.errorCode,
      passcode,
      managementState,
      lastSyncDateTime,
      alternative: state === 'notSupported' ? alternativeTo(known.kind, device) : null,
    };
  }
  // Not shown (yet): Graph's list can omit an entry for a while, or for good. An unknown fate stays unknown.
  if (
    known.state === 'verifying' &&
    now() - Date.parse(known.requestedAt) > deps.env.ACTION_VERIFY_WINDOW_SECONDS * 1000
  ) {
    await store.observe({ ...context, actionState: 'notConfirmed' });
    return { ...known, state: 'notConfirmed', terminal: false, managementState, lastSyncDateTime };
  }
  return { ...known, managementState, lastSyncDateTime };
}

/**
 * What fits a device on which Intune did not support the action: the one rule with every action this product
 * knows, recoverPasscode only where Microsoft documents it. Null when the rule names the very action that failed.
 */
function alternativeTo(
  kind: PasscodeActionKind | null,
  device: Parameters<typeof passcodeActionFor>[0],
): PasscodePlan | null {
  const plan = passcodeActionFor(device, DEFAULT_PASSCODE_POLICY);
  // From v1.0 alone an Android reset may be the neutral one: the same action as the one that failed, not another.
  return plan.available && kind !== null && confirmationFits(kind, plan.kind) ? null : plan;
}

/** Whether the caller (as Graph vouched for their token, remembered) is the agent who requested the action. */
async function requestedByCaller(records: AuditRecord[], token: string): Promise<boolean> {
  if (requesterOf(records) === null) return false;
  const caller = await verifiedCaller(token);
  return isRequester(records, caller.ok ? caller.claims.oid : null);
}

/** A done reset whose passcode Graph no longer shows: expired after seven days, else not shown. */
function expiredOrUnavailable(doneAt: string | null, now: number): 'expired' | 'unavailable' {
  return doneAt !== null && now - Date.parse(doneAt) > PASSCODE_VISIBLE_DAYS * DAY_MS
    ? 'expired'
    : 'unavailable';
}
