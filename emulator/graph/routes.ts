// The Intune part of Microsoft Graph that the console uses: listing managed devices (tenant-wide and per user) and
// reading one device, on /v1.0 and on /beta (the same devices and ids; each version's own values, graph/versions.ts),
// and on v1.0 the passcode actions (resetPasscode, recoverPasscode), behind Intune's RBAC, throttling and whatever
// faults a test has injected.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Hono, type Context } from 'hono';
import type { EmulatorContext } from '../context';
import { canSee, hasIntuneRole } from '../intune/rbac';
import type { FaultRule } from '../settings';
import type { DirectoryUser, ManagedDevice, StoredDevice } from '../tenant/types';
import { GRAPH_VERSIONS, recordFor, type GraphVersion } from './versions';
import {
  AUDIT_PERMISSIONS,
  authenticate,
  PRIVILEGED_PERMISSIONS,
  RBAC_READ_PERMISSIONS,
  READ_PERMISSIONS,
  USER_READ_PERMISSIONS,
  type Caller,
} from './authenticate';
import { effectOf, type PasscodeActionName } from '../intune/actions';
import { graphError, intuneMessage, requestIds } from './errors';
import { FAULT_ERRORS } from './faults';
import { compileFilter } from './filter';
import {
  encodeSkipToken,
  ODataError,
  pageOf,
  parseListQuery,
  project,
  runList,
  type ListQuery,
  type Page,
} from './odata';
import { csdl } from './metadata/csdl';
import { mailRoutes } from './mail';
import {
  AuditFilterError,
  auditFilterDeviceId,
  remoteActionAudit,
  type RemoteActionAuditRecord,
} from '../intune/remote-action-audits';

const ODATA_JSON =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const GUID_RE = /^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/;
const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
/** Intune's remote tasks an emulated role with remote tasks holds (resource actions `Microsoft.Intune_RemoteTasks_…`). */
const INTUNE_REMOTE_TASKS = ['ResetPasscode', 'RemoteLock', 'RebootNow', 'SyncDevice'] as const;

type Env = {
  Variables: {
    requestId: string;
    clientRequestId: string;
    user: string | null;
    outcome: 'served' | 'throttled' | 'fault';
  };
};
type Guarded = { ok: true; caller: Caller } | { ok: false; response: Response };

