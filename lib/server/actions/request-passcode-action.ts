import 'server-only';
// A passcode action (resetPasscode or recoverPasscode), carried out once: validate, fail fast on a token Graph
// would refuse, read the device with the agent's token (which proves the token to Graph, so its claims name the
// actor, and tells which action the device really supports), take the device's guard, write the intent, POST
// under our action id, write the outcome. A POST that reached Graph is never sent again: whatever Graph answered
// short of a 2xx or a refusal (a 429 too) leaves its fate to what the device shows. Every Graph call of the action
// shares one wait budget for the console's throttle gate. Where the four-eyes policy asks for it (step 4c), the first
// request writes an approval request instead of posting, and the approved request is later sent once under its id.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuditStore, NewRecord } from '@/lib/server/store/audit-store';
import type { ApprovalRow, ApprovalStore } from '@/lib/server/store/approvals';
import { recordApprovalStep } from '@/lib/server/approvals/trail';
import { approvalView } from '@/lib/server/approvals/view';
import { approvalUseProblem } from '@/lib/server/approvals/usable';
import { approvalPolicyFor } from '@/lib/server/trust/approval-policy';
import { anonymousAuditBudget } from '@/lib/server/store/anonymous-budget';
import type { RateLimits } from '@/lib/server/store/rate-limits';
import type { VerificationStore } from '@/lib/server/store/verifications';
import {
  checkVerification,
  verificationPolicyFor,
  verificationRefusalDetail,
} from '@/lib/server/trust/verification-policy';
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
import {
  fitsBudget,
  graphPostAction,
  waitBudget,
  type WaitBudget,
} from '@/lib/server/graph/client';
import { GraphError, isIntuneApprovalRequired } from '@/lib/server/graph/errors';
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { passcodeActionInputSchema } from '@/lib/shared/actions/input-schema';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';
import {
  inputFieldOf,
  type PasscodeActionField,
  type PasscodeActionResult,
} from '@/lib/shared/actions/types';
import { shownOnDevice } from './action-entry';
import { sharedDeviceReads } from './shared-device-reads';
import { decidePasscodePlan } from '@/lib/server/devices/passcode-decision';
import type { ApprovalProblem } from '@/lib/shared/trust/approval';
import { checkApprovalReason } from '@/lib/shared/trust/approval-input';
import {
  confirmationFits,
  GRAPH_ACTION_OF,
  type GraphPasscodeAction,
  PASSCODE_ACTION_KINDS,
  type PasscodeActionKind,
} from '@/lib/shared/devices/passcode-plan';

export const PRIVILEGED_SCOPE = 'DeviceManagementManagedDevices.PrivilegedOperations.All';
/**
 * The longest the agent waits on Confirm for Graph's "wait" (the throttle gate) in total, over every Graph call of
 * the action; a longer wait is told to the agent as "throttled", with the time left. `ACTION_WAIT_SECONDS` sets it
 * for the console (default 20).
 */
export const MAX_RETRY_AFTER_SECONDS = 20;
/** Answers to a POST that reached Graph and leave its fate open. A 429 is one of them (see step 6). */
const UNKNOWN_FATE = new Set([0, 429, 500, 502, 503, 504]);

