// `npm run emulator`: serves the Entra ID and Intune Graph emulator on localhost until stopped.
import { serve } from '@hono/node-server';
import { createEmulator } from './app';
import { readOptions } from './options';

async function main() {
  const options = readOptions(process.argv.slice(2), process.env);
  const started = performance.now();
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
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => {
    const ms = Math.round(performance.now() - started);
    console.log(
      `emulator: Entra ID and Intune Graph on ${ctx.origin} (tenant ${ctx.tenant.tenantId}, ` +
        `${ctx.tenant.devices.length} devices, ${ctx.tenant.users.length} users, ready in ${ms} ms, mode ${options.mode})`,
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
