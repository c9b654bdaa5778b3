import 'server-only';
// A passcode action (resetPasscode or recoverPasscode), carried out once: validate, fail fast on a token Graph
// would refuse, read the device with the agent's token (which proves the token to Graph, so its claims name the
// actor, and tells which action the device really supports), take the device's guard, write the intent, POST
// under our action id, write the outcome. A POST whose fate is unknown is never sent again; only a 429 is, once,
// after Retry-After.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Actor, AuditStore, NewRecord } from '@/lib/server/audit/store';
import type { Outcome } from '@/lib/server/audit/schema';
import { checkTokenShape } from '@/lib/server/auth/token-claims';
import { rememberVerified } from '@/lib/server/auth/verified-caller';
import { passcodePolicy, type ServerEnv } from '@/lib/server/config/server-env';
import { graphPostAction } from '@/lib/server/graph/client';
import { GraphError } from '@/lib/server/graph/errors';
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { passcodeActionInputSchema, type PasscodeActionField, type PasscodeActionResult } from '@/lib/shared/actions/types';
import { GRAPH_ACTION_OF, passcodeActionFor, PASSCODE_ACTION_KINDS, type PasscodeActionKind } from '@/lib/shared/devices/passcode-action';

export const PRIVILEGED_SCOPE = 'DeviceManagementManagedDevices.PrivilegedOperations.All';
/** The longest Retry-After worth waiting for inside one request; beyond it the agent is told to retry later. */
export const MAX_RETRY_AFTER_SECONDS = 20;
const UNKNOWN_FATE = new Set([0, 500, 502, 503, 504]);
const FIELDS: readonly PasscodeActionField[] = ['deviceId', 'kind', 'ticket', 'note', 'overrideReason'];

export interface PasscodeActionDeps {
  store: AuditStore;
  env: Pick<ServerEnv, 'AUTH_TENANT_ID' | 'TICKET_PATTERN' | 'TICKET_EXAMPLE' | 'RECOVERY_GUARD_MINUTES' | 'PASSCODE_ACTIONS' | 'RECOVER_PASSCODE_EVERYWHERE'>;
  wait?: (ms: number) => Promise<unknown>;
}

type Refusal = Pick<NewRecord, 'actor' | 'deviceName' | 'ticket' | 'httpStatus' | 'graphRequestId'> & { outcome?: Outcome };

