import 'server-only';
// Whether a passcode action or a reveal needs a second agent's approval first (APPROVAL_REQUIRED, trust.md's
// four-eyes), decided on the server for one device user and action kind. The dialog shows what this answers (the
// caller endpoint) and the action decides by it again on Confirm; the browser never decides it.
import type { ServerEnv } from '@/lib/server/config/server-env';
import { GraphError } from '@/lib/server/graph/errors';
import { memberGroupsOf } from '@/lib/server/graph/group-membership';
import type { WaitBudget } from '@/lib/server/graph/client';
import type { PasscodeActionKind } from '@/lib/shared/devices/passcode-plan';
import type { ApprovalPolicy, ApprovalReason, ApprovalSubject } from '@/lib/shared/trust/approval';

export type ApprovalPolicyEnv = Pick<ServerEnv, 'APPROVAL_REQUIRED' | 'APPROVAL_TTL_MINUTES'>;

/**
 * The policy for one device user and action kind. An action needs approval when APPROVAL_REQUIRED says `all`, names
 * its kind, or names a group the device's user is a transitive member of (checkMemberGroups with the agent's token,
 * the reader the verification policy uses); a reveal only when it says `reveal` (`all` is about the passcode
 * actions: the reveal of an action that was approved is not a second decision unless the configuration asks for
 * one). Every reason that holds is named, so the approver sees why. A membership that cannot be read (no
 * permission, Graph failing, throttled) counts as a member, `groupUnreadable`: a console that cannot tell whether a
 * user is protected treats them as protected.
 */
export async function approvalPolicyFor(
  env: ApprovalPolicyEnv,
  who: {
    token: string;
    userId: string | null;
    kind: PasscodeActionKind | null;
    subject: ApprovalSubject;
  },
  opts: { budget?: WaitBudget; signal?: AbortSignal } = {},
): Promise<ApprovalPolicy> {
  const rule = env.APPROVAL_REQUIRED;
  const because: ApprovalReason[] = [];
  if (who.subject === 'reveal') {
    if (rule.reveal) because.push('reveal');
  } else {
    if (rule.all) because.push('all');
    if (who.kind !== null && rule.kinds.includes(who.kind)) because.push('kind');
    if (who.userId && rule.groups.length > 0) {
      try {
        const member = await memberGroupsOf(who.token, who.userId, rule.groups, opts);
        if (member.size > 0) because.push('group');
      } catch (e) {
        if (!(e instanceof GraphError)) throw e;
        because.push('groupUnreadable');
      }
    }
  }
  return { required: because.length > 0, because, ttlMinutes: env.APPROVAL_TTL_MINUTES };
}
