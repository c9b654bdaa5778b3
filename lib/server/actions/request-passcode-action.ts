import 'server-only';
// A passcode action (resetPasscode or recoverPasscode), carried out once: validate, fail fast on a token Graph
// would refuse, read the device with the agent's token (which proves the token to Graph, so its claims name the
// actor, and tells which action the device really supports), take the device's guard, write the intent, POST
// under our action id, write the outcome. A POST whose fate is unknown is never sent again; only a 429 is, once,
// after Retry-After.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuditStore, NewRecord } from '@/lib/server/store/audit-store';
import { anonymousAuditBudget } from '@/lib/server/store/anonymous-budget';
import type { RateLimits } from '@/lib/server/store/rate-limits';
import type { Outcome } from '@/lib/server/store/schema';
import { auditActor } from '@/lib/server/auth/audit-actor';
import { checkTokenShape, type TokenClaims } from '@/lib/server/auth/token-claims';
import {
  rememberVerified,
  verifiedCaller,
  type CallerCheck,
} from '@/lib/server/auth/verified-caller';
import {
  passcodePolicy,
  RATE_LIMIT_WINDOW_MS,
  type ServerEnv,
} from '@/lib/server/config/server-env';
import { graphPostAction } from '@/lib/server/graph/client';
import { GraphError } from '@/lib/server/graph/errors';
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { passcodeActionInputSchema } from '@/lib/shared/actions/input-schema';
import {
  inputFieldOf,
  type PasscodeActionField,
  type PasscodeActionResult,
} from '@/lib/shared/actions/types';
import { shownOnDevice } from './action-entry';
import { sharedDeviceReads } from './shared-device-reads';
import { decidePasscodePlan } from '@/lib/server/devices/passcode-decision';
import {
  confirmationFits,
  GRAPH_ACTION_OF,
  PASSCODE_ACTION_KINDS,
  type PasscodeActionKind,
} from '@/lib/shared/devices/passcode-plan';

export const PRIVILEGED_SCOPE = 'DeviceManagementManagedDevices.PrivilegedOperations.All';
/** The longest Retry-After worth waiting for inside one request; beyond it the agent is told to retry later. */
export const MAX_RETRY_AFTER_SECONDS = 20;
const UNKNOWN_FATE = new Set([0, 500, 502, 503, 504]);

export interface PasscodeActionDeps {
  store: AuditStore;
  /** The per-agent limit on passcode actions, shared by every instance through the database. */
  limits: RateLimits;
  env: Pick<
    ServerEnv,
    | 'AUTH_TENANT_ID'
    | 'TICKET_PATTERN'
    | 'TICKET_EXAMPLE'
    | 'RECOVERY_GUARD_MINUTES'
    | 'PASSCODE_ACTIONS'
    | 'RECOVER_PASSCODE_EVERYWHERE'
    | 'ACTION_RATE_LIMIT'
  >;
  wait?: (ms: number) => Promise<unknown>;
}

type Refusal = Pick<
  NewRecord,
  'actor' | 'deviceName' | 'ticket' | 'httpStatus' | 'graphRequestId'
> & { outcome?: Outcome };

