// The tenant's groups, for Graph's checkMemberGroups and GET /groups/{id}: fixed ids so a console can be configured
// with them (VERIFY_REQUIRED_GROUPS, APPROVAL_REQUIRED, APPROVAL_NOTIFY_TO) and tests can rely on them, one nested
// group, since Microsoft answers membership transitively, and one mail-enabled group (the approvers', for their
// e-mail). Members are named people and demo agents (seed.ts), present in every tenant size.
import { TENANT_DOMAIN } from '../constants';
import type { DirectoryGroup, DirectoryUser } from './types';

export const DEMO_GROUPS = {
  /** Users a helpdesk must verify before any unlock: holds Executives as a member (nesting). */
  protectedUsers: '6f1c2a90-3b4d-4c5e-8f60-7a8b9c0d1e2f',
  executives: '0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d',
  finance: 'b7c8d9e0-f1a2-4b3c-8d4e-5f6a7b8c9d0e',
  /** The console's approvers (approver@ and admin@), mail-enabled: where approval requests are announced. */
  approvers: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70',
} as const;

const MEMBERS: Record<keyof typeof DEMO_GROUPS, { users: string[]; groups: string[] }> = {
  protectedUsers: { users: [], groups: [DEMO_GROUPS.executives] },
  executives: { users: ['zoe.obrien'], groups: [] },
  finance: { users: ['juergen.weiss'], groups: [] },
  approvers: { users: ['approver', 'admin'], groups: [] },
};

const NAMES: Record<keyof typeof DEMO_GROUPS, string> = {
  protectedUsers: 'Passcode Desk – verify before unlock',
  executives: 'Executives',
  finance: 'Finance',
  approvers: 'Passcode approvers',
};

/** The mail-enabled groups' addresses; the others are security groups without mail. */
const MAIL: Partial<Record<keyof typeof DEMO_GROUPS, string>> = {
  approvers: `passcode-approvers@${TENANT_DOMAIN}`,
};

export function seedGroups(users: readonly DirectoryUser[]): DirectoryGroup[] {
  const idOf = (alias: string) =>
    users.find((u) => u.userPrincipalName.split('@')[0] === alias)?.id;
  return (Object.keys(DEMO_GROUPS) as (keyof typeof DEMO_GROUPS)[]).map((key) => ({
    id: DEMO_GROUPS[key],
    displayName: NAMES[key],
    mail: MAIL[key] ?? null,
    mailEnabled: MAIL[key] !== undefined,
    securityEnabled: true,
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

/** The users a message to a mail-enabled group reaches: its members, through nested groups too. */
export function transitiveMembersOf(
  groups: readonly DirectoryGroup[],
  groupId: string,
): Set<string> {
  const users = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const g = groups.find((x) => x.id === id);
    g?.memberUserIds.forEach((u) => users.add(u));
    g?.memberGroupIds.forEach(visit);
  };
  visit(groupId);
  return users;
}
