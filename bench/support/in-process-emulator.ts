// An emulator served over HTTP from the benchmark's own process, on a fixed port of the benchmarks' range, with
// the console's environment pointed at it: for benchmarks that call the console's server code in-process
// (test-support/emulator-server.ts does the same on a random port, which benchmarks may not use).
import { serve, type ServerType } from '@hono/node-server';
import { createEmulator, type Emulator } from '../../emulator/app';
import { DEMO_CLIENT_ID, TENANT_ID } from '../../emulator/constants';
import { control, tokenFor } from '../../emulator/testing';

export { SCOPES } from '../../emulator/testing';

export interface InProcessEmulator {
  emu: Emulator;
  origin: string;
  stop(): Promise<void>;
  token(upn: string, scopes: string[], extra?: { lifetimeSeconds?: number }): Promise<string>;
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function startInProcessEmulator(
  port: number,
  seed: { devices: number; users: number },
): Promise<InProcessEmulator> {
  const origin = `http://127.0.0.1:${port}`;
  const emu = await createEmulator({
    origin,
    mode: 'test',
    seed: { seed: 4242, ...seed },
    app: {
      clientId: DEMO_CLIENT_ID,
      displayName: 'Passcode Desk',
      redirectUris: ['http://localhost:3990/redirect'],
    },
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: emu.app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  Object.assign(process.env, {
    AUTH_CLIENT_ID: DEMO_CLIENT_ID,
    AUTH_TENANT_ID: TENANT_ID,
    GRAPH_BASE_URL: origin,
  });
  return {
    emu,
    origin,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
    token: (upn, scopes, extra = {}) => tokenFor(emu, upn, scopes, extra),
    control: (method, path, body) => control(emu, method, path, body),
  };
}
