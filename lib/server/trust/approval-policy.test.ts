// Who needs a second pair of eyes (APPROVAL_REQUIRED): every reason that holds is named, a reveal only by `reveal`,
// and a group membership Graph would not tell counts as a member (the stricter rule).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GraphError } from '@/lib/server/graph/errors';
import type { ApprovalRule } from '@/lib/server/config/server-env';
import { approvalPolicyFor } from './approval-policy';

const membership = vi.hoisted(() => ({
  answer: new Set<string>() as Set<string> | Error,
  calls: 0,
}));
vi.mock('@/lib/server/graph/group-membership', () => ({
  memberGroupsOf: async (_token: string, _userId: string, groups: readonly string[]) => {
    membership.calls++;
    if (membership.answer instanceof Error) throw membership.answer;
    const answer = membership.answer;
    return new Set(groups.filter((g) => answer.has(g)));
  },
}));

const EXECUTIVES = '6f1c7a52-0d3b-4e2a-9c51-3a7e8b2d4f10';
const rule = (r: Partial<ApprovalRule>): ApprovalRule => ({
  all: false,
  reveal: false,
  kinds: [],
  groups: [],
  ...r,
});
const env = (r: Partial<ApprovalRule>) => ({
  APPROVAL_REQUIRED: rule(r),
  APPROVAL_TTL_MINUTES: 45,
});
const action = {
  token: 't',
  userId: 'user-1',
  kind: 'resetDevicePasscode' as const,
  subject: 'action' as const,
};
const throttled = new GraphError({
  kind: 'http',
  status: 429,
  code: 'TooManyRequests',
  message: 'Too many requests.',
  requestId: 'rid-1',
  clientRequestId: 'crid-1',
  date: null,
  retryAfterSeconds: 5,
  claimsChallenge: null,
});

beforeEach(() => {
  membership.answer = new Set();
  membership.calls = 0;
});

describe('approvalPolicyFor', () => {
  it('nothing configured: not required, and Graph is not asked', async () => {
    expect(await approvalPolicyFor(env({}), action)).toEqual({
      required: false,
      because: [],
      ttlMinutes: 45,
    });
    expect(membership.calls).toBe(0);
  });

  it('`all` and a named kind require it for that kind only, naming each reason', async () => {
    expect(await approvalPolicyFor(env({ all: true }), action)).toMatchObject({
      required: true,
      because: ['all'],
    });
    const kinds = env({ kinds: ['resetDevicePasscode'] });
    expect(await approvalPolicyFor(kinds, action)).toMatchObject({ because: ['kind'] });
    expect(await approvalPolicyFor(kinds, { ...action, kind: 'removePasscode' })).toMatchObject({
      required: false,
    });
    expect(
      await approvalPolicyFor(env({ all: true, kinds: ['resetDevicePasscode'] }), action),
    ).toMatchObject({ because: ['all', 'kind'] });
  });

  it('a user in a configured group (transitively, as Graph answers) requires it; one outside does not', async () => {
    membership.answer = new Set([EXECUTIVES]);
    expect(await approvalPolicyFor(env({ groups: [EXECUTIVES] }), action)).toMatchObject({
      required: true,
      because: ['group'],
    });
    membership.answer = new Set();
    expect(await approvalPolicyFor(env({ groups: [EXECUTIVES] }), action)).toMatchObject({
      required: false,
    });
    // A device without a user has nobody to be a member.
    expect(
      await approvalPolicyFor(env({ groups: [EXECUTIVES] }), { ...action, userId: null }),
    ).toMatchObject({ required: false });
  });

  it('a membership Graph does not tell (throttled, no permission) requires it: groupUnreadable', async () => {
    membership.answer = throttled;
    expect(await approvalPolicyFor(env({ groups: [EXECUTIVES] }), action)).toEqual({
      required: true,
      because: ['groupUnreadable'],
      ttlMinutes: 45,
    });
  });

  it('anything but a Graph answer is not taken for a verdict: it is thrown', async () => {
    membership.answer = new Error('bug');
    await expect(approvalPolicyFor(env({ groups: [EXECUTIVES] }), action)).rejects.toThrow('bug');
  });

  it('a reveal needs it only where `reveal` is configured, whatever else is', async () => {
    membership.answer = new Set([EXECUTIVES]);
    const reveal = { ...action, subject: 'reveal' as const };
    expect(
      await approvalPolicyFor(
        env({ all: true, kinds: ['resetDevicePasscode'], groups: [EXECUTIVES] }),
        reveal,
      ),
    ).toMatchObject({ required: false, because: [] });
    expect(await approvalPolicyFor(env({ reveal: true }), reveal)).toMatchObject({
      required: true,
      because: ['reveal'],
    });
    // And `reveal` alone asks nothing of the action itself.
    expect(await approvalPolicyFor(env({ reveal: true }), action)).toMatchObject({
      required: false,
    });
  });
});
