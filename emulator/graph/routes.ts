// The Intune part of Microsoft Graph v1.0 that the console uses: listing managed devices (tenant-wide and
// per user) and reading one device.
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { EmulatorContext } from '../context';
import type { ManagedDevice } from '../tenant/types';
import { authenticate, READ_PERMISSIONS } from './authenticate';
import { graphError, intuneMessage, requestIds } from './errors';
import { ODataError, page, parseListQuery, project } from './odata';

const ODATA_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const GUID_RE = /^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/;

type Env = { Variables: { requestId: string; clientRequestId: string } };

export function graphRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();

  // Every Graph response carries request-id, an echo of client-request-id (or the request-id) and Date.
  app.use('/v1.0/*', async (c, next) => {
    const requestId = randomUUID();
    const clientRequestId = c.req.header('client-request-id') ?? requestId;
    c.set('requestId', requestId);
    c.set('clientRequestId', clientRequestId);
    c.header('request-id', requestId);
    c.header('client-request-id', clientRequestId);
    c.header('x-ms-ags-diagnostic', JSON.stringify({ ServerInfo: { DataCenter: 'Emulator', Slice: 'E', Ring: '0', ScaleUnit: '000', RoleInstance: 'LOCAL' } }));
    c.header('Strict-Transport-Security', 'max-age=31536000');
    await next();
    c.header('Date', new Date(ctx.clock.now()).toUTCString());
  });

  const listDevices = async (c: Context<Env>, items: () => readonly ManagedDevice[] | Response, contextPath: string) => {
    const auth = await authenticate(ctx, c, READ_PERMISSIONS);
    if (!auth.ok) return auth.response;
    let q;
    try {
      q = parseListQuery(c.req.query());
    } catch (e) {
      if (e instanceof ODataError) return graphError(c, { status: 400, code: 'BadRequest', message: e.message });
      throw e;
    }
    const source = items();
    if (source instanceof Response) return source;
    const body = page(source, q, { context: `${ctx.origin}/v1.0/$metadata#${contextPath}`, self: new URL(c.req.url) }, (d) => project(d, q.select));
    rewriteOrigin(body, ctx.origin);
    c.header('Content-Type', ODATA_JSON);
    return c.body(JSON.stringify(body), 200);
  };

  app.get('/v1.0/deviceManagement/managedDevices', (c) =>
    listDevices(c, () => ctx.tenant.devices.map((d) => d.graph), 'deviceManagement/managedDevices'));

  app.get('/v1.0/users/:user/managedDevices', (c) => {
    const key = decodeURIComponent(c.req.param('user')).toLowerCase();
    return listDevices(c, () => {
      const user = ctx.tenant.users.find((u) => u.id === key || u.userPrincipalName.toLowerCase() === key);
      if (!user) {
        return graphError(c, {
          status: 404, code: 'Request_ResourceNotFound',
          message: `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
        });
      }
      return ctx.tenant.devices.filter((d) => d.graph.userId === user.id).map((d) => d.graph);
    }, `users('${key}')/managedDevices`);
  });

  app.get('/v1.0/deviceManagement/managedDevices/:id', async (c) => {
    const auth = await authenticate(ctx, c, READ_PERMISSIONS);
    if (!auth.ok) return auth.response;
    const id = c.req.param('id');
    const device = GUID_RE.test(id) ? ctx.tenant.devices.find((d) => d.graph.id === id.toLowerCase()) : undefined;
    if (!device) {
      return graphError(c, {
        status: 404, code: 'ResourceNotFound',
        message: intuneMessage(`Resource not found for the segment 'managedDevices'.`, requestIds(c).requestId),
      });
    }
    let q;
    try {
      q = parseListQuery(c.req.query());
    } catch (e) {
      if (e instanceof ODataError) return graphError(c, { status: 400, code: 'BadRequest', message: e.message });
      throw e;
    }
    c.header('Content-Type', ODATA_JSON);
    const context = `${ctx.origin}/v1.0/$metadata#deviceManagement/managedDevices${q.select ? `(${q.select.join(',')})` : ''}/$entity`;
    return c.body(JSON.stringify({ '@odata.context': context, ...project(device.graph, q.select) }), 200);
  });

  return app;
}

/** nextLink is built from the request URL; behind a proxy that differs from our public origin, so pin it. */
function rewriteOrigin(body: { '@odata.nextLink'?: string }, origin: string) {
  if (!body['@odata.nextLink']) return;
  const next = new URL(body['@odata.nextLink']);
  const pub = new URL(origin);
  next.protocol = pub.protocol;
  next.host = pub.host;
  body['@odata.nextLink'] = next.toString();
}
