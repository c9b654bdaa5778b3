import 'server-only';
// The temporary passcode of an Android reset, handed from Intune to one agent for one caller: read from Graph
// with the agent's own token on an explicit click (so Intune's RBAC decides), only for the agent who requested
// the action or someone the configuration names, and audited without the passcode. It is returned to the
// route handler and nowhere else: never logged, stored, cached or put into an error. Under the caller policy the
// reveal rests on a verification like the action did: by default the action's own (the passcode goes to the caller
// that verification is about, and the browser need carry nothing), or one the request names (an agent whose
// verification aged out while the device was offline records a new one; another agent the configuration lets reveal
// needs one of their own). It is checked now, against the device's user as Graph answers now.
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
    };

export async function revealPasscode(
  actionId: string,
  token: string,
  deps: {
    store: AuditStore;
    limits: RateLimits;
    verifications: Pick<VerificationStore, 'get'>;
    env: Pick<ServerEnv, 'AUTH_TENANT_ID' | 'PASSCODE_REVEAL_ALSO' | 'REVEAL_RATE_LIMIT'> &
      PolicyEnv;
    now?: () => number;
    /** A verification the request names; the action's own when not given. */
    verificationId?: string | null;
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
  await audit('accepted', `passcode shown to ${caller.upn}`, verificationId);
  return {
    ok: true,
    passcode: entry.passcode,
    expiresAt:
      doneAt === null ? null : new Date(doneAt + PASSCODE_VISIBLE_DAYS * DAY_MS).toISOString(),
  };
}