export function graphRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();

  // Every Graph response carries request-id, an echo of client-request-id (or the request-id) and Date.
  // Injected latency and faults come first, as a proxy in front of Graph would add them.
  const graphMiddleware = async (c: Context<Env>, next: () => Promise<void>) => {
    const started = performance.now();
    const requestId = randomUUID();
    const clientRequestId = c.req.header('client-request-id') ?? requestId;
    c.set('requestId', requestId);
    c.set('clientRequestId', clientRequestId);
    c.set('user', null);
    c.set('outcome', 'served');
    const method = c.req.method;
    const path = c.req.path;

    const latency = ctx.faults.latency(ctx.settings.faults);
    if (latency > 0) await sleep(latency);
    const before = ctx.faults.match(method, path, ctx.settings.faults, false);
    if (before) {
      c.res = await faultResponse(c, before);
    } else {
      await next();
      const after = ctx.faults.match(method, path, ctx.settings.faults, true);
      if (after) c.res = await faultResponse(c, after);
    }
    c.res.headers.set('request-id', requestId);
    c.res.headers.set('client-request-id', clientRequestId);
    c.res.headers.set('Date', new Date(ctx.clock.now()).toUTCString());
    c.res.headers.set(
      'x-ms-ags-diagnostic',
      JSON.stringify({
        ServerInfo: {
          DataCenter: 'Emulator',
          Slice: 'E',
          Ring: '0',
          ScaleUnit: '000',
          RoleInstance: 'LOCAL',
        },
      }),
    );
    ctx.requestLog.add({
      at: ctx.clock.now(),
      method,
      path,
      query: new URL(c.req.url).search,
      clientRequestId: c.req.header('client-request-id') ?? null,
      requestId,
      status: c.res.status,
      user: c.get('user'),
      outcome: c.get('outcome'),
      durationMs: performance.now() - started,
    });
  };
  for (const version of GRAPH_VERSIONS) app.use(`/${version}/*`, graphMiddleware);

  async function faultResponse(c: Context<Env>, rule: FaultRule): Promise<Response> {
    if (rule.latencyMs > 0) await sleep(rule.latencyMs);
    c.set('outcome', 'fault');
    const { code, message } = FAULT_ERRORS[rule.status] ?? {
      code: 'UnknownError',
      message: 'Injected fault.',
    };
    const headers: Record<string, string> = {};
    if (rule.retryAfterSeconds !== undefined && (rule.status === 429 || rule.status === 503)) {
      headers['Retry-After'] = String(rule.retryAfterSeconds);
    }
    return graphError(c, { status: rule.status, code, message, headers });
  }

  /** Token, permission, Intune role, then throttling: what every Graph call passes before it is served. */
  async function guard(c: Context<Env>, permissions: readonly string[]): Promise<Guarded> {
    const auth = await authenticate(ctx, c, permissions);
    if (!auth.ok) return auth;
    c.set('user', auth.caller.user.userPrincipalName);
    if (!hasIntuneRole(auth.caller.user)) {
      // Without an Intune licence or role Intune answers 401, not 403 (msgraph-sdk-powershell #1257): a client that
      // renews its token on every 401 loops here, which is why the realm tells it apart.
      return {
        ok: false,
        response: graphError(c, {
          status: 401,
          code: 'UnknownError',
          message: intuneMessage(
            'Forbidden',
            'An error has occurred',
            requestIds(c).requestId,
            intunePath(c),
          ),
          headers: {
            'WWW-Authenticate': `Bearer realm="urn:intune:service",authorization_uri="${ctx.origin}/common/oauth2/authorize"`,
          },
        }),
      };
    }
    const appId =
      typeof auth.caller.claims.appid === 'string' ? auth.caller.claims.appid : 'unknown';
    const decision = ctx.throttler.check(
      ctx.clock.now(),
      appId,
      WRITE_METHODS.has(c.req.method),
      ctx.settings.throttling,
    );
    if (decision.throttled) {
      c.set('outcome', 'throttled');
      return {
        ok: false,
        response: graphError(c, {
          status: 429,
          code: 'TooManyRequests',
          message: `Too many requests. The ${decision.budget?.includes('write') ? 'write' : 'request'} limit of the Intune devices service was reached for this ${decision.budget?.startsWith('app') ? 'application' : 'tenant'}; retry later.`,
          headers: decision.retryAfter === null ? {} : { 'Retry-After': decision.retryAfter },
        }),
      };
    }
    return auth;
  }

  /**
   * Intune's RBAC refusal (scope tags, or a role without the permission): 403 with its generic wrapped message.
   * It names no reason, so a console can tell it only by its status, never by its wording.
   */
  function forbidden(c: Context<Env>): Response {
    return graphError(c, {
      status: 403,
      code: 'Forbidden',
      message: intuneMessage(
        'Forbidden',
        'An error has occurred',
        requestIds(c).requestId,
        intunePath(c),
      ),
    });
  }

  function notFound(c: Context<Env>): Response {
    return graphError(c, {
      status: 404,
      code: 'ResourceNotFound',
      message: intuneMessage(
        'NotFound',
        "Resource not found for the segment 'managedDevices'.",
        requestIds(c).requestId,
        intunePath(c),
      ),
    });
  }

  function parse(c: Context<Env>): ListQuery | Response {
    try {
      return parseListQuery(c.req.query());
    } catch (e) {
      if (e instanceof ODataError)
        return graphError(c, { status: 400, code: 'BadRequest', message: e.message });
      throw e;
    }
  }

  /**
   * A device as Graph shows it now: its action results and last sync follow the emulator's clock. In list answers
   * Intune leaves deviceActionResults empty; a new action appears only a while after its 204 (both switchable).
   */
  function view(d: StoredDevice, inList: boolean): ManagedDevice {
    const now = ctx.clock.now();
    if (ctx.actions.forDevice(d.graph.id).length === 0) return d.graph;
    const { actionResultsEmptyInLists, actionResultsDelayMs } = ctx.settings.behaviour;
    return {
      ...d.graph,
      lastSyncDateTime: ctx.actions.lastSync(d, now, ctx.settings.timings),
      deviceActionResults:
        inList && actionResultsEmptyInLists
          ? []
          : ctx.actions.results(d, now, ctx.settings.timings, actionResultsDelayMs),
    };
  }

  function* visible(devices: Iterable<StoredDevice>, user: DirectoryUser): Generator<StoredDevice> {
    for (const d of devices) if (canSee(user, d)) yield d;
  }

  /** A device as `version` sends it, under the v1EnumValues switch. */
  const sent = (d: StoredDevice, version: GraphVersion, inList: boolean) =>
    recordFor(view(d, inList), version, ctx.settings.behaviour.v1EnumValues, {
      enrolledByUserPrincipalName: d.enrolledBy?.userPrincipalName ?? d.graph.userPrincipalName,
    });

  const listDevices = async (
    c: Context<Env>,
    version: GraphVersion,
    source: (caller: Caller, q: ListQuery) => Iterable<StoredDevice> | Response,
    contextPath: string,
  ) => {
    const g = await guard(c, READ_PERMISSIONS);
    if (!g.ok) return g.response;
    const q = parse(c);
    if (q instanceof Response) return q;
    try {
      const devices = source(g.caller, q);
      if (devices instanceof Response) return devices;
      const body = runList(
        visible(devices, g.caller.user),
        q,
        ctx.settings.quirks,
        {
          context: `${ctx.origin}/${version}/$metadata#${contextPath}`,
          self: publicUrl(c.req.url),
        },
        (d) => project(sent(d, version, true), q.select),
      );
      const next = body['@odata.nextLink'];
      if (next && ctx.settings.behaviour.nextLinkRewritten)
        body['@odata.nextLink'] = rewriteNextLink(next);
      c.header('Content-Type', ODATA_JSON);
      return c.body(JSON.stringify(body), 200);
    } catch (e) {
      if (e instanceof ODataError)
        return graphError(c, { status: 400, code: 'BadRequest', message: e.message });
      throw e;
    }
  };

  const findUser = (key: string) => ctx.index.userByKey.get(decodeURIComponent(key).toLowerCase());
  const userNotFound = (c: Context<Env>, key: string) =>
    graphError(c, {
      status: 404,
      code: 'Request_ResourceNotFound',
      message: `Resource '${decodeURIComponent(key)}' does not exist or one of its queried reference-property objects are not present.`,
    });

  // A filter Intune drops (unsupported property) must not be narrowed by an index either: it returns all.
  const narrowed = (q: ListQuery) =>
    (q.filter && compileFilter(q.filter, ctx.settings.quirks) !== null
      ? ctx.index.filterIndexes.candidates(q.filter)
      : null) ?? ctx.tenant.devices;

  for (const version of GRAPH_VERSIONS) {
    app.get(`/${version}/deviceManagement/managedDevices`, (c) =>
      listDevices(c, version, (_caller, q) => narrowed(q), 'deviceManagement/managedDevices'),
    );

    app.get(`/${version}/users/:user/managedDevices`, (c) => {
      const key = c.req.param('user');
      return listDevices(
        c,
        version,
        () => {
          const user = findUser(key);
          return user ? (ctx.index.devicesByUser.get(user.id) ?? []) : userNotFound(c, key);
        },
        `users('${decodeURIComponent(key)}')/managedDevices`,
      );
    });

    app.get(`/${version}/deviceManagement/managedDevices/:id`, async (c) => {
      const g = await guard(c, READ_PERMISSIONS);
      if (!g.ok) return g.response;
      const device = lookup(c.req.param('id'));
      if (!device) return notFound(c);
      if (!canSee(g.caller.user, device)) return forbidden(c);
      const q = parse(c);
      if (q instanceof Response) return q;
      c.header('Content-Type', ODATA_JSON);
      const context = `${ctx.origin}/${version}/$metadata#deviceManagement/managedDevices${q.select ? `(${q.select.join(',')})` : ''}/$entity`;
      return c.body(
        JSON.stringify({
          '@odata.context': context,
          ...project(sent(device, version, false), q.select),
        }),
        200,
      );
    });
  }

  // resetPasscode and recoverPasscode: queue the action and answer 204; the device carries it out later. On a
  // platform that does not support the action Intune answers 400 with its wrapped message (or, by a switch, 204
  // and later notSupported, the other behaviour reported).
  const passcodeAction = async (
    c: Context<Env>,
    action: PasscodeActionName,
    deviceId: string,
    ownerKey?: string,
  ) => {
    const g = await guard(c, PRIVILEGED_PERMISSIONS);
    if (!g.ok) return g.response;
    const body = await c.req.text();
    if (body.trim().length > 0) {
      return graphError(c, {
        status: 400,
        code: 'BadRequest',
        message: 'This action takes no request body; the body must be empty.',
      });
    }
    const device = lookup(deviceId);
    if (!device) return notFound(c);
    if (ownerKey !== undefined) {
      const owner = findUser(ownerKey);
      if (!owner) return userNotFound(c, ownerKey);
      if (device.graph.userId !== owner.id) return notFound(c);
    }
    if (!canSee(g.caller.user, device) || !g.caller.user.intuneRemoteTasks) return forbidden(c);
    // Multi Admin Approval: Intune answers for an action an access policy covers before it queues anything, with
    // a fresh approval code in x-msft-approval-code (trust.md, graph-intune.md). Real MAA covers wipe, retire and
    // delete only; the emulator lets a test cover a passcode action to see how a console answers it.
    if (ctx.tenant.multiAdminApproval.actions.includes(action)) {
      return graphError(c, {
        status: 403,
        code: 'ApprovalRequired',
        message: intuneMessage(
          'ApprovalRequired',
          `The operation '${action}' is protected by a Multi Admin Approval access policy: an approval request was created and must be approved by another administrator before the operation can be completed with its approval code`,
          requestIds(c).requestId,
          intunePath(c),
        ),
        headers: { 'x-msft-approval-code': randomUUID() },
      });
    }
    if (
      effectOf(device, action) === 'unsupported' &&
      ctx.settings.unsupportedAction === 'badRequest'
    ) {
      return graphError(c, {
        status: 400,
        code: 'BadRequest',
        message: intuneMessage(
          'BadRequest',
          'An error has occurred',
          requestIds(c).requestId,
          intunePath(c),
        ),
      });
    }
    const at = ctx.clock.now();
    ctx.actions.record(device, action, at, requestIds(c).clientRequestId, {
      initiatedBy: g.caller.user.userPrincipalName,
      origin: 'graph',
    });
    ctx.auditEvents.record({
      action,
      device,
      user: g.caller.user,
      at,
      correlationId: requestIds(c).clientRequestId,
      appId: typeof g.caller.claims.appid === 'string' ? g.caller.claims.appid : '',
      appName: ctx.app.displayName,
    });
    return c.body(null, 204);
  };

  for (const action of ['resetPasscode', 'recoverPasscode'] as const) {
    app.post(`/v1.0/deviceManagement/managedDevices/:id/${action}`, (c) =>
      passcodeAction(c, action, c.req.param('id')),
    );
    app.post(`/v1.0/users/:user/managedDevices/:id/${action}`, (c) =>
      passcodeAction(c, action, c.req.param('id'), c.req.param('user')),
    );
    app.post(`/v1.0/deviceManagement/detectedApps/:appId/managedDevices/:id/${action}`, (c) =>
      passcodeAction(c, action, c.req.param('id')),
    );
  }

  // deviceManagement/getEffectivePermissions(scope='…') (v1.0 and beta): the signed-in user's Intune permissions, as
  // rolePermission entries of allowed and not-allowed resource actions. The emulated roles differ only in remote tasks:
  // every role reads devices; a role with remote tasks also resets passcodes (Intune's "Reset passcode" permission).
  for (const version of GRAPH_VERSIONS) {
    app.get(`/${version}/deviceManagement/:fn`, async (c, next) => {
      // A function call is one path segment: getEffectivePermissions(scope='…'), any scope (the roles here have one).
      if (!/^getEffectivePermissions\(scope='[^']*'\)$/.test(decodeURIComponent(c.req.param('fn'))))
        return next();
      const g = await guard(c, RBAC_READ_PERMISSIONS);
      if (!g.ok) return g.response;
      const user = g.caller.user;
      const remoteTasks = INTUNE_REMOTE_TASKS.map((a) => `Microsoft.Intune_RemoteTasks_${a}`);
      c.header('Content-Type', ODATA_JSON);
      return c.body(
        JSON.stringify({
          '@odata.context': `${ctx.origin}/${version}/$metadata#Collection(microsoft.graph.rolePermission)`,
          value: [
            {
              resourceActions: [
                {
                  allowedResourceActions: [
                    'Microsoft.Intune_ManagedDevices_Read',
                    ...(user.intuneRemoteTasks ? remoteTasks : []),
                  ],
                  notAllowedResourceActions: [],
                },
              ],
            },
          ],
        }),
        200,
      );
    });
  }

  // Graph's service document, without a token as Graph serves it; the emulator's covers managedDevice only.
  for (const version of GRAPH_VERSIONS) {
    app.get(`/${version}/$metadata`, (c) => {
      c.header('Content-Type', 'application/xml');
      return c.body(csdl(version), 200);
    });
  }

  // Beta's report of remote actions started anywhere (the console's, the admin center's), newest first. Read like
  // managed devices (Read.All or ReadWrite.All, an Intune role, scope tags); $filter takes one device's id only.
  app.get('/beta/deviceManagement/remoteActionAudits', async (c) => {
    const g = await guard(c, READ_PERMISSIONS);
    if (!g.ok) return g.response;
    const query = c.req.query();
    const unsupported = Object.keys(query).find(
      (k) => k.startsWith('$') && !['$filter', '$top', '$skiptoken'].includes(k),
    );
    if (unsupported)
      return graphError(c, {
        status: 400,
        code: 'BadRequest',
        message: `Query option '${unsupported}' is not supported on this resource.`,
      });
    let deviceId: string | null;
    let top: number;
    let start: number;
    try {
      deviceId = auditFilterDeviceId(query.$filter);
      ({ top, start } = pageOf(query));
    } catch (e) {
      if (e instanceof AuditFilterError || e instanceof ODataError)
        return graphError(c, { status: 400, code: 'BadRequest', message: e.message });
      throw e;
    }
    if (deviceId !== null) {
      const device = ctx.index.deviceById.get(deviceId);
      if (device && !canSee(g.caller.user, device)) return forbidden(c);
    }
    const now = ctx.clock.now();
    const audits = ctx.actions
      .all()
      .filter((a) => deviceId === null || a.deviceId === deviceId)
      .sort((a, b) => b.requestedAt - a.requestedAt || b.seq - a.seq)
      .flatMap((a) => {
        const device = ctx.index.deviceById.get(a.deviceId);
        return device && canSee(g.caller.user, device) ? [{ a, device }] : [];
      });
    const page = audits
      .slice(start, start + top)
      .map(({ a, device }) =>
        remoteActionAudit(
          a,
          device,
          ctx.actions.progress(device, a, now, ctx.settings.timings).state,
        ),
      );
    const body: Page<RemoteActionAuditRecord> = {
      '@odata.context': `${ctx.origin}/beta/$metadata#deviceManagement/remoteActionAudits`,
      value: page,
    };
    if (start + top < audits.length && top > 0) {
      const next = publicUrl(c.req.url);
      next.searchParams.set('$skiptoken', encodeSkipToken(start + top));
      body['@odata.nextLink'] = next.toString();
    }
    c.header('Content-Type', ODATA_JSON);
    return c.body(JSON.stringify(body), 200);
  });

  // Exchange's sendMail (the owner's notification), behind the same middleware; the directory's reads are in
  // directory.ts.
  app.route('/', mailRoutes(ctx));

  // The signed-in user, from the directory (not Intune: no Intune role needed, no Intune throttling).
  app.get('/v1.0/me', async (c) => {
    const auth = await authenticate(ctx, c, USER_READ_PERMISSIONS);
    if (!auth.ok) return auth.response;
    const u = auth.caller.user;
    return c.json({
      '@odata.context': `${ctx.origin}/v1.0/$metadata#users/$entity`,
      id: u.id,
      displayName: u.displayName,
      userPrincipalName: u.userPrincipalName,
      mail: u.mail,
    });
  });

  // Intune's own audit log. Microsoft documents DeviceManagementApps.Read.All (or ReadWrite.All) for it, and the
  // Intune role needs Audit data: Read. $filter takes correlationId (the client-request-id of the call).
  app.get('/v1.0/deviceManagement/auditEvents', async (c) => {
    const g = await guard(c, AUDIT_PERMISSIONS);
    if (!g.ok) return g.response;
    if (!g.caller.user.intuneAuditRead) return forbidden(c);
    const filter = c.req.query('$filter');
    let correlationId: string | undefined;
    if (filter) {
      const m = /^\s*correlationId\s+eq\s+'?([0-9a-fA-F-]{36})'?\s*$/.exec(filter);
      if (!m)
        return graphError(c, {
          status: 400,
          code: 'BadRequest',
          message: `Invalid filter clause: ${filter}`,
        });
      correlationId = m[1];
    }
    const events = ctx.auditEvents.list({ correlationId }).filter((e) =>
      e.resources.every((r) => {
        const d = ctx.index.deviceById.get(r.resourceId);
        return !d || canSee(g.caller.user, d);
      }),
    );
    c.header('Content-Type', ODATA_JSON);
    return c.body(
      JSON.stringify({
        '@odata.context': `${ctx.origin}/v1.0/$metadata#deviceManagement/auditEvents`,
        value: events,
      }),
      200,
    );
  });

  /** The path as Intune's front end names it in its error messages. */
  function intunePath(c: Context<Env>): string {
    return c.req.path.replace(/^\/(v1\.0|beta)/, '');
  }

  function lookup(id: string): StoredDevice | undefined {
    return GUID_RE.test(id) ? ctx.index.deviceById.get(id.toLowerCase()) : undefined;
  }

  /**
   * Intune does not hand back the caller's URL: it re-serialises $filter (here: a space after each comma outside
   * literals) and names a user by id where the caller gave a UPN. Clients must follow nextLinks as given.
   */
  function rewriteNextLink(link: string): string {
    const url = new URL(link);
    const users = /^\/(v1\.0|beta)\/users\/([^/]+)\/managedDevices$/.exec(url.pathname);
    const user = users?.[2] ? findUser(users[2]) : undefined;
    if (users && user) url.pathname = `/${users[1]}/users/${user.id}/managedDevices`;
    const filter = url.searchParams.get('$filter');
    if (filter)
      url.searchParams.set(
        '$filter',
        filter.replace(
          /('(?:[^']|'')*')|,\s*/g,
          (m, literal: string | undefined) => literal ?? ', ',
        ),
      );
    return url.toString();
  }

  /** nextLink is built from the request URL; behind a proxy that differs from our public origin, so pin it. */
  function publicUrl(raw: string): URL {
    const url = new URL(raw);
    const pub = new URL(ctx.origin);
    url.protocol = pub.protocol;
    url.host = pub.host;
    return url;
  }

  return app;
}
