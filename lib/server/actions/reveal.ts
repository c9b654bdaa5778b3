import 'server-only';
// The temporary passcode of an Android reset, handed from Intune to one agent for one caller: read from Graph
// with the agent's own token on an explicit click (so Intune's RBAC decides), only for the agent who requested
// the action or someone the configuration names, and audited without the passcode. It is returned to the
// route handler and nowhere else: never logged, stored, cached or put into an error. Under the caller policy the
// reveal rests on a verification like the action did: by default the action's own (the passcode goes to the caller
// that verification is about, and the browser need carry nothing), or one the request names (an agent whose
// verification aged out while the device was offline records a new one; another agent the configuration lets reveal
// needs one of their own). It is checked now, against the device's user as Graph answers now. Where four-eyes covers
// reveals (APPROVAL_REQUIRED has `reveal`), a reveal also needs an approval of this agent's reveal request for this
// action (components/approvals/reveal-actions.ts writes one), consumed by the one reveal it allows.
import type { RateLimits } from '@/lib/server/store/rate-limits';
import type { AuditStore } from '@/lib/server/store/audit-store';
import type { VerificationStore } from '@/lib/server/store/verifications';
import {
  checkVerification,
  verificationPolicyFor,
  verificationRefusalDetail,
  type PolicyEnv,
} from '@/lib/server/trust/verification-policy';
import type { VerificationPolicy, VerificationProblem } from '@/lib/shared/trust/verification';
import type { ApprovalProblem, ApprovalView } from '@/lib/shared/trust/approval';
import {
  approvalStateAt,
  type ApprovalRow,
  type ApprovalStore,
} from '@/lib/server/store/approvals';
import { approvalView } from '@/lib/server/approvals/view';
import { approvalUseProblem } from '@/lib/server/approvals/usable';
import { approvalPolicyFor, type ApprovalPolicyEnv } from '@/lib/server/trust/approval-policy';
import { auditActor } from '@/lib/server/auth/audit-actor';
import { checkTokenShape } from '@/lib/server/auth/token-claims';
import { RATE_LIMIT_WINDOW_MS, type ServerEnv } from '@/lib/server/config/server-env';
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { REVEALS_PASSCODE, PASSCODE_VISIBLE_DAYS } from '@/lib/shared/devices/passcode-plan';
import { entryFor } from './action-entry';
import { isRequester } from './requester';
import { visibleRecords } from './status';
import { summarize } from './summarize';

const DAY_MS = 86_400_000;

export type RevealResult =
  | { ok: true; passcode: string; expiresAt: string | null }
  | {
      ok: false;
      status: 403 | 404 | 409 | 410;
      code:
        | 'actionNotFound'
        | 'notYourAction'
        | 'noPasscodeForAction'
        | 'passcodeNotReady'
        | 'passcodeExpired'
        | 'passcodeNotShown';
    }
  | { ok: false; status: 429; code: 'tooManyReveals'; retryAfterSeconds: number }
  | {
      ok: false;
      status: 403;
      code: 'verificationRequired';
      policy: VerificationPolicy;
      problem: VerificationProblem;
    }
  | {
      ok: false;
      status: 403;
      code: 'approvalRequired';
      /** This agent's open reveal request for the action (pending, or approved and not yet used), if any. */
      approval: ApprovalView | null;
    }
  | { ok: false; status: 403; code: 'approvalRefused'; problem: ApprovalProblem };

/** How far back a requester's open reveal request is looked for: longer than any APPROVAL_TTL_MINUTES. */
const OPEN_REQUEST_LOOKBACK_MS = 2 * DAY_MS;

