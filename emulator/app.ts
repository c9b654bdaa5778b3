// Assembles one emulator instance: a seeded tenant, a signing key, the Entra ID and Graph routes, and (in
// test and demo modes) the control API. Tests create instances in-process; main.ts serves one over HTTP.
import { Faker, base, en } from '@faker-js/faker';
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { ControllableClock } from './clock';
import type { AppRegistration, EmulatorContext, EmulatorMode } from './context';
import { indexTenant } from './context';
import { mailboxRoutes } from './control/mailbox';
import { controlRoutes } from './control/routes';
import { createSigningKey } from './entra/keys';
import { entraRoutes } from './entra/routes';
import { graphError, requestIds } from './graph/errors';
import { FaultInjector } from './graph/faults';
import { SentMail } from './graph/mail';
import { RequestLog } from './graph/request-log';
import { directoryRoutes } from './graph/directory';
import { groupMembershipRoutes } from './graph/group-membership';
import { graphRoutes } from './graph/routes';
import { Throttler } from './graph/throttle';
import { ActionStore } from './intune/actions';
import { replaySeededAdminCenterActions } from './intune/admin-center';
import { AuditEventLog } from './intune/audit-events';
import { defaultSettings } from './settings';
import { verifiedIdRoutes } from './verified-id/routes';
import { DEMO_GROUPS, transitiveMembersOf } from './tenant/groups';
import { seedTenant, type SeedOptions } from './tenant/seed';
import type { Tenant } from './tenant/types';

export interface EmulatorOptions {
  origin: string;
  mode?: EmulatorMode;
  seed: Omit<SeedOptions, 'epoch'> & { epoch?: Date };
  app: AppRegistration;
  clock?: ControllableClock;
  accessTokenLifetimeSeconds?: number;
}

export interface Emulator {
  app: Hono;
  ctx: EmulatorContext;
}

export async function createEmulator(options: EmulatorOptions): Promise<Emulator> {
  const clock = options.clock ?? new ControllableClock();
  const seedOptions = { ...options.seed, epoch: options.seed.epoch ?? new Date(clock.now()) };
  const tenant = seedTenant(seedOptions);
  // The tenant as seeded, kept from the first reset on and never handed out: a reset copies it, in about a third of
  // the time seeding again takes (every end-to-end test resets). A server that never resets (the demo, a large
  // tenant) does not hold it twice.
  let seeded: Tenant | undefined;
  const ctx: EmulatorContext = {
    origin: options.origin.replace(/\/$/, ''),
    mode: options.mode ?? 'test',
    tenant,
    index: indexTenant(tenant),
    app: options.app,
    key: await createSigningKey(),
    clock,
    accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3600,
    pendingLogins: new Map(),
    codes: new Map(),
    refreshTokens: new Map(),
    sessions: new Map(),
    opaqueTokens: new Map(),
    settings: defaultSettings(),
    actions: new ActionStore(),
    auditEvents: new AuditEventLog(),
    throttler: new Throttler(),
    // Random faults and latency are seeded too, so a failing run can be replayed.
    faults: new FaultInjector(new Faker({ locale: [en, base], seed: options.seed.seed })),
    requestLog: new RequestLog(),
    mail: new SentMail(),
    reset() {
      seeded ??= seedTenant(seedOptions);
      ctx.tenant = structuredClone(seeded);
      ctx.index = indexTenant(ctx.tenant);
      ctx.settings = defaultSettings();
      ctx.actions.clear();
      ctx.auditEvents.clear();
      ctx.throttler.reset();
      ctx.faults.configure(ctx.settings.faults);
      ctx.requestLog.clear();
      ctx.mail.clear();
      replaySeededAdminCenterActions(ctx);
    },
  };
  replaySeededAdminCenterActions(ctx);
  const app = new Hono();
  // What a launcher or a person needs to point the console here: ids, sizes and the demo accounts.
  app.get('/_emulator/health', (c) =>
    c.json({
      ok: true,
      mode: ctx.mode,
      tenantId: ctx.tenant.tenantId,
      domain: ctx.tenant.domain,
      clientId: options.app.clientId,
      devices: ctx.tenant.devices.length,
      users: ctx.tenant.users.length,
      agents: ctx.tenant.users
        .filter((u) => u.agentRole)
        .map((u) => ({ upn: u.userPrincipalName, name: u.displayName, role: u.agentRole })),
      // The demo's groups by the names docs use, with their members: what a launcher configures policies with.
      groups: Object.fromEntries(
        Object.entries(DEMO_GROUPS).map(([key, id]) => {
          const g = ctx.tenant.groups.find((x) => x.id === id);
          const members = [...transitiveMembersOf(ctx.tenant.groups, id)].flatMap((m) => {
            const u = ctx.index.userByKey.get(m);
            return u ? [{ upn: u.userPrincipalName, name: u.displayName }] : [];
          });
          return [key, { id, name: g?.displayName ?? null, mail: g?.mail ?? null, members }];
        }),
      ),
    }),
  );
  if (ctx.mode !== 'standalone') app.route('/_emulator', controlRoutes(ctx));
  app.route('/', verifiedIdRoutes(ctx));
  if (ctx.mode !== 'standalone') app.route('/_emulator', mailboxRoutes(ctx));
  app.route('/', graphRoutes(ctx));
  app.route('/', directoryRoutes(ctx));
  app.route('/', groupMembershipRoutes(ctx));
  app.route('/', entraRoutes(ctx));
  // Anything else answers as Graph does: its error body and ids (under /v1.0 and /beta the Graph middleware has
  // already chosen this request's ids).
  app.notFound((c) => {
    if (c.get('requestId' as never) === undefined) {
      const id = randomUUID();
      c.set('requestId' as never, id as never);
      c.set('clientRequestId' as never, (c.req.header('client-request-id') ?? id) as never);
    }
    const segment = c.req.path.split('/').filter(Boolean).at(-1) ?? '';
    const res = graphError(c, {
      status: 404,
      code: 'ResourceNotFound',
      message: `Resource not found for the segment '${segment}'.`,
    });
    const { requestId, clientRequestId } = requestIds(c);
    res.headers.set('request-id', requestId);
    res.headers.set('client-request-id', clientRequestId);
    return res;
  });
  return { app, ctx };
}
