// The control API under /_emulator, a path Graph does not have. Only in test and demo modes: tests use it
// to switch quirks, throttling and faults, to set how devices answer actions, to move the clock, to reset
// the tenant, and to read what requests arrived.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { EmulatorContext } from '../context';
import { REMOTE_ACTION_ALIASES, startAdminCenterAction } from '../intune/admin-center';
import { PASSCODE_ACTIONS, REMOTE_ACTION_NAMES, TERMINAL_STATES } from '../intune/actions';
import { remoteActionAudit } from '../intune/remote-action-audits';
import {
  ActionTimingsSchema,
  BehaviourSchema,
  FaultsSchema,
  QuirksSchema,
  ThrottlingSchema,
  UnsupportedActionSchema,
} from '../settings';
import { ACTION_SCENARIOS, SCOPE_TAGS, type ActionState } from '../tenant/types';

type Alias = keyof typeof REMOTE_ACTION_ALIASES;
const ALIASES = Object.keys(REMOTE_ACTION_ALIASES) as Alias[];
const isAlias = (a: string): a is Alias => Object.hasOwn(REMOTE_ACTION_ALIASES, a);
const ACTION_STATES = [
  'none',
  'pending',
  'canceled',
  'active',
  'done',
  'failed',
  'notSupported',
] as const satisfies readonly ActionState[];