export async function requestPasscodeActionOnce(
  rawInput: unknown,
  token: unknown,
  deps: PasscodeActionDeps,
): Promise<PasscodeActionResult> {
  const { store, env } = deps;
  const wait = deps.wait ?? sleep;
  const actionId = randomUUID();
  const claimed = claimedKind(rawInput);
  const names = { actionName: claimed ? GRAPH_ACTION_OF[claimed] : 'unknown', actionKind: claimed };
  /**
   * A refused attempt leaves an intent and an outcome, like any other, and never reaches Graph's POST. Refusals
   * nobody verified (bad input, a token Graph would refuse) are written only within a bounded budget per
   * instance, so anonymous requests cannot fill the disk.
   */
  const refuse = async (deviceId: string, detail: string, extra: Refusal = {}) => {
    if (!extra.actor?.verified && !anonymousAuditBudget.take()) return;
    const common = {
      actionId,
      deviceId,
      ...names,
      deviceName: extra.deviceName,
      ticket: extra.ticket,
      actor: extra.actor ?? null,
      clientRequestId: actionId,
    };
    await store.record({ ...common, kind: 'intent' });
    await store.record({
      ...common,
      kind: 'outcome',
      outcome: extra.outcome ?? 'refused',
      detail,
      httpStatus: extra.httpStatus ?? null,
      graphRequestId: extra.graphRequestId ?? null,
    });
  };

  // 1. Input: a server action is a public endpoint, whatever the form already checked.
  const parsed = passcodeActionInputSchema({
    pattern: env.TICKET_PATTERN,
    example: env.TICKET_EXAMPLE,
  }).safeParse(rawInput);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<PasscodeActionField, string>> = {};
    for (const issue of parsed.error.issues) {
      fieldErrors[inputFieldOf(issue.path[0])] ??= issue.message;
    }
    await refuse(
      auditableDeviceId(rawInput),
      `invalidInput: ${Object.keys(fieldErrors).join(', ')}`,
    );
    return { status: 'invalid', fieldErrors };
  }
  const input = parsed.data;

  // 2. Fail fast on a token Graph would refuse; nothing here is trusted for authorization or as the actor. A token
  //    the console cannot read at all (Microsoft may make them opaque) is Graph's to judge.
  const shape = checkTokenShape(token, {
    tenantId: env.AUTH_TENANT_ID,
    requiredScope: PRIVILEGED_SCOPE,
  });
  if (!shape.ok && shape.reason !== 'malformed') {
    await refuse(input.deviceId, `token: ${shape.reason}`, { ticket: input.ticket });
    return shape.reason === 'scopeMissing'
      ? { status: 'consentRequired', actionId }
      : { status: 'signInAgain', actionId };
  }
  const bearer = token as string;

  // 3. Read the device with the agent's token: Graph's word that the token is good, the name for the record, and
  //    the fields that decide which passcode action the device really supports.
  let device;
  let me: CallerCheck | null = null;
  try {
    device = await getManagedDevice(bearer, input.deviceId, 'summary');
    if (!shape.ok) me = await verifiedCaller(bearer);
  } catch (e) {
    if (!(e instanceof GraphError)) throw e;
    // Nothing was POSTed, so even a 5xx here leaves no doubt: the attempt failed.
    await refuse(input.deviceId, `${e.code}: ${e.message}`, {
      ticket: input.ticket,
      outcome: outcomeFor(e.status),
      httpStatus: e.status,
      graphRequestId: e.requestId,
    });
    return mapFailure(e, actionId);
  }
  // Graph accepted the token: its claims (or, for an unreadable token, Graph's own /me) name the actor.
  let claims: TokenClaims;
  if (shape.ok) {
    claims = shape.claims;
    rememberVerified(bearer, claims);
  } else {
    if (!me?.ok)
      throw new Error(
        `a token Graph accepted could not be identified: ${me?.reason ?? 'no answer'}`,
      );
    claims = me.claims;
  }
  const actor = auditActor(claims);
  const verified = { value: actor, verified: true };

  // The per-agent limit, counted in the database so every instance shares it: a runaway script or a stolen
  // session cannot reset a fleet's passcodes.
  const limit = await deps.limits.hit(
    actor.oid,
    'action',
    env.ACTION_RATE_LIMIT,
    RATE_LIMIT_WINDOW_MS,
  );
  if (!limit.allowed) {
    await refuse(
      input.deviceId,
      `rateLimited: more than ${env.ACTION_RATE_LIMIT} passcode actions in 10 minutes`,
      { actor: verified, deviceName: device.deviceName, ticket: input.ticket },
    );
    return {
      status: 'rateLimited',
      actionId,
      retryAfterSeconds: limit.retryAfterSeconds,
      limit: env.ACTION_RATE_LIMIT,
    };
  }

  // 4. The one rule, on Graph's answer rather than the browser's word (v1.0's, and beta's where v1.0 cannot tell
  //    the mode): the action the agent confirmed must fit the one this device supports now (a device can be
  //    re-enrolled between the list and the click). A wipe, retire or delete pending (managementState, as Graph
  //    reports it) leaves no action: refused here, before the guard and before any POST, and audited.
  const decided = await decidePasscodePlan(bearer, device, passcodePolicy(env));
  if (!decided.available) {
    await refuse(input.deviceId, `notAvailable: ${decided.reason}`, {
      actor: verified,
      deviceName: device.deviceName,
      ticket: input.ticket,
    });
    return { status: 'notAvailable', actionId, plan: decided };
  }
  // The neutral Android reset and an exact one are the same POST: either confirmation fits either decision, and
  // the more exact of the two is what is recorded. Two exact kinds that differ are a contradiction.
  if (!confirmationFits(input.kind, decided.kind)) {
    await refuse(input.deviceId, `planChanged: ${input.kind} confirmed, ${decided.kind} applies`, {
      actor: verified,
      deviceName: device.deviceName,
      ticket: input.ticket,
    });
    return { status: 'planChanged', actionId, plan: decided };
  }
  const plan = decided.kind === 'resetAndroidPasscode' ? { ...decided, kind: input.kind } : decided;
  names.actionName = plan.graphAction;
  names.actionKind = plan.kind;

  // 5. One passcode action per device at a time, across tabs, agents and instances: the guard is in the database.
  const claim = await store.claimDevice({
    deviceId: input.deviceId,
    actionId,
    ticket: input.ticket,
    actor,
    holdMinutes: env.RECOVERY_GUARD_MINUTES,
    force: input.overrideReason !== undefined,
  });
  if (!claim.acquired) {
    await refuse(
      input.deviceId,
      `alreadyRequested: action ${claim.holder.actionId}, ticket ${claim.holder.ticket}`,
      { actor: verified, deviceName: device.deviceName, ticket: input.ticket },
    );
    return { status: 'alreadyRequested', holder: claim.holder };
  }
  const base = {
    actionId,
    deviceId: input.deviceId,
    ...names,
    deviceName: device.deviceName,
    device,
    ticket: input.ticket,
    actor: verified,
    clientRequestId: actionId,
  };
  if (input.overrideReason !== undefined)
    await store.record({ ...base, kind: 'override', detail: input.overrideReason });
  const requestedAt = new Date();
  await store.record({ ...base, kind: 'intent', note: input.note || null, at: requestedAt });

  // 6. The POST, under our action id as client-request-id, so Intune's own audit log correlates. Sent at most
  //    twice: again only after a 429, after Retry-After, and only if the device does not show it already (a gateway
  //    in front of Graph can answer 429 after Intune queued the action). A request the console's own throttle gate
  //    held back was never sent, so waiting it out is always safe.
  const path = `/deviceManagement/managedDevices/${encodeURIComponent(input.deviceId)}/${plan.graphAction}`;
  const accepted = async (
    requestId: string | null,
    httpStatus: number | null,
    detail: string | null,
  ): Promise<PasscodeActionResult> => {
    sharedDeviceReads.forget(input.deviceId); // the next status read must be Graph's, not one from before the POST
    await store.record({
      ...base,
      kind: 'outcome',
      outcome: 'accepted',
      graphRequestId: requestId,
      httpStatus,
      detail,
    });
    return {
      status: 'accepted',
      actionId,
      requestedAt: requestedAt.toISOString(),
      requestId,
      kind: plan.kind,
    };
  };
  let sentBefore: GraphError | null = null;
  for (;;) {
    try {
      const res = await graphPostAction({ path, token: bearer, clientRequestId: actionId });
      return await accepted(
        res.requestId,
        res.status,
        sentBefore
          ? `accepted after one retry (429, Retry-After ${sentBefore.retryAfterSeconds ?? 2} s)`
          : null,
      );
    } catch (e) {
      if (!(e instanceof GraphError)) throw e;
      const waitS = e.retryAfterSeconds ?? 2;
      if (
        e.status === 429 &&
        waitS <= MAX_RETRY_AFTER_SECONDS &&
        (e.kind === 'notSent' || sentBefore === null)
      ) {
        await wait(Math.ceil(waitS * 1000));
        if (e.kind !== 'notSent') {
          sentBefore = e;
          if (
            await shownOnDevice(
              bearer,
              input.deviceId,
              plan.graphAction,
              requestedAt.toISOString(),
            ).catch(() => false)
          ) {
            return accepted(
              e.requestId,
              e.status,
              `carried out although Graph answered 429; not sent again`,
            );
          }
        }
        continue;
      }
      // A second 429 after a sent POST, like a timeout or a 5xx, leaves the action's fate unknown: never "failed".
      const unknown = UNKNOWN_FATE.has(e.status) || (e.status === 429 && sentBefore !== null);
      await store.record({
        ...base,
        kind: 'outcome',
        outcome: unknown ? 'unknown' : outcomeFor(e.status),
        graphRequestId: e.requestId,
        httpStatus: e.status || null,
        detail: `${e.code}: ${e.message}`,
      });
      if (unknown) {
        // Graph may have queued it: the device stays reserved until it shows the action or someone decides.
        await store.holdUntilSettled(input.deviceId, actionId);
        return {
          status: 'unknown',
          actionId,
          requestedAt: requestedAt.toISOString(),
          failure: e.info(),
          kind: plan.kind,
        };
      }
      await store.releaseDevice(input.deviceId, actionId);
      return mapFailure(e, actionId);
    }
  }
}

