// Assembles one emulator instance: a seeded tenant, a signing key and the Entra ID and Graph routes.
// Tests create instances in-process; main.ts serves one over HTTP.
import { Hono } from 'hono';
import { systemClock, type Clock } from './clock';
import type { AppRegistration, EmulatorContext } from './context';
import { createSigningKey } from './entra/keys';
import { entraRoutes } from './entra/routes';
import { graphRoutes } from './graph/routes';
import { seedTenant, type SeedOptions } from './tenant/seed';

export interface EmulatorOptions {
  origin: string;
  seed: Omit<SeedOptions, 'epoch'> & { epoch?: Date };
  app: AppRegistration;
  clock?: Clock;
  accessTokenLifetimeSeconds?: number;
}

export interface Emulator {
  app: Hono;
  ctx: EmulatorContext;
}

export async function createEmulator(options: EmulatorOptions): Promise<Emulator> {
  const clock = options.clock ?? systemClock;
  const tenant = seedTenant({ ...options.seed, epoch: options.seed.epoch ?? new Date(clock.now()) });
  const ctx: EmulatorContext = {
    origin: options.origin.replace(/\/$/, ''),
    tenant,
    app: options.app,
    key: await createSigningKey(),
    clock,
    accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3600,
    pendingLogins: new Map(),
    codes: new Map(),
    refreshTokens: new Map(),
    sessions: new Map(),
  };
  const app = new Hono();
  // What a launcher or a person needs to point the console here: ids, sizes and the demo accounts.
  app.get('/_emulator/health', (c) =>
    c.json({
      ok: true, tenantId: tenant.tenantId, domain: tenant.domain, clientId: options.app.clientId,
      devices: tenant.devices.length, users: tenant.users.length,
      agents: tenant.users.filter((u) => u.agentRole).map((u) => ({ upn: u.userPrincipalName, name: u.displayName, role: u.agentRole })),
    }));
  app.route('/', graphRoutes(ctx));
  app.route('/', entraRoutes(ctx));
  app.notFound((c) => c.json({ error: { code: 'UnknownError', message: `No HTTP resource was found that matches ${c.req.path}.` } }, 404));
  return { app, ctx };
}