export function controlRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono();

  async function body<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S> | Response> {
    const raw: unknown = await c.req.json().catch(() => undefined);
    const parsed = schema.safeParse(raw ?? {});
    if (!parsed.success)
      return c.json(
        { error: 'invalid control request', details: z.prettifyError(parsed.error) },
        400,
      );
    return parsed.data;
  }

  // --- what arrived -------------------------------------------------------------------------------
  app.get('/requests', (c) => {
    const since = Number(c.req.query('since') ?? 0);
    const method = c.req.query('method');
    const path = c.req.query('path');
    const pattern = path ? new RegExp(path) : null;
    const entries = ctx.requestLog
      .since(Number.isFinite(since) ? since : 0)
      .filter((e) => (!method || e.method === method) && (!pattern || pattern.test(e.path)));
    return c.json({ entries });
  });
  app.delete('/requests', (c) => {
    ctx.requestLog.clear();
    return c.body(null, 204);
  });

  // --- switches -----------------------------------------------------------------------------------
  app.get('/quirks', (c) => c.json(ctx.settings.quirks));
  app.put('/quirks', async (c) => {
    const b = await body(c, QuirksSchema.partial().strict());
    if (b instanceof Response) return b;
    Object.assign(ctx.settings.quirks, b);
    return c.json(ctx.settings.quirks);
  });

  app.get('/throttling', (c) => c.json(ctx.settings.throttling));
  app.put('/throttling', async (c) => {
    const b = await body(c, ThrottlingSchema.partial().strict());
    if (b instanceof Response) return b;
    Object.assign(ctx.settings.throttling, b);
    ctx.throttler.reset();
    return c.json(ctx.settings.throttling);
  });

  app.get('/faults', (c) => c.json({ ...ctx.settings.faults, rules: ctx.faults.list() }));
  app.put('/faults', async (c) => {
    const b = await body(c, FaultsSchema.strict());
    if (b instanceof Response) return b;
    ctx.settings.faults = b;
    return c.json({ ...b, rules: ctx.faults.configure(b) });
  });
  app.delete('/faults', (c) => {
    ctx.settings.faults = { rules: [], rate: 0, latencyMs: { min: 0, max: 0 } };
    ctx.faults.configure(ctx.settings.faults);
    return c.body(null, 204);
  });

  app.get('/timings', (c) => c.json(ctx.settings.timings));
  app.put('/timings', async (c) => {
    const b = await body(c, ActionTimingsSchema.partial().strict());
    if (b instanceof Response) return b;
    Object.assign(ctx.settings.timings, b);
    return c.json(ctx.settings.timings);
  });

  app.get('/behaviour', (c) => c.json(ctx.settings.behaviour));
  app.put('/behaviour', async (c) => {
    const b = await body(c, BehaviourSchema.partial().strict());
    if (b instanceof Response) return b;
    Object.assign(ctx.settings.behaviour, b);
    return c.json(ctx.settings.behaviour);
  });

  app.get('/unsupported-action', (c) => c.json({ answer: ctx.settings.unsupportedAction }));
  app.put('/unsupported-action', async (c) => {
    const b = await body(c, z.object({ answer: UnsupportedActionSchema }).strict());
    if (b instanceof Response) return b;
    ctx.settings.unsupportedAction = b.answer;
    return c.json({ answer: ctx.settings.unsupportedAction });
  });

  app.put('/users/:user/claims-challenge', async (c) => {
    const user = ctx.index.userByKey.get(c.req.param('user').toLowerCase());
    if (!user) return c.json({ error: 'no such user' }, 404);
    const b = await body(c, z.object({ enabled: z.boolean() }));
    if (b instanceof Response) return b;
    if (b.enabled) ctx.settings.claimsChallengeUsers.add(user.id);
    else ctx.settings.claimsChallengeUsers.delete(user.id);
    return c.json({ user: user.userPrincipalName, enabled: b.enabled });
  });

  // Identity Protection needs Microsoft Entra ID P2: without it Graph refuses riskyUsers (403). Reset restores it.
  app.get('/tenant/licences', (c) => c.json(ctx.tenant.licences));
  app.put('/tenant/licences', async (c) => {
    const b = await body(c, z.object({ entraIdP2: z.boolean() }).strict());
    if (b instanceof Response) return b;
    ctx.tenant.licences = b;
    return c.json(ctx.tenant.licences);
  });

  // Intune Multi Admin Approval (an access policy per action): a covered action's POST answers 403 ApprovalRequired
  // and queues nothing. Only the actions the emulator serves a POST for can be named; a reset covers none again.
  app.get('/tenant/multiAdminApproval', (c) => c.json(ctx.tenant.multiAdminApproval));
  app.put('/tenant/multiAdminApproval', async (c) => {
    const b = await body(c, z.object({ actions: z.array(z.enum(PASSCODE_ACTIONS)) }).strict());
    if (b instanceof Response) return b;
    ctx.tenant.multiAdminApproval = { actions: [...new Set(b.actions)] };
    return c.json(ctx.tenant.multiAdminApproval);
  });

  // --- devices and actions ------------------------------------------------------------------------
  app.get('/devices', (c) => {
    const q = c.req.query();
    const limit = Math.min(Number(q.limit ?? 20) || 20, 1000);
    const found = ctx.tenant.devices
      .filter(
        (d) =>
          (!q.scenario || d.scenario === q.scenario) &&
          (!q.scopeTag || d.scopeTag === q.scopeTag) &&
          (!q.mode || d.mode === q.mode) &&
          (!q.operatingSystem || d.graph.operatingSystem === q.operatingSystem) &&
          (!q.user || d.graph.userPrincipalName.toLowerCase() === q.user.toLowerCase()) &&
          (!q.deviceName || d.graph.deviceName === q.deviceName) &&
          (!q.managementState || d.graph.managementState === q.managementState),
      )
      .slice(0, limit);
    return c.json({
      devices: found.map((d) => ({
        id: d.graph.id,
        deviceName: d.graph.deviceName,
        userPrincipalName: d.graph.userPrincipalName,
        userId: d.graph.userId,
        operatingSystem: d.graph.operatingSystem,
        managementAgent: d.graph.managementAgent,
        serialNumber: d.graph.serialNumber,
        imei: d.graph.imei,
        scopeTag: d.scopeTag,
        scenario: d.scenario,
        mode: d.mode,
        lastSyncDateTime: d.graph.lastSyncDateTime,
        osVersion: d.graph.osVersion,
        deviceEnrollmentType: d.graph.deviceEnrollmentType,
        managementState: d.graph.managementState,
      })),
    });
  });

  app.put('/devices/:id/scenario', async (c) => {
    const device = ctx.index.deviceById.get(c.req.param('id').toLowerCase());
    if (!device) return c.json({ error: 'no such device' }, 404);
    const b = await body(
      c,
      z.object({ scenario: z.enum(ACTION_SCENARIOS), scopeTag: z.enum(SCOPE_TAGS).optional() }),
    );
    if (b instanceof Response) return b;
    device.scenario = b.scenario;
    device.scenarioSince = ctx.clock.now();
    if (b.scopeTag) device.scopeTag = b.scopeTag;
    return c.json({ id: device.graph.id, scenario: device.scenario, scopeTag: device.scopeTag });
  });

  /** A wipe or retire issued in the admin center: pending on the device, and ahead of every other action. */
  app.put('/devices/:id/management-state', async (c) => {
    const device = ctx.index.deviceById.get(c.req.param('id').toLowerCase());
    if (!device) return c.json({ error: 'no such device' }, 404);
    const b = await body(
      c,
      z.object({
        managementState: z.enum(['managed', 'wipePending', 'retirePending', 'deletePending']),
      }),
    );
    if (b instanceof Response) return b;
    device.graph.managementState = b.managementState;
    device.managementStateSince = ctx.clock.now();
    return c.json({ id: device.graph.id, managementState: device.graph.managementState });
  });

  /**
   * A remote action another admin started in the Intune admin center (`minutesAgo` before the emulator's now):
   * it shows in the device's deviceActionResults, in beta's remoteActionAudits and in the audit log, and a wipe or
   * a retire puts the device in wipePending or retirePending. Answers 201 with the remoteActionAudit.
   */
  app.post('/devices/:id/admin-center-actions', async (c) => {
    const device = ctx.index.deviceById.get(c.req.param('id').toLowerCase());
    if (!device) return c.json({ error: 'no such device' }, 404);
    const b = await body(
      c,
      z
        .object({
          action: z.enum([...REMOTE_ACTION_NAMES, ...ALIASES]),
          initiatedBy: z.string().regex(/^[^\s@]+@[^\s@]+$/, 'a UPN, e.g. it.admin@contoso.com'),
          minutesAgo: z.number().nonnegative().max(525_600).optional(),
          actionState: z.enum(ACTION_STATES).optional(),
        })
        .strict(),
    );
    if (b instanceof Response) return b;
    const action = isAlias(b.action) ? REMOTE_ACTION_ALIASES[b.action] : b.action;
    const at = ctx.clock.now() - Math.round((b.minutesAgo ?? 0) * 60_000);
    const rec = startAdminCenterAction(ctx, device, {
      action,
      initiatedBy: b.initiatedBy,
      at,
      ...(b.actionState ? { actionState: b.actionState } : {}),
    });
    const state = ctx.actions.progress(device, rec, ctx.clock.now(), ctx.settings.timings).state;
    return c.json(remoteActionAudit(rec, device, state), 201);
  });

  app.post('/devices/:id/check-in', (c) => {
    const device = ctx.index.deviceById.get(c.req.param('id').toLowerCase());
    if (!device) return c.json({ error: 'no such device' }, 404);
    ctx.actions.checkIn(device.graph.id, ctx.clock.now());
    return c.json({ id: device.graph.id, checkedInAt: new Date(ctx.clock.now()).toISOString() });
  });

  /**
   * Every action POST that reached a device, oldest first, with the state it has now and any passcode generated;
   * `origin=adminCenter` lists the admin-center actions instead, `origin=all` both.
   */
  app.get('/actions', (c) => {
    const deviceId = c.req.query('deviceId')?.toLowerCase();
    const origin = c.req.query('origin') ?? 'graph';
    const now = ctx.clock.now();
    const actions = ctx.actions
      .all()
      .filter(
        (a) => (!deviceId || a.deviceId === deviceId) && (origin === 'all' || a.origin === origin),
      )
      .map((a) => {
        const device = ctx.index.deviceById.get(a.deviceId);
        const p = device ? ctx.actions.progress(device, a, now, ctx.settings.timings) : null;
        return {
          ...a,
          requestedAt: new Date(a.requestedAt).toISOString(),
          state: p?.state ?? 'none',
          terminal: p ? TERMINAL_STATES.has(p.state) : false,
          passcode: ctx.actions.passcodeOf(a),
        };
      });
    return c.json({ actions });
  });

  // --- time and reset -----------------------------------------------------------------------------
  app.get('/clock', (c) =>
    c.json({ now: new Date(ctx.clock.now()).toISOString(), frozen: ctx.clock.frozen }),
  );
  app.post('/clock', async (c) => {
    const b = await body(
      c,
      z
        .object({
          advanceMs: z.number().int().nonnegative().optional(),
          freeze: z.boolean().optional(),
        })
        .strict(),
    );
    if (b instanceof Response) return b;
    if (b.freeze === true) ctx.clock.freeze();
    if (b.freeze === false) ctx.clock.unfreeze();
    if (b.advanceMs) ctx.clock.advance(b.advanceMs);
    return c.json({ now: new Date(ctx.clock.now()).toISOString(), frozen: ctx.clock.frozen });
  });

  app.post('/reset', (c) => {
    ctx.reset();
    return c.json({ ok: true, devices: ctx.tenant.devices.length });
  });

  return app;
}
