import 'server-only';
// Whether a user is a member (transitive) of any of some groups, as Graph's checkMemberGroups answers it with the
// agent's token (GroupMember.Read.All). Graph takes at most 20 group ids per call: longer lists go in chunks.
import { z } from 'zod';
import { graphPostRead, type WaitBudget } from './client';

/** Graph's limit on `groupIds` in one checkMemberGroups call. */
export const CHECK_MEMBER_GROUPS_MAX = 20;

const Answer = z.object({ value: z.array(z.string()) });

/** The ones of `groupIds` the user is a member of (directly or through nested groups), in lower case. */
export async function memberGroupsOf(
  token: string,
  userId: string,
  groupIds: readonly string[],
  opts: { budget?: WaitBudget; signal?: AbortSignal } = {},
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < groupIds.length; i += CHECK_MEMBER_GROUPS_MAX) {
    const { data } = await graphPostRead({
      path: `/users/${encodeURIComponent(userId)}/checkMemberGroups`,
      token,
      body: { groupIds: groupIds.slice(i, i + CHECK_MEMBER_GROUPS_MAX) },
      schema: Answer,
      ...opts,
    });
    for (const id of data.value) found.add(id.toLowerCase());
  }
  return found;
}
