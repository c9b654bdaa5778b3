import { describe, expect, it } from 'vitest';
import type { ActionStatus } from '@/lib/shared/actions/types';
import { guardHolds } from './device-guard';

const NOW = Date.parse('2026-11-29T10:00:00Z');
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();

function action(over: Partial<ActionStatus>): ActionStatus {
  return {
    actionId: '5d0f7c52-9e3b-4d8a-b6c1-2f5e8d9a0b11',
    deviceId: '9188440e-cdc9-40e4-ae88-651f6a76741d',
    deviceName: 'iPhone',
    deviceSerial: 'SN1234',
    deviceUserName: 'Siv Åberg Berg',
    deviceUpn: 'siv.abergberg@contoso.com',
    ticket: 'INC-8801',
    actorName: 'Hanna Berger',
    actorUpn: 'helpdesk@contoso.com',
    graphAction: 'resetPasscode',
    kind: 'removePasscode',
    requestedAt: minutesAgo(2),
    state: 'pending',
    terminal: false,
    lastUpdated: null,
    graphRequestId: null,
    errorCode: null,
    passcode: null,
    managementState: null,
    lastSyncDateTime: null,
    alternative: null,
    requestStatus: null,
    ...over,
  };
}

describe('the device guard before the click', () => {
  it('holds for a request under way, and for one the device failed, within the guard window', () => {
    expect(guardHolds(action({ state: 'pending' }), 15, NOW)).toBe(true);
    expect(guardHolds(action({ state: 'failed', errorCode: 12345 }), 15, NOW)).toBe(true);
    expect(guardHolds(action({ state: 'notConfirmed' }), 15, NOW)).toBe(true);
  });

  it('lets go after the window', () => {
    expect(guardHolds(action({ requestedAt: minutesAgo(16) }), 15, NOW)).toBe(false);
  });

  it('does not hold for a request Graph turned away (a 429 beyond the retry): nothing was queued, the server released it', () => {
    expect(guardHolds(action({ state: 'failed', requestStatus: 429 }), 15, NOW)).toBe(false);
  });

  it("does not hold for refusals before or at Graph's door", () => {
    for (const state of ['rejected', 'denied', 'refused'] as const)
      expect(guardHolds(action({ state }), 15, NOW), state).toBe(false);
  });
});
