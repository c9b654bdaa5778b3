// Graph's directory reads the Caller panel makes (trust.md): a user's profile with $select, their manager, their
// registered phone methods and Identity Protection's risk, each behind Microsoft's delegated permission and, where
// Microsoft asks for one, the signed-in user's Entra role; refused with the shapes Graph uses. No Intune role or
// Intune throttling here: these are Entra's services, not Intune's.
import { Hono, type Context } from 'hono';
import type { EmulatorContext } from '../context';
import type { DirectoryRoleName, DirectoryUser } from '../tenant/types';
import { authenticate, type Caller } from './authenticate';
import { graphError } from './errors';

/** Reading another user's profile and manager; a user may read their own with User.Read. */
export const USER_READ_ALL = [
  'User.Read.All',
  'User.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
] as const;
/** The basic profile only (id, names, mail, UPN): Microsoft's User.ReadBasic.All. */
export const USER_READ_BASIC = ['User.ReadBasic.All'] as const;
const BASIC_USER_PROPERTIES: ReadonlySet<string> = new Set([
  'id',
  'displayName',
  'givenName',
  'surname',
  'mail',
  'userPrincipalName',
]);
export const AUTH_METHOD_READ_ALL = [
  'UserAuthenticationMethod.Read.All',
  'UserAuthenticationMethod.ReadWrite.All',
] as const;
export const RISKY_USER_READ = [
  'IdentityRiskyUser.Read.All',
  'IdentityRiskyUser.ReadWrite.All',
] as const;

/** Roles that let a delegated caller read other users' authentication methods (Microsoft's list). */
const AUTH_METHOD_READERS: ReadonlySet<DirectoryRoleName> = new Set([
  'Global Administrator',
  'Global Reader',
  'Authentication Administrator',
  'Privileged Authentication Administrator',
]);
/** Roles that let a delegated caller read Identity Protection's risky users. */
const RISK_READERS: ReadonlySet<DirectoryRoleName> = new Set([
  'Global Administrator',
  'Global Reader',
  'Security Administrator',
  'Security Operator',
  'Security Reader',
]);

/** The user properties Graph returns when no $select is given (Graph's documented default set). */
const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const;

/** A user as Graph's user resource shows the properties the emulator holds. */
export function userResource(u: DirectoryUser): Record<string, unknown> {
  return {
    id: u.id,
    displayName: u.displayName,
    givenName: u.givenName,
    surname: u.surname,
    mail: u.mail,
    userPrincipalName: u.userPrincipalName,
    accountEnabled: u.profile.accountEnabled,
    preferredLanguage: u.profile.preferredLanguage,
    jobTitle: u.profile.jobTitle,
    department: u.profile.department,
    officeLocation: u.profile.officeLocation,
    employeeId: u.profile.employeeId,
    mobilePhone: u.profile.mobilePhone,
    businessPhones: [...u.profile.businessPhones],
    userType: u.profile.userType,
  };
}

const hasRole = (user: DirectoryUser, roles: ReadonlySet<DirectoryRoleName>) =>
  user.directoryRoles.some((r) => roles.has(r));