export interface PasscodeActionDeps {
  store: AuditStore;
  /** The per-agent limit on passcode actions, shared by every instance through the database. */
  limits: RateLimits;
  /** The caller verifications the policy checks the action's `verificationId` against. */
  verifications: Pick<VerificationStore, 'get'>;
  /** The four-eyes approval requests: written where the policy asks for one, consumed when one is sent. */
  approvals: Pick<ApprovalStore, 'create' | 'get' | 'consume'>;
  /**
   * E-mails the approvers about a request just written, with the requester's token (the server action's, which
   * knows the requester's language and the console's address); it never throws. None: no e-mail is tried.
   */
  notifyApprovers?: (row: ApprovalRow, token: string) => Promise<unknown>;
  env: Pick<
    ServerEnv,
    | 'AUTH_TENANT_ID'
    | 'TICKET_PATTERN'
    | 'TICKET_EXAMPLE'
    | 'RECOVERY_GUARD_MINUTES'
    | 'PASSCODE_ACTIONS'
    | 'RECOVER_PASSCODE_EVERYWHERE'
    | 'ACTION_RATE_LIMIT'
    | 'ACTION_RESULTS_DELAY_SECONDS'
    | 'VERIFY_CALLER'
    | 'VERIFY_MAX_AGE_MINUTES'
    | 'VERIFY_REQUIRED_GROUPS'
    | 'VERIFY_REQUIRED_KINDS'
    | 'APPROVAL_REQUIRED'
    | 'APPROVAL_TTL_MINUTES'
  >;
  /** The action's wait budget in ms (ACTION_WAIT_SECONDS; MAX_RETRY_AFTER_SECONDS when not given). */
  budgetMs?: number;
  /** How the action waits for Graph's results delay (tests make it instant). */
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
  /**
   * This attempt's id: a refused attempt is filed under it, and a request that needs approval becomes the approval
   * request of that id. An approved request is sent under the approval's id instead (step 4c), so that its trail,
   * from the request to Graph's answer, is one action entry; a refusal never is, so nobody can write into another
   * request's trail by naming it.
   */
  const attemptId = randomUUID();
  let actionId: string = attemptId;
  // One budget for every Graph call of this action (device read, beta read, POST, re-check): a gate closed for a
  // second is waited out by each, and only the action as a whole is bounded.
  const budget = waitBudget(deps.budgetMs ?? MAX_RETRY_AFTER_SECONDS * 1000);
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
      actionId: attemptId,
      deviceId,
      ...names,
      deviceName: extra.deviceName,
      ticket: extra.ticket,
      actor: extra.actor ?? null,
      clientRequestId: attemptId,
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
    // A token the console can read names who sent it, unverified (Graph never saw it): the record says so. Either
    // way the device id is written only as what kind of value it was, unless it is a device id at all, so nobody can
    // put text of their choosing into the trail the auditors read.
    const readable = checkTokenShape(token, { tenantId: env.AUTH_TENANT_ID });
    await refuse(
      auditableDeviceId(rawInput),
      `invalidInput: ${Object.keys(fieldErrors).join(', ')}`,
      readable.ok ? { actor: { value: auditActor(readable.claims), verified: false } } : {},
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
    device = await getManagedDevice(bearer, input.deviceId, 'summary', { budget });
    if (!shape.ok) me = await verifiedCaller(bearer, budget);
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

  // 3b. An approved request (four-eyes, step 4c) names its approval: it must be this agent's own, approved and not
  //     expired, and for exactly this device, action kind and ticket (an approval for device A or kind X sends nothing
  //     to device B or kind Y, and is refused as such before the one rule looks at the kind). Checked before the
  //     verification too, because the verification checked is then the approval's. Every refusal is filed under this
  //     attempt's id, never the approval's.
  let approval: ApprovalRow | null = null;
  const matching = { deviceId: input.deviceId, kind: input.kind, ticket: input.ticket };
  if (input.approvalId) {
    const row = await deps.approvals.get(input.approvalId);
    const problem = approvalProblem(row, { actor, ...matching, now: new Date() });
    if (problem !== null || row === null) {
      const why = problem ?? 'unknown';
      await refuse(input.deviceId, `approvalRefused: ${why} (approval ${input.approvalId})`, {
        actor: verified,
        deviceName: device.deviceName,
        ticket: input.ticket,
      });
      return { status: 'approvalRefused', actionId, problem: why };
    }
    approval = row;
  }

  // 4. The one rule, on Graph's answer rather than the browser's word (v1.0's, and beta's where v1.0 cannot tell
  //    the mode): the action the agent confirmed must fit the one this device supports now (a device can be
  //    re-enrolled between the list and the click). A wipe, retire or delete pending (managementState, as Graph
  //    reports it) leaves no action: refused here, before the guard and before any POST, and audited.
  const decided = await decidePasscodePlan(bearer, device, passcodePolicy(env), { budget });
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

  // 4b. The caller: the policy for this device's user (its userId as Graph answers it now) and this action kind, and
  //     the verification the request names, which must be this agent's, about this user, and (where required)
  //     verified and recent. Nothing the browser says about it is taken: the store has what the server recorded.
  //     Under an approval it is the verification the approval names, judged as of the request's creation: that is
  //     the evidence the approver saw and approved, and the wait for a decision must not age it out.
  const policy = await verificationPolicyFor(
    env,
    { token: bearer, userId: device.userId || null, kind: plan.kind },
    { budget },
  );
  const verification = await checkVerification(policy, {
    verificationId: approval ? approval.verification_id : input.verificationId,
    agentOid: actor.oid,
    userId: device.userId || null,
    deviceId: input.deviceId,
    verifications: deps.verifications,
    now: approval ? new Date(approval.created_at) : new Date(),
  });
  if (!verification.ok) {
    await refuse(input.deviceId, verificationRefusalDetail(policy, verification.problem), {
      actor: verified,
      deviceName: device.deviceName,
      ticket: input.ticket,
    });
    return {
      status: 'verificationRequired',
      actionId,
      policy,
      problem: verification.problem,
    };
  }

  // 4c. Four-eyes. Without an approval, where the policy (APPROVAL_REQUIRED, for this device's user and this kind)
  //     asks for one, the request becomes an approval request under this attempt's id: nothing is posted, the device
  //     is not reserved (a request may wait an hour), and the rate limit above has counted it. The note is the
  //     reason the approver reads. An approval named while the policy no longer asks for one is still honoured
  //     (and the policy not even read): the approver's decision only adds to what the agent may do anyway, and
  //     sending under it keeps the request's trail whole instead of stranding it.
  if (!approval) {
    const approvalPolicy = await approvalPolicyFor(
      env,
      { token: bearer, userId: device.userId || null, kind: plan.kind, subject: 'action' },
      { budget },
    );
    if (approvalPolicy.required) {
      // The dialog's own rule (approval-reason.ts), checked again here: a server action is a public endpoint.
      const reason = checkApprovalReason(input.note);
      if (!reason.ok) {
        await refuse(input.deviceId, 'invalidInput: note (the reason for the approver)', {
          actor: verified,
          deviceName: device.deviceName,
          ticket: input.ticket,
        });
        return { status: 'invalid', fieldErrors: { note: reason.errors[0] } };
      }
      const row = await deps.approvals.create({
        id: actionId,
        subject: 'action',
        requester: actor,
        device: {
          id: input.deviceId,
          name: device.deviceName || null,
          serialNumber: device.serialNumber || null,
          userId: device.userId || null,
          userUpn: device.userPrincipalName || null,
          userName: device.userDisplayName || null,
        },
        actionKind: plan.kind,
        graphAction: plan.graphAction,
        revealOf: null,
        ticket: input.ticket,
        reason: reason.value,
        verificationId: verification.verification?.id ?? null,
        because: approvalPolicy.because,
        ttlMinutes: approvalPolicy.ttlMinutes,
      });
      await recordApprovalStep(store, row, 'approvalRequested', actor, reason.value);
      if (deps.notifyApprovers) await deps.notifyApprovers(row, bearer);
      const latest = (await deps.approvals.get(row.id)) ?? row;
      return {
        status: 'approvalPending',
        actionId,
        approval: approvalView(
          latest,
          { caller: actor, approver: false },
          verification.verification,
        ),
      };
    }
  }

  // 5. One passcode action per device at a time, across tabs, agents and instances: the guard is in the database.
  //    An approved request takes it under the approval's id, then consumes the approval: of two instances sending
  //    it at once, one wins consume's conditional UPDATE and the other sends nothing (exactly-once rests on that
  //    UPDATE, not on the guard, which two senders of the same id may both take).
  if (approval) actionId = approval.id;
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
  if (approval) {
    const consumed = await deps.approvals.consume(approval.id, actor.oid);
    if (!consumed.ok) {
      // The guard is keyed by the action id, which is the approval's: when another sender won, the guard (taken again
      // under that id, so "acquired" here too) is the winner's, held for its POST, and stays. Otherwise it is ours.
      const sent = consumed.row !== null && consumed.row.status === 'sent';
      if (!sent) await store.releaseDevice(input.deviceId, approval.id);
      const problem: ApprovalProblem = sent
        ? 'alreadySent'
        : consumed.row
          ? (approvalProblem(consumed.row, { actor, ...matching, now: new Date() }) ?? 'expired')
          : 'unknown';
      await refuse(input.deviceId, `approvalRefused: ${problem} (approval ${approval.id})`, {
        actor: verified,
        deviceName: device.deviceName,
        ticket: input.ticket,
      });
      return { status: 'approvalRefused', actionId: attemptId, problem };
    }
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
    verificationId: verification.verification?.id ?? null,
    approvalId: approval?.id ?? null,
  };
  if (input.overrideReason !== undefined)
    await store.record({ ...base, kind: 'override', detail: input.overrideReason });
  const requestedAt = new Date();
  await store.record({ ...base, kind: 'intent', note: input.note || null, at: requestedAt });

  // 6. The POST, under our action id as client-request-id, so Intune's own audit log correlates. It waits for a
  //    closed throttle gate within the action's budget: what the gate held back never reached Graph. A POST that did
  //    reach Graph is sent again only once, only after a 429, and only when the device has been seen without it
  //    after Graph's results delay: a gateway in front of Graph can answer 429 after Intune queued the action, and
  //    deviceActionResults show a new action only after a delay Microsoft does not document (the emulator's: 5 s),
  //    so a look before `ACTION_RESULTS_DELAY_SECONDS` have passed since the request proves nothing. A look that
  //    cannot happen within the budget, or fails, leaves the fate unknown (never sent blind): tracking (status.ts)
  //    settles it, and the device stays reserved until then or until someone decides. Microsoft documents no
  //    idempotency, and a second resetPasscode on Android makes a new passcode, so a double send is the harm to
  //    avoid; a 429 that Graph's own throttling sent before handling (the common case) gets its one retry.
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
      verification: verification.verification,
    };
  };
  const post = () => graphPostAction({ path, token: bearer, clientRequestId: actionId, budget });
  let failure: GraphError;
  try {
    const res = await post();
    return await accepted(res.requestId, res.status, null);
  } catch (e) {
    if (!(e instanceof GraphError)) throw e;
    failure = e;
  }
  let retried = false;
  if (failure.kind === 'http' && failure.status === 429) {
    const seen = await lookAfterResultsDelay({
      token: bearer,
      deviceId: input.deviceId,
      action: plan.graphAction,
      requestedAt,
      delayMs: env.ACTION_RESULTS_DELAY_SECONDS * 1000,
      budget,
      wait,
    });
    if (seen === 'shown')
      return accepted(
        failure.requestId,
        failure.status,
        'carried out although Graph answered 429; not sent again',
      );
    if (seen === 'absent') {
      const first = failure;
      retried = true;
      try {
        const res = await post();
        return await accepted(
          res.requestId,
          res.status,
          `accepted after one retry (429, Retry-After ${first.retryAfterSeconds ?? 'none'} s; the device showed no such action ${env.ACTION_RESULTS_DELAY_SECONDS} s after the request)`,
        );
      } catch (e) {
        if (!(e instanceof GraphError)) throw e;
        failure = e;
      }
    }
  }
  // A 429, a timeout or a 5xx from Graph leaves the action's fate unknown: never "failed". The gate holding the
  // POST back beyond the budget (kind notSent) is the one 429 that certainly sent nothing, unless a first POST
  // went out before it.
  const unknown =
    (failure.kind !== 'notSent' && UNKNOWN_FATE.has(failure.status)) ||
    (retried && failure.status === 429);
  await store.record({
    ...base,
    kind: 'outcome',
    outcome: unknown ? 'unknown' : outcomeFor(failure.status),
    graphRequestId: failure.requestId,
    httpStatus: failure.status || null,
    detail:
      failure.status === 429 && unknown
        ? `${failure.code}: ${failure.message} (${retried ? 'a second 429 after one retry' : 'not sent again: the device could not be seen without it in time'})`
        : isIntuneApprovalRequired(failure)
          ? `ApprovalRequired: approval code ${failure.approvalCode ?? '(none sent)'}`
          : `${failure.code}: ${failure.message}`,
  });
  if (unknown) {
    // Graph may have queued it: the device stays reserved until it shows the action or someone decides.
    await store.holdUntilSettled(input.deviceId, actionId);
    return {
      status: 'unknown',
      actionId,
      requestedAt: requestedAt.toISOString(),
      failure: failure.info(),
      kind: plan.kind,
      verification: verification.verification,
    };
  }
  await store.releaseDevice(input.deviceId, actionId);
  return mapFailure(failure, actionId);
}