export async function revealPasscode(
  actionId: string,
  token: string,
  deps: {
    store: AuditStore;
    limits: RateLimits;
    verifications: Pick<VerificationStore, 'get'>;
    approvals: Pick<ApprovalStore, 'get' | 'consume' | 'ofRequester'>;
    env: Pick<ServerEnv, 'AUTH_TENANT_ID' | 'PASSCODE_REVEAL_ALSO' | 'REVEAL_RATE_LIMIT'> &
      PolicyEnv &
      ApprovalPolicyEnv;
    now?: () => number;
    /** A verification the request names; the action's own when not given. */
    verificationId?: string | null;
    /** The approved reveal request this reveal is made under (`?approvalId=`). */
    approvalId?: string | null;
  },
): Promise<RevealResult> {
  const { store, env } = deps;
  const now = (deps.now ?? Date.now)();
  const records = await visibleRecords(actionId, token, store);
  const action = records ? summarize(records, now) : null;
  if (!records || !action) return { ok: false, status: 404, code: 'actionNotFound' };

  // Graph reads the device with the agent's token first: its RBAC decides, and its acceptance makes the token's
  // claims the verified caller.
  const device = await getManagedDevice(token, action.deviceId, 'actionResults');
  const shape = checkTokenShape(token, { tenantId: env.AUTH_TENANT_ID });
  const caller = shape.ok ? shape.claims : null;
  const audit = (
    outcome: 'accepted' | 'denied',
    detail: string,
    verificationId: string | null = null,
    approvalId: string | null = null,
  ) =>
    store.record({
      actionId,
      kind: 'reveal',
      actionName: action.graphAction,
      actionKind: action.kind,
      deviceId: action.deviceId,
      deviceName: action.deviceName,
      ticket: action.ticket,
      outcome,
      detail,
      actor: caller ? { value: auditActor(caller), verified: true } : null,
      verificationId,
      approvalId,
    });
  // Each passcode shown, and each attempt on another agent's action, counts against the agent's limit, on every
  // instance alike: probing others' actions costs the same as reading passcodes.
  const hitLimit = async (): Promise<RevealResult | null> => {
    if (caller === null) return null;
    const limit = await deps.limits.hit(
      caller.oid,
      'reveal',
      env.REVEAL_RATE_LIMIT,
      RATE_LIMIT_WINDOW_MS,
    );
    if (limit.allowed) return null;
    await audit(
      'denied',
      `passcode reveal refused: more than ${env.REVEAL_RATE_LIMIT} reveals in 10 minutes`,
    );
    return {
      ok: false,
      status: 429,
      code: 'tooManyReveals',
      retryAfterSeconds: limit.retryAfterSeconds,
    };
  };
  const mayReveal = (oid: string, upn: string) =>
    isRequester(records, oid) ||
    env.PASSCODE_REVEAL_ALSO.includes(oid.toLowerCase()) ||
    env.PASSCODE_REVEAL_ALSO.includes(upn.toLowerCase());
  if (caller === null || !mayReveal(caller.oid, caller.upn)) {
    const limited = await hitLimit();
    if (limited) return limited;
    await audit('denied', 'passcode reveal refused: not the requesting agent');
    return { ok: false, status: 403, code: 'notYourAction' };
  }
  if (!action.kind || !REVEALS_PASSCODE.has(action.kind))
    return { ok: false, status: 409, code: 'noPasscodeForAction' };

  const policy = await verificationPolicyFor(env, {
    token,
    userId: device.userId || null,
    kind: action.kind,
  });
  const verification = await checkVerification(policy, {
    verificationId: deps.verificationId ?? action.verificationId,
    agentOid: caller.oid,
    userId: device.userId || null,
    deviceId: action.deviceId,
    verifications: deps.verifications,
    now: new Date(now),
  });
  if (!verification.ok) {
    await audit('denied', verificationRefusalDetail(policy, verification.problem));
    return {
      ok: false,
      status: 403,
      code: 'verificationRequired',
      policy,
      problem: verification.problem,
    };
  }
  const verificationId = verification.verification?.id ?? null;

  // Four-eyes for reveals: without an approval named, where the policy asks for one, the answer points at this
  // agent's open request for it (the browser offers to make one otherwise). An approval named is checked whatever
  // the policy says now (as for actions, an approver's decision is honoured), and consumed only right before the
  // passcode is shown, so a reveal that finds nothing to show does not use it up.
  let approval: ApprovalRow | null = null;
  const who = { oid: caller.oid, upn: caller.upn };
  if (deps.approvalId) {
    const row = await deps.approvals.get(deps.approvalId);
    const problem = revealApprovalProblem(row, who, actionId, new Date(now));
    if (problem !== null || row === null) {
      await audit(
        'denied',
        `approvalRefused: ${problem ?? 'unknown'} (approval ${deps.approvalId})`,
      );
      return { ok: false, status: 403, code: 'approvalRefused', problem: problem ?? 'unknown' };
    }
    approval = row;
  } else {
    const policy = await approvalPolicyFor(env, {
      token,
      userId: device.userId || null,
      kind: action.kind,
      subject: 'reveal',
    });
    if (policy.required) {
      await audit('denied', 'approvalRequired: a reveal needs an approved reveal request');
      const open = await openRevealRequest(deps.approvals, who, actionId, new Date(now));
      return {
        ok: false,
        status: 403,
        code: 'approvalRequired',
        approval: open
          ? approvalView(open, { caller: who, approver: false }, null, new Date(now))
          : null,
      };
    }
  }

  const entry = entryFor(device.deviceActionResults, action.graphAction, action.requestedAt);
  if (!entry || entry.actionState !== 'done')
    return { ok: false, status: 409, code: 'passcodeNotReady' };
  const doneAt = entry.lastUpdatedDateTime ? Date.parse(entry.lastUpdatedDateTime) : null;
  if (entry.passcode === null) {
    const expired = doneAt !== null && now - doneAt > PASSCODE_VISIBLE_DAYS * DAY_MS;
    return expired
      ? { ok: false, status: 410, code: 'passcodeExpired' }
      : { ok: false, status: 404, code: 'passcodeNotShown' };
  }
  const limited = await hitLimit();
  if (limited) return limited;
  if (approval) {
    const consumed = await deps.approvals.consume(approval.id, caller.oid);
    if (!consumed.ok) {
      const problem: ApprovalProblem =
        consumed.row === null
          ? 'unknown'
          : (revealApprovalProblem(consumed.row, who, actionId, new Date()) ?? 'expired');
      await audit('denied', `approvalRefused: ${problem} (approval ${approval.id})`);
      return { ok: false, status: 403, code: 'approvalRefused', problem };
    }
  }
  await audit('accepted', `passcode shown to ${caller.upn}`, verificationId, approval?.id ?? null);
  return {
    ok: true,
    passcode: entry.passcode,
    expiresAt:
      doneAt === null ? null : new Date(doneAt + PASSCODE_VISIBLE_DAYS * DAY_MS).toISOString(),
  };
}

/** Why an approval cannot allow this agent's reveal of this action now, or null when it can (approvals/usable.ts). */
function revealApprovalProblem(
  row: ApprovalRow | null,
  caller: { oid: string; upn: string },
  actionId: string,
  now: Date,
): ApprovalProblem | null {
  return approvalUseProblem(
    row,
    caller,
    (r) => r.subject === 'reveal' && r.reveal_of === actionId.toLowerCase(),
    now,
  );
}

/** This agent's newest reveal request for the action that is still open (waiting, or approved and unused). */
export async function openRevealRequest(
  approvals: Pick<ApprovalStore, 'ofRequester'>,
  caller: { oid: string },
  actionId: string,
  now: Date,
): Promise<ApprovalRow | null> {
  const mine = await approvals.ofRequester(
    caller.oid,
    new Date(now.getTime() - OPEN_REQUEST_LOOKBACK_MS),
  );
  return (
    mine.find(
      (r) =>
        r.subject === 'reveal' &&
        r.reveal_of === actionId.toLowerCase() &&
        ['pending', 'approved'].includes(approvalStateAt(r, now)),
    ) ?? null
  );
}
