import 'server-only';
// Which caller verification a passcode action or a reveal needs (VERIFY_CALLER, VERIFY_MAX_AGE_MINUTES, stricter
// for VERIFY_REQUIRED_GROUPS and VERIFY_REQUIRED_KINDS), decided on the server per device user, and whether a
// verification id the request names meets it. The dialog shows what this answers and never decides it itself.
import type { ServerEnv } from '@/lib/server/config/server-env';
import { GraphError } from '@/lib/server/graph/errors';
import { memberGroupsOf } from '@/lib/server/graph/group-membership';
import type { WaitBudget } from '@/lib/server/graph/client';
import type { VerificationStore } from '@/lib/server/store/verifications';
import type { PasscodeActionKind } from '@/lib/shared/devices/passcode-plan';
import type {
  CallerVerification,
  VerificationPolicy,
  VerificationProblem,
} from '@/lib/shared/trust/verification';

export type PolicyEnv = Pick<
  ServerEnv,
  'VERIFY_CALLER' | 'VERIFY_MAX_AGE_MINUTES' | 'VERIFY_REQUIRED_GROUPS' | 'VERIFY_REQUIRED_KINDS'
>;

/** The configured policy, before any group or action kind makes it stricter. */
export function verificationPolicy(
  env: Pick<ServerEnv, 'VERIFY_CALLER' | 'VERIFY_MAX_AGE_MINUTES'>,
): VerificationPolicy {
  return {
    mode: env.VERIFY_CALLER,
    maxAgeMinutes: env.VERIFY_MAX_AGE_MINUTES,
    requiredBecause: env.VERIFY_CALLER === 'required' ? 'configured' : null,
  };
}

/**
 * The policy for one device user and, where known, one action kind: `required` when configured, when the kind is
 * in VERIFY_REQUIRED_KINDS, or when Graph says the user is a transitive member of a VERIFY_REQUIRED_GROUPS group.
 * Membership is read with the agent's token (GroupMember.Read.All); when it cannot be read (no permission, Graph
 * failing, throttled) the stricter rule applies: a console that cannot tell whether a user is protected treats them
 * as protected, so a missing consent never lowers the bar.
 */
export async function verificationPolicyFor(
  env: PolicyEnv,
  who: { token: string; userId: string | null; kind: PasscodeActionKind | null },
  opts: { budget?: WaitBudget; signal?: AbortSignal } = {},
): Promise<VerificationPolicy> {
  const configured = verificationPolicy(env);
  if (configured.mode === 'required') return configured;
  const required = (requiredBecause: VerificationPolicy['requiredBecause']) => ({
    ...configured,
    mode: 'required' as const,
    requiredBecause,
  });
  if (who.kind !== null && env.VERIFY_REQUIRED_KINDS.includes(who.kind)) return required('kind');
  if (who.userId && env.VERIFY_REQUIRED_GROUPS.length > 0) {
    try {
      const member = await memberGroupsOf(who.token, who.userId, env.VERIFY_REQUIRED_GROUPS, opts);
      if (member.size > 0) return required('group');
    } catch (e) {
      if (!(e instanceof GraphError)) throw e;
      return required('groupUnreadable');
    }
  }
  return configured;
}

export type VerificationCheck =
  | { ok: true; verification: CallerVerification | null }
  | { ok: false; problem: VerificationProblem };

/**
 * Whether the verification a request names meets the policy for this agent and this device's user (its `userId` as
 * Graph answers it now; ids compared in lower case). Any id named must be a verification this agent recorded about
 * this user, in every mode, so that no action's trail points at another agent's or another user's verification (a
 * device without a user: one this agent recorded on this device). `record` needs one of any method, `notVerified`
 * with its reason included; `required` one that verified the user within VERIFY_MAX_AGE_MINUTES; `off` none.
 */
export async function checkVerification(
  policy: VerificationPolicy,
  o: {
    verificationId: string | null | undefined;
    agentOid: string;
    userId: string | null;
    deviceId: string;
    verifications: Pick<VerificationStore, 'get'>;
    now: Date;
  },
): Promise<VerificationCheck> {
  const refused = (problem: VerificationProblem): VerificationCheck => ({ ok: false, problem });
  const userId = o.userId ? o.userId.toLowerCase() : null;
  if (policy.mode === 'required' && userId === null) return refused('noDeviceUser');
  if (!o.verificationId) {
    // Under `record` a device without a user has nobody to verify: the action goes on, as under `off`.
    return policy.mode === 'off' || userId === null
      ? { ok: true, verification: null }
      : refused('missing');
  }
  const v = await o.verifications.get(o.verificationId);
  if (!v) return refused('unknown');
  if (v.agent.oid !== o.agentOid.toLowerCase()) return refused('otherAgent');
  const about = userId !== null ? v.subject.id === userId : v.deviceId === o.deviceId.toLowerCase();
  if (!about) return refused('otherUser');
  if (policy.mode === 'required') {
    if (!v.verified) return refused('notVerified');
    const age = o.now.getTime() - Date.parse(v.recordedAt);
    if (age > policy.maxAgeMinutes * 60_000) return refused('tooOld');
  }
  return { ok: true, verification: v };
}

/** The audit detail of a refusal: the problem and what the policy asked, never the evidence. */
export function verificationRefusalDetail(
  policy: VerificationPolicy,
  problem: VerificationProblem,
): string {
  const because =
    policy.requiredBecause && policy.requiredBecause !== 'configured'
      ? ` (${policy.requiredBecause})`
      : '';
  return `verificationRequired: ${problem}; policy ${policy.mode}${because}, at most ${policy.maxAgeMinutes} minutes old`;
}
