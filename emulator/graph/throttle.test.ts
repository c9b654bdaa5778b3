// Intune's documented limits per 20-second window: all requests 2000 per app and 4000 per tenant, writes
// 200 per app and 400 per tenant; 429 TooManyRequests with Retry-After (whole, fractional or absent).
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../app';
import { DEMO_ACCOUNTS } from '../constants';
import {
  control,
  createTestEmulator,
  graphGet,
  graphPost,
  tokenFor,
  type GraphErrorJson,
} from '../testing';

let emu: Emulator;
let onlineDevice: string;
beforeAll(async () => {
  emu = await createTestEmulator({ devices: 300, users: 100 });
});
beforeEach(async () => {
  await control(emu, 'POST', '/reset');
  // Start each test at the beginning of a window, with time stopped, so that counts are exact.
  await control(emu, 'POST', '/clock', { freeze: true });
  const { now } = await control<{ now: string }>(emu, 'GET', '/clock');
  await control(emu, 'POST', '/clock', { advanceMs: 20_000 - (Date.parse(now) % 20_000) });
  onlineDevice =
    emu.ctx.tenant.devices.find(
      (d) => d.scopeTag === 'EMEA' && d.scenario === 'online' && d.mode === 'androidFullyManaged',
    )?.graph.id ?? '';
});

const LIST = '/v1.0/deviceManagement/managedDevices?$top=1&$select=id';
/**
 * Thousands of requests one after another are CPU work, not waiting: 3–5 s alone, but a file shares its two cores with
 * other test files, the build and the linters in CI.
 */
const BURST_TIMEOUT_MS = 60_000;

async function burst(n: number, send: () => Response | Promise<Response>): Promise<Response[]> {
  const out: Response[] = [];
  for (let i = 0; i < n; i++) out.push(await send());
  return out;
}

describe("throttling at Intune's limits", () => {
  it(
    'serves 2000 requests of one app in a window, then answers 429 until the window ends',
    async () => {
      const token = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk);
      const served = await burst(2000, () => graphGet(emu, LIST, token));
      expect(served.every((r) => r.status === 200)).toBe(true);
      const throttled = await graphGet(emu, LIST, token);
      expect(throttled.status).toBe(429);
      const body = (await throttled.json()) as GraphErrorJson;
      expect(body.error.code).toBe('TooManyRequests');
      expect(body.error.innerError['request-id']).toBe(throttled.headers.get('request-id'));
      expect(throttled.headers.get('retry-after')).toBe('20');
      await control(emu, 'POST', '/clock', { advanceMs: 15_000 });
      const stillThrottled = await graphGet(emu, LIST, token);
      expect(stillThrottled.headers.get('retry-after')).toBe('5');
      await control(emu, 'POST', '/clock', { advanceMs: 5_000 });
      expect((await graphGet(emu, LIST, token)).status).toBe(200);
    },
    BURST_TIMEOUT_MS,
  );

  it(
    "gives another app its own 2000 until the tenant's 4000 are spent",
    async () => {
      const a = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk);
      const b = await tokenFor(emu, DEMO_ACCOUNTS.admin, undefined, {
        appId: '11111111-2222-4333-8444-555555555555',
      });
      const c = await tokenFor(emu, DEMO_ACCOUNTS.admin, undefined, {
        appId: '99999999-2222-4333-8444-555555555555',
      });
      await burst(2000, () => graphGet(emu, LIST, a));
      expect((await graphGet(emu, LIST, a)).status).toBe(429);
      const fromB = await burst(2000, () => graphGet(emu, LIST, b));
      expect(fromB.every((r) => r.status === 200)).toBe(true);
      expect((await graphGet(emu, LIST, c)).status).toBe(429); // the tenant's 4000 are gone
    },
    BURST_TIMEOUT_MS,
  );

  it('allows 200 writes per app in a window; the 201st resetPasscode gets 429', async () => {
    const token = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk);
    const path = `/v1.0/deviceManagement/managedDevices/${onlineDevice}/resetPasscode`;
    const writes = await burst(200, () => graphPost(emu, path, token));
    expect(writes.every((r) => r.status === 204)).toBe(true);
    const over = await graphPost(emu, path, token);
    expect(over.status).toBe(429);
    expect((await control<{ actions: unknown[] }>(emu, 'GET', '/actions')).actions).toHaveLength(
      200,
    );
    expect((await graphGet(emu, LIST, token)).status).toBe(200); // reads still have budget
  });

  it('allows 400 writes per tenant across apps', async () => {
    const path = `/v1.0/deviceManagement/managedDevices/${onlineDevice}/resetPasscode`;
    const apps = await Promise.all(
      ['a', 'b', 'c'].map((x) =>
        tokenFor(emu, DEMO_ACCOUNTS.admin, undefined, {
          appId: `${x.repeat(8)}-0000-4000-8000-000000000000`,
        }),
      ),
    );
    await burst(200, () => graphPost(emu, path, apps[0]));
    await burst(200, () => graphPost(emu, path, apps[1]));
    expect((await graphPost(emu, path, apps[2])).status).toBe(429);
  });

  it('sends Retry-After fractional, absent, or rotating as configured', async () => {
    const token = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk);
    await control(emu, 'PUT', '/throttling', { appRequests: 1, retryAfter: 'fractional' });
    await control(emu, 'POST', '/clock', { advanceMs: 7_872 });
    await graphGet(emu, LIST, token);
    expect((await graphGet(emu, LIST, token)).headers.get('retry-after')).toBe('12.128');
    await control(emu, 'PUT', '/throttling', { retryAfter: 'absent' });
    await graphGet(emu, LIST, token);
    const absent = await graphGet(emu, LIST, token);
    expect(absent.status).toBe(429);
    expect(absent.headers.get('retry-after')).toBeNull();
    await control(emu, 'PUT', '/throttling', { retryAfter: 'varied' });
    await graphGet(emu, LIST, token);
    const rotation = await burst(3, () => graphGet(emu, LIST, token));
    expect(rotation.map((r) => r.headers.get('retry-after'))).toEqual(['13', '12.128', null]);
  });

  it('can be switched off', async () => {
    const token = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk);
    await control(emu, 'PUT', '/throttling', { enabled: false, appRequests: 1 });
    const all = await burst(5, () => graphGet(emu, LIST, token));
    expect(all.every((r) => r.status === 200)).toBe(true);
  });
});
