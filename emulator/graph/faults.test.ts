// Fault injection and latency, as Dev Proxy does it, and the request log tests rely on.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../app';
import { DEMO_ACCOUNTS } from '../constants';
import type { LoggedRequest } from './request-log';
import {
  control,
  createTestEmulator,
  graphGet,
  graphPost,
  tokenFor,
  type GraphErrorJson,
} from '../testing';

let emu: Emulator;
let token: string;
let deviceId: string;
beforeAll(async () => {
  emu = await createTestEmulator({ devices: 300, users: 100 });
});
beforeEach(async () => {
  await control(emu, 'POST', '/reset');
  token = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk);
  deviceId =
    emu.ctx.tenant.devices.find(
      (d) => d.scopeTag === 'EMEA' && d.scenario === 'online' && d.mode === 'androidFullyManaged',
    )?.graph.id ?? '';
});

const LIST = '/v1.0/deviceManagement/managedDevices?$top=1&$select=id';
const recoverPath = () => `/v1.0/deviceManagement/managedDevices/${deviceId}/resetPasscode`;
const actions = async () =>
  (await control<{ actions: unknown[] }>(emu, 'GET', '/actions')).actions.length;

describe('fault rules', () => {
  it('fails matching requests with a Graph-shaped body and a fresh request-id, as many times as the count says', async () => {
    await control(emu, 'PUT', '/faults', {
      rules: [
        { method: 'GET', path: 'managedDevices$', status: 503, count: 2, retryAfterSeconds: 3 },
      ],
    });
    const first = await graphGet(emu, LIST, token, { 'client-request-id': 'c-1' });
    const second = await graphGet(emu, LIST, token);
    const third = await graphGet(emu, LIST, token);
    expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
    const body = (await first.json()) as GraphErrorJson;
    expect(body.error.code).toBe('ServiceUnavailable');
    expect(body.error.innerError['request-id']).toBe(first.headers.get('request-id'));
    expect(body.error.innerError['client-request-id']).toBe('c-1');
    expect(first.headers.get('request-id')).not.toBe(second.headers.get('request-id'));
    expect(first.headers.get('retry-after')).toBe('3');
  });

  it('covers every status Dev Proxy uses, 507 included', async () => {
    const statuses = [429, 500, 502, 503, 504, 507] as const;
    await control(emu, 'PUT', '/faults', {
      rules: statuses.map((status) => ({
        method: 'POST',
        path: 'resetPasscode$',
        status,
        count: 1,
      })),
    });
    const got: number[] = [];
    for (const _ of statuses) got.push((await graphPost(emu, recoverPath(), token)).status);
    expect(got).toEqual([...statuses]);
    expect(await actions()).toBe(0); // a fault in front of Graph queues nothing
    expect((await graphPost(emu, recoverPath(), token)).status).toBe(204);
  });

  it('can fail after carrying the request out: the action is queued although the caller sees 504', async () => {
    await control(emu, 'PUT', '/faults', {
      rules: [
        { method: 'POST', path: 'resetPasscode$', status: 504, count: 1, afterHandling: true },
      ],
    });
    const res = await graphPost(emu, recoverPath(), token);
    expect(res.status).toBe(504);
    expect(((await res.json()) as GraphErrorJson).error.code).toBe('GatewayTimeout');
    expect(await actions()).toBe(1);
  });

  it('only matches the method and path it names', async () => {
    await control(emu, 'PUT', '/faults', {
      rules: [{ method: 'POST', path: 'resetPasscode$', status: 500 }],
    });
    expect((await graphGet(emu, LIST, token)).status).toBe(200);
    expect((await graphPost(emu, recoverPath(), token)).status).toBe(500);
    expect((await graphPost(emu, recoverPath(), token)).status).toBe(500); // no count: every time
  });

  it("fails a share of requests at random by rate, with Dev Proxy's statuses", async () => {
    await control(emu, 'PUT', '/faults', { rate: 0.5 });
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) statuses.push((await graphGet(emu, LIST, token)).status);
    const failed = statuses.filter((s) => s !== 200);
    expect(failed.length).toBeGreaterThan(60);
    expect(failed.length).toBeLessThan(140);
    expect(new Set(failed).size).toBeGreaterThan(2);
    expect(failed.every((s) => [429, 500, 502, 503, 504].includes(s))).toBe(true);
  });

  it('fails a share of requests at random with only the statuses named: 429 with Retry-After 1 s', async () => {
    await control(emu, 'PUT', '/faults', { rate: 0.5, rateStatuses: [429] });
    const answers: Response[] = [];
    for (let i = 0; i < 100; i++) answers.push(await graphGet(emu, LIST, token));
    const failed = answers.filter((r) => r.status !== 200);
    expect(failed.length).toBeGreaterThan(25);
    expect(failed.length).toBeLessThan(75);
    expect(failed.every((r) => r.status === 429 && r.headers.get('retry-after') === '1')).toBe(
      true,
    );
  });

  it('adds latency', async () => {
    await control(emu, 'PUT', '/faults', { latencyMs: { min: 150, max: 150 } });
    const started = performance.now();
    await graphGet(emu, LIST, token);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    await control(emu, 'DELETE', '/faults');
    const again = performance.now();
    await graphGet(emu, LIST, token);
    expect(performance.now() - again).toBeLessThan(100);
  });

  it('rejects a rule with a status Dev Proxy does not use', async () => {
    const res = await emu.app.request('http://localhost:4999/_emulator/faults', {
      method: 'PUT',
      body: JSON.stringify({ rules: [{ status: 418 }] }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
  });
});

describe('request log', () => {
  it('records method, path, query, client-request-id, status and how the answer came about', async () => {
    await control(emu, 'PUT', '/faults', {
      rules: [
        { method: 'POST', path: 'resetPasscode$', status: 429, count: 1, retryAfterSeconds: 1 },
      ],
    });
    await graphGet(emu, `${LIST}&$filter=${encodeURIComponent("deviceName eq 'x'")}`, token, {
      'client-request-id': 'read-1',
    });
    await graphPost(emu, recoverPath(), token, { headers: { 'client-request-id': 'act-1' } });
    await graphPost(emu, recoverPath(), token, { headers: { 'client-request-id': 'act-1' } });
    const { entries } = await control<{ entries: LoggedRequest[] }>(
      emu,
      'GET',
      '/requests?method=POST',
    );
    expect(entries.map((e) => [e.path, e.clientRequestId, e.status, e.outcome])).toEqual([
      [recoverPath(), 'act-1', 429, 'fault'],
      [recoverPath(), 'act-1', 204, 'served'],
    ]);
    const { entries: reads } = await control<{ entries: LoggedRequest[] }>(
      emu,
      'GET',
      '/requests?method=GET',
    );
    expect(reads[0]).toMatchObject({
      clientRequestId: 'read-1',
      status: 200,
      user: DEMO_ACCOUNTS.helpdesk,
    });
    expect(reads[0]?.query).toContain('$filter=deviceName');
  });
});

describe('control API availability', () => {
  it('does not exist when the emulator runs standalone', async () => {
    const standalone = await createTestEmulator({ devices: 20, users: 20 }, 'standalone');
    expect((await standalone.app.request('http://localhost:4999/_emulator/requests')).status).toBe(
      404,
    );
    expect(
      (await standalone.app.request('http://localhost:4999/_emulator/reset', { method: 'POST' }))
        .status,
    ).toBe(404);
    expect((await standalone.app.request('http://localhost:4999/_emulator/health')).status).toBe(
      200,
    );
  });

  it('resets the tenant: actions, faults and log are gone, the devices are the seeded ones', async () => {
    await graphPost(emu, recoverPath(), token);
    await control(emu, 'PUT', '/faults', { rules: [{ status: 500 }] });
    await control(emu, 'POST', '/reset');
    expect(await actions()).toBe(0);
    expect((await control<{ entries: unknown[] }>(emu, 'GET', '/requests')).entries).toHaveLength(
      0,
    );
    expect((await graphGet(emu, LIST, token)).status).toBe(200);
  });
});
