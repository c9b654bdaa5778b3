// One poll per action: a second reader of an action's status (the tray's item, the device page) adds no request.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '@/lib/browser/api/browser-client';
import type { ActionStatus } from '@/lib/shared/actions/types';

const requestedAt = Date.parse('2026-11-28T10:00:00Z');
const pending = {
  actionId: 'a1',
  requestedAt: new Date(requestedAt).toISOString(),
  state: 'pending',
  terminal: false,
  notifications: [],
  passcodeShownAt: null,
} as unknown as ActionStatus;

type Core = typeof import('@tanstack/react-query');
type Queries = typeof import('./action-queries');
let core: Core;
let queries: Queries;

beforeAll(async () => {
  // react-query polls only in a browser (it checks for `window` when it loads).
  vi.stubGlobal('window', globalThis);
  core = await import('@tanstack/react-query');
  queries = await import('./action-queries');
});
afterAll(() => {
  vi.unstubAllGlobals();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Status requests in the first 30 s after the request, with the given readers of the status subscribed in turn. */
async function requestsWith(readers: ('poll' | 'read')[]): Promise<number> {
  vi.useFakeTimers({ now: requestedAt });
  let count = 0;
  const api = {
    get: async () => {
      count += 1;
      return pending;
    },
  } as unknown as ApiClient;
  const client = new core.QueryClient();
  const observers = readers.map(
    (r) =>
      new core.QueryObserver(
        client,
        r === 'poll'
          ? queries.actionQueries.status(api, pending)
          : queries.actionQueries.statusRead(api, pending),
      ),
  );
  // Readers come at different moments (the tray first, the device page when the agent opens it).
  const stops: (() => void)[] = [];
  for (const o of observers) {
    stops.push(o.subscribe(() => undefined));
    await vi.advanceTimersByTimeAsync(1500);
  }
  await vi.advanceTimersByTimeAsync(30_000 - 1500 * observers.length);
  for (const stop of stops) stop();
  client.clear();
  return count;
}

describe('status reads', () => {
  it('the poller alone follows the schedule; readers beside it add no request', async () => {
    const alone = await requestsWith(['poll']);
    // On mount, then 3, 6, 10, 15 and 25 s after the request.
    expect(alone).toBe(6);
    expect(await requestsWith(['poll', 'read', 'read'])).toBe(alone);
  });

  it('two pollers of one action would ask more often: what the one tracker avoids', async () => {
    expect(await requestsWith(['poll', 'poll'])).toBeGreaterThan(await requestsWith(['poll']));
  });

  it('a reader alone asks nothing', async () => {
    expect(await requestsWith(['read'])).toBe(0);
  });
});