export async function requestPasscodeActionOnce(rawInput: unknown, token: unknown, deps: PasscodeActionDeps): Promise<PasscodeActionResult> {
  const { store, env } = deps;
  const wait = deps.wait ?? sleep;
  const actionId = randomUUID();
  const claimed = claimedKind(rawInput);
  const names = { actionName: claimed ? GRAPH_ACTION_OF[claimed] : 'unknown', actionKind: claimed };
  /** A refused attempt leaves an intent and an outcome, like any other, and never reaches Graph's POST. */
  const refuse = async (deviceId: string, detail: string, extra: Refusal = {}) => {
    const common = { actionId, deviceId, ...names, deviceName: extra.deviceName, ticket: extra.ticket, actor: extra.actor ?? null, clientRequestId: actionId };
    await store.record({ ...common, kind: 'intent' });
    await store.record({
      ...common, kind: 'outcome', outcome: extra.outcome ?? 'refused', detail,
      httpStatus: extra.httpStatus ?? null, graphRequestId: extra.graphRequestId ?? null,
    });
  };

  // 1. Input: a server action is a public endpoint, whatever the form already checked.
  const parsed = passcodeActionInputSchema({ pattern: env.TICKET_PATTERN, example: env.TICKET_EXAMPLE }).safeParse(rawInput);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<PasscodeActionField, string>> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      const field = FIELDS.find((f) => f === key) ?? 'form';
      fieldErrors[field] ??= issue.message;
    }
    await refuse(auditableDeviceId(rawInput), `invalidInput: ${Object.keys(fieldErrors).join(', ')}`);
    return { status: 'invalid', fieldErrors };
  }
  const input = parsed.data;

  // 2. Fail fast on a token Graph would refuse; nothing here is trusted for authorization or as the actor.
  const shape = checkTokenShape(token, { tenantId: env.AUTH_TENANT_ID, requiredScope: PRIVILEGED_SCOPE });
  if (!shape.ok) {
    await refuse(input.deviceId, `token: ${shape.reason}`, { ticket: input.ticket });
    return shape.reason === 'scopeMissing' ? { status: 'consentRequired', actionId } : { status: 'signInAgain', actionId };
  }
  const bearer = token as string;

  // 3. Read the device with the agent's token: Graph's word that the token is good, the name for the record, and
  //    the fields that decide which passcode action the device really supports.
  let device;
  try {
    device = await getManagedDevice(bearer, input.deviceId, 'summary');
  } catch (e) {
    if (!(e instanceof GraphError)) throw e;
    // Nothing was POSTed, so even a 5xx here leaves no doubt: the attempt failed.
    await refuse(input.deviceId, `${e.code}: ${e.message}`, { ticket: input.ticket, outcome: outcomeFor(e.status), httpStatus: e.status, graphRequestId: e.requestId });
    return mapFailure(e, actionId);
  }
  rememberVerified(bearer, shape.claims);
  const actor: Actor = { oid: shape.claims.oid, upn: shape.claims.upn, name: shape.claims.name, tenant: shape.claims.tid };
  const verified = { value: actor, verified: true };

  // 4. The one rule, on Graph's answer rather than the browser's word: the action the agent confirmed must be
  //    the one this device supports now (a device can be re-enrolled between the list and the click).
  const plan = passcodeActionFor(device, passcodePolicy(env));
  if (!plan.available) {
    await refuse(input.deviceId, `notAvailable: ${plan.reason}`, { actor: verified, deviceName: device.deviceName, ticket: input.ticket });
    return { status: 'notAvailable', actionId, plan };
  }
  if (plan.kind !== input.kind) {
    await refuse(input.deviceId, `planChanged: ${input.kind} confirmed, ${plan.kind} applies`, { actor: verified, deviceName: device.deviceName, ticket: input.ticket });
    return { status: 'planChanged', actionId, plan };
  }
  names.actionName = plan.graphAction;

  // 5. One passcode action per device at a time, across tabs, agents and instances: the guard is in the database.
  const claim = await store.claimDevice({
    deviceId: input.deviceId, actionId, ticket: input.ticket, actor, holdMinutes: env.RECOVERY_GUARD_MINUTES,
    force: input.overrideReason !== undefined,
  });
  if (!claim.acquired) {
    await refuse(input.deviceId, `alreadyRequested: action ${claim.holder.actionId}, ticket ${claim.holder.ticket}`, { actor: verified, deviceName: device.deviceName, ticket: input.ticket });
    return { status: 'alreadyRequested', holder: claim.holder };
  }
  const base = {
    actionId, deviceId: input.deviceId, ...names, deviceName: device.deviceName, device, ticket: input.ticket, actor: verified, clientRequestId: actionId,
  };
  if (input.overrideReason !== undefined) await store.record({ ...base, kind: 'override', detail: input.overrideReason });
  const requestedAt = new Date();
  await store.record({ ...base, kind: 'intent', note: input.note || null, at: requestedAt });

  // 6. The POST, under our action id as client-request-id, so Intune's own audit log correlates.
  const path = `/deviceManagement/managedDevices/${encodeURIComponent(input.deviceId)}/${plan.graphAction}`;
  let retriedAfter: number | null = null;
  for (;;) {
    try {
      const res = await graphPostAction({ path, token: bearer, clientRequestId: actionId });
      await store.record({
        ...base, kind: 'outcome', outcome: 'accepted', graphRequestId: res.requestId, httpStatus: res.status,
        detail: retriedAfter === null ? null : `accepted after one retry (429, Retry-After ${retriedAfter} s)`,
      });
      return { status: 'accepted', actionId, requestedAt: requestedAt.toISOString(), requestId: res.requestId, kind: plan.kind };
    } catch (e) {
      if (!(e instanceof GraphError)) throw e;
      if (e.status === 429 && retriedAfter === null && (e.retryAfterSeconds ?? 0) <= MAX_RETRY_AFTER_SECONDS) {
        retriedAfter = e.retryAfterSeconds ?? 2;
        await wait(Math.ceil(retriedAfter * 1000));
        continue;
      }
      const unknown = UNKNOWN_FATE.has(e.status);
      await store.record({
        ...base, kind: 'outcome', outcome: unknown ? 'unknown' : outcomeFor(e.status), graphRequestId: e.requestId,
        httpStatus: e.status || null, detail: `${e.code}: ${e.message}`,
      });
      if (unknown) {
        // Graph may have queued it: keep the guard, and let tracking settle it from deviceActionResults.
        return { status: 'unknown', actionId, requestedAt: requestedAt.toISOString(), failure: e.info(), kind: plan.kind };
      }
      await store.releaseDevice(input.deviceId, actionId);
      return mapFailure(e, actionId);
    }
  }
}

function outcomeFor(status: number): 'denied' | 'rejected' | 'failed' {
  if (status === 401 || status === 403) return 'denied';
  if (status === 400 || status === 404) return 'rejected';
  return 'failed';
}

function mapFailure(e: GraphError, actionId: string): PasscodeActionResult {
  if (e.status === 401 && e.claimsChallenge) return { status: 'claimsChallenge', actionId, claims: e.claimsChallenge };
  if (e.status === 401) return { status: 'signInAgain', actionId };
  if (e.status === 403) return { status: 'denied', actionId, failure: e.info() };
  if (e.status === 400 || e.status === 404) return { status: 'rejected', actionId, failure: e.info() };
  if (e.status === 429) return { status: 'throttled', actionId, failure: e.info() };
  return { status: 'failed', actionId, failure: e.info() };
}

const field = (raw: unknown, name: string): unknown =>
  (typeof raw === 'object' && raw !== null && name in raw ? (raw as Record<string, unknown>)[name] : undefined);

/** The kind the request named, if it is one; for the record of a refused attempt. */
function claimedKind(raw: unknown): PasscodeActionKind | null {
  const kind = field(raw, 'kind');
  return PASSCODE_ACTION_KINDS.find((k) => k === kind) ?? null;
}

/** What to file an invalid request under: the device id as sent, shortened, or a marker. */
function auditableDeviceId(raw: unknown): string {
  const value = field(raw, 'deviceId');
  return typeof value === 'string' ? value.slice(0, 64) : `(invalid ${Array.isArray(value) ? 'array' : typeof value})`;
}
