// While the audit database fails, the Graph throttle gate keeps to this instance's own waits instead of failing every
// Graph call with the database, says so once, and shares waits again once the database answers.
import { describe, expect, it, vi } from 'vitest';
import { sharedWaitOrLocal } from './shared-wait-fallback';
import { ServerThrottleGate, type SharedWait } from './throttle-gate';

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

function flakyStore() {
  const state = { down: false, until: 0 };
  const store: SharedWait = {
    until: async () => {
      if (state.down) throw refused();
      return state.until;
    },
    extend: async (_key, until) => {
      if (state.down) throw refused();
      state.until = Math.max(state.until, until);
    },
  };
  return { state, store };
}

describe('sharedWaitOrLocal', () => {
  it('a failing database: Graph calls go ahead on the local wait, and the failure is logged once', async () => {
    const { state, store } = flakyStore();
    const log = { warn: vi.fn() };
    let now = 1_000_000;
    const gate = new ServerThrottleGate(
      'tenant|app',
      sharedWaitOrLocal(async () => store, log),
      () => now,
      () => 0.5,
      0,
    );
    state.down = true;
    expect(await gate.remainingMs()).toBe(0);
    // Graph says wait 3 s: the instance keeps to it although it cannot share it.
    expect(await gate.throttled(3)).toBe(3000);
    now += 1000;
    expect(await gate.remainingMs()).toBe(2000);
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]?.[0]).toEqual({
      source: 'throttle-gate',
      code: 'ECONNREFUSED',
      error: 'connect ECONNREFUSED 127.0.0.1:5432',
    });
  });

  it('the database back: another instance’s wait is honoured again, and a later failure is logged again', async () => {
    const { state, store } = flakyStore();
    const log = { warn: vi.fn() };
    const shared = sharedWaitOrLocal(async () => store, log);
    state.down = true;
    expect(await (await shared())?.until('k')).toBe(0);
    state.down = false;
    state.until = 5_000;
    expect(await (await shared())?.until('k')).toBe(5_000);
    state.down = true;
    await (await shared())?.extend('k', 9_000);
    expect(log.warn).toHaveBeenCalledTimes(2);
  });

  it('a store that cannot even be opened: no shared wait, no throw', async () => {
    const log = { warn: vi.fn() };
    const shared = sharedWaitOrLocal(async () => {
      throw refused();
    }, log);
    expect(await shared()).toBeNull();
    expect(log.warn).toHaveBeenCalledTimes(1);
  });
});
