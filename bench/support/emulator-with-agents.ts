// The emulator as `npm run emulator` serves it, with one difference for the load benchmark: N seeded users of the
// EMEA region are given what the helpdesk demo agent has (consent to Read.All and PrivilegedOperations.All, an
// Intune role with Remote tasks on the EMEA scope tag), so that N distinct agents can sign in and act. The
// emulator's control API has no way to grant this, so it is done here, in memory, before it serves; nothing in
// emulator/ changes. The agents' UPNs are written to BENCH_AGENTS_FILE. Started with `tsx` (bench/lib.ts).
import { writeFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createEmulator } from '../../emulator/app';
import { readOptions } from '../../emulator/options';

const AGENT_SCOPES = [
  'User.Read',
  'DeviceManagementManagedDevices.Read.All',
  'DeviceManagementManagedDevices.PrivilegedOperations.All',
];

async function main() {
  const count = Number(process.env.BENCH_AGENTS ?? 50);
  const file = process.env.BENCH_AGENTS_FILE;
  const options = readOptions(process.argv.slice(2), process.env);
  const { app, ctx } = await createEmulator({
    origin: options.origin,
    mode: options.mode,
    seed: { seed: options.seed, devices: options.devices, users: options.users },
    app: {
      clientId: options.clientId,
      displayName: 'Passcode Desk',
      redirectUris: options.redirectUriList,
    },
    accessTokenLifetimeSeconds: options.tokenLifetime,
  });
  // Ordinary people of the region (not the demo agents, not the named people of the helpdesk's hard cases).
  const agents = ctx.tenant.users
    .filter(
      (u) =>
        u.agentRole === undefined &&
        u.scopeTag === 'EMEA' &&
        u.consentedScopes.length === 0 &&
        /^[a-z]+\.[a-z]+@/.test(u.userPrincipalName),
    )
    .slice(0, count);
  if (agents.length < count) throw new Error(`only ${agents.length} users to make agents of`);
  for (const u of agents) {
    u.consentedScopes = AGENT_SCOPES;
    u.intuneScopeTags = ['EMEA'];
    u.intuneRemoteTasks = true;
  }
  if (file) writeFileSync(file, JSON.stringify(agents.map((u) => u.userPrincipalName)));
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
