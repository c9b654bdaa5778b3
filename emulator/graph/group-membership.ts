// Microsoft Graph's POST /users/{id | userPrincipalName}/checkMemberGroups: which of up to 20 group ids the user is
// a member of, transitively. Delegated permission GroupMember.Read.All (or the broader Group.Read.All,
// Directory.Read.All); without it the directory's own 403 (Authorization_RequestDenied), not Intune's wording.
import { Hono, type Context } from 'hono';
import type { EmulatorContext } from '../context';
import { transitiveGroupsOf } from '../tenant/groups';
import { authenticate } from './authenticate';
import { graphError } from './errors';

export const GROUP_MEMBER_PERMISSIONS = [
  'GroupMember.Read.All',
  'Group.Read.All',
  'Directory.Read.All',
] as const;
/** Graph's documented limit on groupIds per call. */
export const MAX_GROUP_IDS = 20;

type Env = { Variables: { user: string | null } };

export function groupMembershipRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();

  app.post('/v1.0/users/:id/checkMemberGroups', async (c) => {
    const auth = await authenticate(ctx, c, GROUP_MEMBER_PERMISSIONS);
    if (!auth.ok) return auth.response.status === 403 ? denied(c) : auth.response;
    c.set('user', auth.caller.user.userPrincipalName);
    const key = c.req.param('id').toLowerCase();
    const user = ctx.tenant.users.find(
      (u) => u.id === key || u.userPrincipalName.toLowerCase() === key,
    );
    if (!user)
      return graphError(c, {
        status: 404,
        code: 'Request_ResourceNotFound',
        message: `Resource '${c.req.param('id')}' does not exist or one of its queried reference-property objects are not present.`,
      });
    const body: unknown = await c.req.json().catch(() => undefined);
    const ids =
      typeof body === 'object' && body !== null && 'groupIds' in body ? body.groupIds : undefined;
    if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === 'string'))
      return graphError(c, {
        status: 400,
        code: 'Request_BadRequest',
        message:
          "Invalid request: the parameter 'groupIds' is required and must be a collection of strings.",
      });
    if (ids.length > MAX_GROUP_IDS)
      return graphError(c, {
        status: 400,
        code: 'Request_BadRequest',
        message: `Too many group ids: at most ${MAX_GROUP_IDS} may be checked in one request.`,
      });
    const member = transitiveGroupsOf(ctx.tenant.groups, user.id);
    return c.json({
      '@odata.context': `${ctx.origin}/v1.0/$metadata#Collection(Edm.String)`,
      value: ids.filter((id) => member.has(id.toLowerCase())),
    });
  });

  return app;
}

function denied(c: Context): Response {
  return graphError(c, {
    status: 403,
    code: 'Authorization_RequestDenied',
    message: 'Insufficient privileges to complete the operation.',
  });
}
