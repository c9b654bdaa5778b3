// The tenant's security groups, for Graph's checkMemberGroups: fixed ids so a console can be configured with them
// (VERIFY_REQUIRED_GROUPS) and tests can rely on them, and one nested group, since Microsoft answers membership
// transitively. Members are named people (seed.ts), present in every tenant size.
import type { DirectoryGroup, DirectoryUser } from './types';

export const DEMO_GROUPS = {
  /** Users a helpdesk must verify before any unlock: holds Executives as a member (nesting). */
  protectedUsers: '6f1c2a90-3b4d-4c5e-8f60-7a8b9c0d1e2f',
  executives: '0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d',
  finance: 'b7c8d9e0-f1a2-4b3c-8d4e-5f6a7b8c9d0e',
} as const;

const MEMBERS: Record<keyof typeof DEMO_GROUPS, { users: string[]; groups: string[] }> = {
  protectedUsers: { users: [], groups: [DEMO_GROUPS.executives] },
  executives: { users: ['zoe.obrien'], groups: [] },
  finance: { users: ['juergen.weiss'], groups: [] },
};

const NAMES: Record<keyof typeof DEMO_GROUPS, string> = {
  protectedUsers: 'Passcode Desk – verify before unlock',
  executives: 'Executives',
  finance: 'Finance',
};

export function seedGroups(users: readonly DirectoryUser[]): DirectoryGroup[] {
  const idOf = (alias: string) =>
    users.find((u) => u.userPrincipalName.split('@')[0] === alias)?.id;
  return (Object.keys(DEMO_GROUPS) as (keyof typeof DEMO_GROUPS)[]).map((key) => ({
    id: DEMO_GROUPS[key],
    displayName: NAMES[key],
    memberUserIds: MEMBERS[key].users.flatMap((alias) => idOf(alias) ?? []),
    memberGroupIds: MEMBERS[key].groups,
  }));
}

/** The groups a user belongs to, directly or through nested groups (what checkMemberGroups answers from). */
export function transitiveGroupsOf(groups: readonly DirectoryGroup[], userId: string): Set<string> {
  const found = new Set(groups.filter((g) => g.memberUserIds.includes(userId)).map((g) => g.id));
  for (let grew = true; grew;) {
    grew = false;
    for (const g of groups) {
      if (!found.has(g.id) && g.memberGroupIds.some((m) => found.has(m))) {
        found.add(g.id);
        grew = true;
      }
    }
  }
  return found;
}
