// The emulator's control API (/_emulator) over HTTP, for benchmarks that run it as a separate process.
export interface ControlledDevice {
  id: string;
  deviceName: string;
  userPrincipalName: string;
  operatingSystem: string;
  serialNumber: string;
  scopeTag: string;
  scenario: string;
  mode: string;
}

export interface LoggedGraphRequest {
  seq: number;
  at: number;
  method: string;
  path: string;
  query: string;
  status: number;
  outcome: string;
  user: string | null;
  durationMs: number;
  clientRequestId: string | null;
}

export interface EmulatedAction {
  deviceId: string;
  actionName: string;
  clientRequestId: string;
  requestedAt: string;
  state: string;
  terminal: boolean;
}

export function emulatorControl(origin: string) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${origin}/_emulator${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    if (!res.ok) throw new Error(`emulator ${method} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? null : await res.json()) as T;
  }
  return {
    call,
    throttling: (enabled: boolean) => call('PUT', '/throttling', { enabled }),
    latency: (ms: number) => call('PUT', '/faults', { latencyMs: { min: ms, max: ms } }),
    clearFaults: () => call('DELETE', '/faults'),
    timings: (t: { pickupMs: number; completeMs: number }) => call('PUT', '/timings', t),
    devices: async (query: Record<string, string>) =>
      (await call<{ devices: ControlledDevice[] }>('GET', `/devices?${new URLSearchParams(query)}`))
        .devices,
    requests: async (query: Record<string, string> = {}) =>
      (
        await call<{ entries: LoggedGraphRequest[] }>(
          'GET',
          `/requests?${new URLSearchParams(query)}`,
        )
      ).entries,
    clearRequests: () => call('DELETE', '/requests'),
    actions: async (deviceId?: string) =>
      (
        await call<{ actions: EmulatedAction[] }>(
          'GET',
          `/actions${deviceId ? `?deviceId=${deviceId}` : ''}`,
        )
      ).actions,
  };
}

export type EmulatorControl = ReturnType<typeof emulatorControl>;
