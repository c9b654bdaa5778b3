// GET /v1.0/users/{id | userPrincipalName}: a directory user's profile, as much of it as the owner's notification
// reads (displayName, mail, userPrincipalName, preferredLanguage), with $select. User.Read.All (or
// Directory.Read.All) reads every property; User.ReadBasic.All only the basic profile, as Microsoft documents.
// Kept minimal and in its own file: the directory helper (caller branch) owns the full profile.
import { Hono } from 'hono';
import type { EmulatorContext } from '../context';
import type { DirectoryUser } from '../tenant/types';
import { authenticate } from './authenticate';
import { graphError } from './errors';

const FULL = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'];
const BASIC = ['User.ReadBasic.All'];
const BASIC_PROPERTIES = new Set([
  'id',
  'displayName',
  'givenName',
  'surname',
  'mail',
  'userPrincipalName',
]);
const DEFAULT_PROPERTIES = [
  'id',
  'displayName',
  'givenName',
  'surname',
  'mail',
  'userPrincipalName',
  'preferredLanguage',
];

function profile(u: DirectoryUser): Record<string, unknown> {
  return {
    id: u.id,
    displayName: u.displayName,
    givenName: u.givenName,
    surname: u.surname,
    mail: u.mail,
    userPrincipalName: u.userPrincipalName,
    preferredLanguage: u.preferredLanguage ?? null,
  };
}

export function userRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono();
  app.get('/v1.0/users/:user', async (c) => {
    const auth = await authenticate(ctx, c, [...FULL, ...BASIC]);
    if (!auth.ok) return auth.response;
    const key = decodeURIComponent(c.req.param('user'));
    const user = ctx.index.userByKey.get(key.toLowerCase());
    if (!user)
      return graphError(c, {
        status: 404,
        code: 'Request_ResourceNotFound',
        message: `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
      });
    const full = FULL.some((p) => auth.caller.scopes.has(p));
    const select = (c.req.query('$select') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const all = profile(user);
    const wanted = select.length > 0 ? select : DEFAULT_PROPERTIES;
    const body: Record<string, unknown> = {
      '@odata.context': `${ctx.origin}/v1.0/$metadata#users(${select.length > 0 ? select.join(',') : ''})/$entity`,
    };
    for (const p of wanted) {
      if (!(p in all)) continue;
      // Without User.Read.All Graph leaves non-basic properties out of the answer.
      if (!full && !BASIC_PROPERTIES.has(p)) continue;
      body[p] = all[p];
    }
    return c.json(body);
  });
  return app;
}