function outcomeFor(status: number): 'denied' | 'rejected' | 'failed' {
  // 401 and 403 alike: Graph or Intune refused this caller.
  if (status === 401 || status === 403) return 'denied';
  if (status === 400 || status === 404) return 'rejected';
  return 'failed';
}

function mapFailure(e: GraphError, actionId: string): PasscodeActionResult {
  if (e.status === 401 && e.claimsChallenge)
    return { status: 'claimsChallenge', actionId, claims: e.claimsChallenge };
  // No Intune licence or role: a new token would get the same answer.
  if (e.status === 401 && e.intuneRealm)
    return { status: 'denied', actionId, failure: { ...e.info(), status: 403 } };
  if (e.status === 401) return { status: 'signInAgain', actionId };
  // Graph's own permission check (an unreadable token skipped ours): ask for consent, as for a token we could read.
  if (e.status === 403 && e.info().reason === 'missingPermission')
    return { status: 'consentRequired', actionId };
  if (e.status === 403) return { status: 'denied', actionId, failure: e.info() };
  if (e.status === 400 || e.status === 404)
    return { status: 'rejected', actionId, failure: e.info() };
  if (e.status === 429) return { status: 'throttled', actionId, failure: e.info() };
  return { status: 'failed', actionId, failure: e.info() };
}

const field = (raw: unknown, name: string): unknown =>
  typeof raw === 'object' && raw !== null && name in raw
    ? (raw as Record<string, unknown>)[name]
    : undefined;

/** The kind the request named, if it is one; for the record of a refused attempt. */
function claimedKind(raw: unknown): PasscodeActionKind | null {
  const kind = field(raw, 'kind');
  return PASSCODE_ACTION_KINDS.find((k) => k === kind) ?? null;
}

/** What to file an invalid request under: the device id as sent, shortened, or a marker. */
function auditableDeviceId(raw: unknown): string {
  const value = field(raw, 'deviceId');
  return typeof value === 'string'
    ? value.slice(0, 64)
    : `(invalid ${Array.isArray(value) ? 'array' : typeof value})`;
}