export function directoryRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono();

  const denied = (c: Context) =>
    graphError(c, {
      status: 403,
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    });
  const notFound = (c: Context, key: string) =>
    graphError(c, {
      status: 404,
      code: 'Request_ResourceNotFound',
      message: `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
    });
  const findUser = (key: string) => ctx.index.userByKey.get(decodeURIComponent(key).toLowerCase());

  /**
   * The token, then the permission: one of `others` for any user, or one of `self` (as well) for the caller's own
   * object. `forbidden` answers a token without the permission.
   */
  async function authorize(
    c: Context,
    key: string,
    others: readonly string[],
    self: readonly string[],
    forbidden: (c: Context) => Response = denied,
  ): Promise<
    { ok: true; caller: Caller; target: DirectoryUser } | { ok: false; response: Response }
  > {
    const auth = await authenticate(ctx, c, [...others, ...self], forbidden);
    if (!auth.ok) return auth;
    c.set('user' as never, auth.caller.user.userPrincipalName as never);
    const target = findUser(key);
    const isSelf = target?.id === auth.caller.user.id;
    if (!isSelf && !others.some((p) => auth.caller.scopes.has(p)))
      return { ok: false, response: forbidden(c) };
    if (!target) return { ok: false, response: notFound(c, decodeURIComponent(key)) };
    return { ok: true, caller: auth.caller, target };
  }

  /** $select on a user, as Graph checks it: an unknown property is a 400. */
  function selected(c: Context, u: DirectoryUser): Record<string, unknown> | Response {
    const all = userResource(u);
    const raw = c.req.query('$select');
    const names = raw
      ? raw
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean)
      : [...DEFAULT_USER_PROPERTIES];
    const out: Record<string, unknown> = {};
    for (const name of names) {
      const known = Object.keys(all).find((k) => k.toLowerCase() === name.toLowerCase());
      if (!known)
        return graphError(c, {
          status: 400,
          code: 'Request_BadRequest',
          message: `Could not find a property named '${name}' on type 'microsoft.graph.user'.`,
        });
      out[known] = all[known];
    }
    return out;
  }

  app.get('/v1.0/users/:user', async (c) => {
    const key = c.req.param('user');
    const a = await authorize(c, key, [...USER_READ_ALL, ...USER_READ_BASIC], ['User.Read']);
    if (!a.ok) return a.response;
    const body = selected(c, a.target);
    if (body instanceof Response) return body;
    // With User.ReadBasic.All alone Graph leaves everything but the basic profile out of another user's answer.
    const full =
      a.target.id === a.caller.user.id || USER_READ_ALL.some((p) => a.caller.scopes.has(p));
    const shown = full
      ? body
      : Object.fromEntries(Object.entries(body).filter(([k]) => BASIC_USER_PROPERTIES.has(k)));
    return c.json({ '@odata.context': `${ctx.origin}/v1.0/$metadata#users/$entity`, ...shown });
  });

  app.get('/v1.0/users/:user/manager', async (c) => {
    const key = c.req.param('user');
    const a = await authorize(c, key, USER_READ_ALL, ['User.Read']);
    if (!a.ok) return a.response;
    const manager = a.target.managerId ? ctx.index.userByKey.get(a.target.managerId) : undefined;
    if (!manager) return notFound(c, 'manager');
    const body = selected(c, manager);
    if (body instanceof Response) return body;
    return c.json({
      '@odata.context': `${ctx.origin}/v1.0/$metadata#directoryObjects/$entity`,
      '@odata.type': '#microsoft.graph.user',
      ...body,
    });
  });

  // Reading another user's methods needs the permission and an Entra role that may read them; the
  // authentication methods service words its refusal its own way.
  app.get('/v1.0/users/:user/authentication/phoneMethods', async (c) => {
    const key = c.req.param('user');
    const refused = (c2: Context) =>
      graphError(c2, {
        status: 403,
        code: 'accessDenied',
        message: 'Request Authorization failed',
      });
    const a = await authorize(
      c,
      key,
      AUTH_METHOD_READ_ALL,
      ['UserAuthenticationMethod.Read'],
      refused,
    );
    if (!a.ok) return a.response;
    if (a.target.id !== a.caller.user.id && !hasRole(a.caller.user, AUTH_METHOD_READERS))
      return refused(c);
    return c.json({
      '@odata.context': `${ctx.origin}/v1.0/$metadata#users('${a.target.id}')/authentication/phoneMethods`,
      value: a.target.phoneMethods.map((m) => ({ ...m })),
    });
  });

  // Identity Protection: Microsoft Entra ID P2, the permission and a security role; 404 for a user it has no
  // record of (which is not "no risk": the user may never have been evaluated).
  app.get('/v1.0/identityProtection/riskyUsers/:id', async (c) => {
    const auth = await authenticate(ctx, c, RISKY_USER_READ, denied);
    if (!auth.ok) return auth.response;
    c.set('user' as never, auth.caller.user.userPrincipalName as never);
    if (!ctx.tenant.licences.entraIdP2)
      return graphError(c, {
        status: 403,
        code: 'Forbidden',
        message: 'Your tenant is not licensed for this feature.',
      });
    if (!hasRole(auth.caller.user, RISK_READERS)) return denied(c);
    const id = c.req.param('id');
    const user = ctx.index.userByKey.get(id.toLowerCase());
    if (!user || user.id !== id.toLowerCase() || !user.risk) return notFound(c, id);
    return c.json({
      '@odata.context': `${ctx.origin}/v1.0/$metadata#identityProtection/riskyUsers/$entity`,
      id: user.id,
      isDeleted: false,
      isProcessing: false,
      userDisplayName: user.displayName,
      userPrincipalName: user.userPrincipalName,
      ...user.risk,
    });
  });

  return app;
}
