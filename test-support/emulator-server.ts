// For integration tests of the console's server code: an emulator served over real HTTP on a free port,
// with the console's environment pointed at it.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createEmulator, type Emulator } from '@/emulator/app';
import { DEMO_CLIENT_ID, TENANT_ID } from '@/emulator/constants';
import { control, tokenFor } from '@/emulator/testing';

export interface EmulatorServer {
  emu: Emulator;
  origin: string;
  stop(): void;
  /** A Graph token for a tenant user, signed by the emulator. */
  token(
    upn: string,
    scopes: string[],
    extra?: {
      audience?: string;
      lifetimeSeconds?: number;
      issuedAt?: number;
      capabilities?: string[];
    },
  ): Promise<string>;
  /** Calls the emulator's control API in-process. */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

export { SCOPES } from '@/emulator/testing';

export async function startEmulatorServer(
  seed: { devices: number; users: number },
  env: Record<string, string> = {},
): Promise<EmulatorServer> {
  const port = await new Promise<number>((resolve) => {
    const probe = serve(
      { fetch: () => new Response(null), port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) => {
        probe.close(() => resolve(info.port));
      },
    );
  });
  const origin = `http://127.0.0.1:${port}`;
  const emu = await createEmulator({
    origin,
    mode: 'test',
    seed: { seed: 4242, ...seed },
    app: {
      clientId: DEMO_CLIENT_ID,
      displayName: 'Passcode Desk',
      redirectUris: ['http://localhost:3999/redirect', 'http://localhost:3999/'],
    },
  });
  const server: ServerType = serve({ fetch: emu.app.fetch, port, hostname: '127.0.0.1' });
  // The console reads its configuration from the environment; point it here, and put it back afterwards.
  const settings: Record<string, string> = {
    AUTH_CLIENT_ID: DEMO_CLIENT_ID,
    AUTH_TENANT_ID: TENANT_ID,
    GRAPH_BASE_URL: origin,
    ...env,
  };
  const previous = Object.fromEntries(Object.keys(settings).map((k) => [k, process.env[k]]));
  Object.assign(process.env, settings);
  return {
    emu,
    origin,
    stop: () => {
      server.close();
      for (const [k, v] of Object.entries(previous)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    },
    token: (upn, scopes, extra = {}) => tokenFor(emu, upn, scopes, extra),
    control: (method, path, body) => control(emu, method, path, body),
  };
}
