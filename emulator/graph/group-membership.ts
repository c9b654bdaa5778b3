// Microsoft Graph's POST /users/{id | userPrincipalName}/checkMemberGroups: which of up to 20 group ids the user is
// a member of, transitively; and GET /groups/{id}, a group's properties (its mail, for a mail-enabled one).
// Delegated permission GroupMember.Read.All (or the broader Group.Read.All, Directory.Read.All); without it the
// directory's own 403 (Authorization_RequestDenied), not Intune's wording.
import { Hono, type Context } from 'hono';
import type { EmulatorContext } from '../context';
import type { DirectoryGroup } from '../tenant/types';
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

  app.get('/v1.0/groups/:id', async (c) => {
    const auth = await authenticate(ctx, c, GROUP_MEMBER_PERMISSIONS);
    if (!auth.ok) return auth.response.status === 403 ? denied(c) : auth.response;
    c.set('user', auth.caller.user.userPrincipalName);
    const key = decodeURIComponent(c.req.param('id'));
    // A group is addressed by its object id only; anything else is not an identifier at all.
    if (!GUID.test(key))
      return graphError(c, {
        status: 400,
        code: 'Request_BadRequest',
        message: `Invalid object identifier '${key}'.`,
      });
    const group = ctx.tenant.groups.find((g) => g.id === key.toLowerCase());
    if (!group)
      return graphError(c, {
        status: 404,
        code: 'Request_ResourceNotFound',
        message: `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
      });
    const all = groupResource(group);
    const raw = c.req.query('$select');
    const names = raw
      ? raw
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean)
      : Object.keys(all);
    const out: Record<string, unknown> = {};
    for (const name of names) {
      const known = Object.keys(all).find((k) => k.toLowerCase() === name.toLowerCase());
      if (!known)
        return graphError(c, {
          status: 400,
          code: 'Request_BadRequest',
          message: `Could not find a property named '${name}' on type 'microsoft.graph.group'.`,
        });
      out[known] = all[known];
    }
    const context = `${ctx.origin}/v1.0/$metadata#groups${raw ? `(${Object.keys(out).join(',')})` : ''}/$entity`;
    return c.json({ '@odata.context': context, ...out });
  });

  return app;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A group as Graph's group resource shows the properties the emulator holds. */
function groupResource(g: DirectoryGroup): Record<string, unknown> {
  return {
    id: g.id,
    displayName: g.displayName,
    description: null,
    // Graph's mailNickname: the mail's local part, or a placeholder for a security group without mail.
    mailNickname: g.mail?.split('@')[0] ?? g.id.slice(0, 8),
    mail: g.mail,
    mailEnabled: g.mailEnabled,
    securityEnabled: g.securityEnabled,
    groupTypes: [],
  };
}

function denied(c: Context): Response {
  return graphError(c, {
    status: 403,
    code: 'Authorization_RequestDenied',
    message: 'Insufficient privileges to complete the operation.',
  });
}
