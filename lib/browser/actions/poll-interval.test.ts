import { describe, expect, it } from 'vitest';
import { APPROVAL_POLL_MS, pollInterval, POLL_SCHEDULE_SECONDS } from './poll-interval';
import type { ActionStatus } from '@/lib/shared/actions/types';

const at = Date.parse('2026-11-28T10:00:00Z');
const status = (over: Partial<ActionStatus> = {}): ActionStatus => ({
  actionId: 'a',
  deviceId: 'd',
  deviceName: 'n',
  ticket: 'INC-1',
  actorName: null,
  actorUpn: null,
  graphAction: 'resetPasscode',
  kind: 'removePasscode',
  requestedAt: new Date(at).toISOString(),
  state: 'pending',
  terminal: false,
  lastUpdated: null,
  finishedAt: null,
  graphRequestId: null,
  errorCode: null,
  passcode: null,
  passcodeShownAt: null,
  managementState: null,
  deviceSerial: 'S1',
  deviceUserName: null,
  deviceUpn: null,
  lastSyncDateTime: null,
  alternative: null,
  requestStatus: null,
  guard: null,
  verificationId: null,
  verification: null,
  notifications: [],
  approval: null,
  ...over,
});

/** The moments a tab polling on time would check, from the request until `untilS`. */
function checks(untilS: number): number[] {
  const times: number[] = [];
  let t = 0;
  for (;;) {
    const wait = pollInterval(status(), at + t);
    if (wait === false) break;
    t += wait;
    if (t > untilS * 1000) break;
    times.push(t / 1000);
  }
  return times;
}

describe('pollInterval', () => {
  it('checks at most 15 times in ten minutes, then every five minutes', () => {
    expect(checks(600)).toEqual([...POLL_SCHEDULE_SECONDS]);
    expect(checks(600).length).toBeLessThanOrEqual(15);
    expect(pollInterval(status(), at + 3_601_000)).toBe(300_000);
  });

  it('sees an action done 10 s after the request within 10 s of done, and one done at any time in the first minute within 20 s', () => {
    const times = checks(600);
    expect(times.find((t) => t >= 10)! - 10).toBeLessThanOrEqual(10);
    for (let done = 1; done <= 60; done++)
      expect(times.find((t) => t >= done)! - done).toBeLessThanOrEqual(20);
  });

  it('waits at least a second however late the last check ran, and stops at a terminal state', () => {
    expect(pollInterval(status(), at + 2_999)).toBe(1000);
    expect(pollInterval(status({ state: 'done', terminal: true }), at)).toBe(false);
    expect(pollInterval(undefined, at)).toBe(false);
  });
});

describe('pollInterval for a four-eyes request not yet sent', () => {
  it('reads a request waiting for an approver, or approved and not sent, every 15 s at any age', () => {
    for (const state of ['awaitingApproval', 'approved'] as const) {
      expect(pollInterval(status({ state }), at + 2_000)).toBe(APPROVAL_POLL_MS);
      expect(pollInterval(status({ state }), at + 50 * 60_000)).toBe(APPROVAL_POLL_MS);
    }
  });

  it('stops once the request was denied, withdrawn or expired', () => {
    for (const state of ['approvalDenied', 'approvalWithdrawn', 'approvalExpired'] as const)
      expect(pollInterval(status({ state, terminal: true }), at + 2_000)).toBe(false);
  });

  it('follows the action schedule again once the approved request was sent', () => {
    expect(pollInterval(status({ state: 'pending' }), at + 2_000)).toBe(1_000);
  });
});
