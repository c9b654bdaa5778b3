import { describe, expect, it } from 'vitest';
import { pollInterval } from './poll-interval';
import type { ActionStatus } from '@/lib/shared/actions/types';

const at = Date.parse('2026-11-28T10:00:00Z');
const status = (over: Partial<ActionStatus> = {}): ActionStatus => ({
  actionId: 'a', deviceId: 'd', deviceName: 'n', ticket: 'INC-1', actorName: null, actorUpn: null,
  graphAction: 'resetPasscode', kind: 'removePasscode', requestedAt: new Date(at).toISOString(), state: 'pending', terminal: false,
  lastUpdated: null, graphRequestId: null, errorCode: null, passcode: null, managementState: null, deviceSerial: 'S1', deviceUserName: null,
  deviceUpn: null, lastSyncDateTime: null, alternative: null, requestStatus: null, ...over,
});

describe('pollInterval', () => {
  it('backs off from 2 s to 5 s, 15 s, 60 s and 5 min as an action waits', () => {
    expect([0, 29, 31, 119, 121, 599, 601, 3599, 3601].map((s) => pollInterval(status(), at + s * 1000)))
      .toEqual([2000, 2000, 5000, 5000, 15000, 15000, 60000, 60000, 300000]);
  });

  it('stops at a terminal state', () => {
    expect(pollInterval(status({ state: 'done', terminal: true }), at)).toBe(false);
    expect(pollInterval(undefined, at)).toBe(false);
  });
});