/**
 * After Graph answered a POST 429: does the device show the action? "absent" only from a successful read made at
 * least `delayMs` after the request (Graph shows new actions late); "unknown" when no such read fits the budget or
 * the read fails. The read itself waits for the gate the 429 closed (Retry-After), within the same budget.
 */
async function lookAfterResultsDelay(o: {
  token: string;
  deviceId: string;
  action: GraphPasscodeAction;
  requestedAt: Date;
  delayMs: number;
  budget: WaitBudget;
  wait: (ms: number) => Promise<unknown>;
}): Promise<'shown' | 'absent' | 'unknown'> {
  const early = o.requestedAt.getTime() + o.delayMs - Date.now();
  if (!fitsBudget(o.budget, Math.max(0, early))) return 'unknown';
  if (early > 0) await o.wait(early);
  try {
    return (await shownOnDevice(
      o.token,
      o.deviceId,
      o.action,
      o.requestedAt.toISOString(),
      o.budget,
    ))
      ? 'shown'
      : 'absent';
  } catch {
    return 'unknown';
  }
}

/** Why an approval cannot send this request now, or null when it can (approvals/usable.ts). */
export function approvalProblem(
  row: ApprovalRow | null,
  o: {
    actor: { oid: string; upn: string };
    deviceId: string;
    kind: string;
    ticket: string;
    now: Date;
  },
): ApprovalProblem | null {
  return approvalUseProblem(
    row,
    o.actor,
    (r) =>
      r.subject === 'action' &&
      r.device_id === o.deviceId.toLowerCase() &&
      r.action_kind === o.kind &&
      r.ticket === o.ticket,
    o.now,
  );
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
  // Intune's own Multi Admin Approval: nothing was queued, and a second POST would only open a second request.
  if (isIntuneApprovalRequired(e))
    return {
      status: 'intuneApprovalRequired',
      actionId,
      approvalCode: e.approvalCode,
      failure: e.info(),
    };
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

/**
 * What to file an invalid request under: the device id when it is one (lower case), otherwise only what kind of
 * value was sent (`(invalid string)`, `(invalid array)`, …), never its text.
 */
function auditableDeviceId(raw: unknown): string {
  const value = field(raw, 'deviceId');
  const id = DeviceIdSchema.safeParse(value);
  if (id.success) return id.data;
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  return `(invalid ${kind})`;
}
