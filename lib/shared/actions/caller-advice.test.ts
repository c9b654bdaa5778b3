import { describe, expect, it } from 'vitest';
import { callerAdvice, type AdviceStatus } from './caller-advice';

const now = Date.parse('2026-12-02T10:00:00Z');
const daysAgo = (d: number) => new Date(now - d * 86_400_000).toISOString();
const status = (s: Partial<AdviceStatus>): AdviceStatus => ({
  state: 'pending',
  managementState: null,
  lastSyncDateTime: daysAgo(0.02),
  errorCode: null,
  terminal: false,
  ...s,
});

describe('callerAdvice', () => {
  it('before the first read: the action’s own words, promising no time when the listed device was silent for days', () => {
    expect(callerAdvice('removePasscode', null, daysAgo(0.02), now)).toEqual({
      kind: 'wait',
      action: 'removePasscode',
      silentDays: null,
    });
    expect(callerAdvice('resetDevicePasscode', null, daysAgo(12.5), now)).toEqual({
      kind: 'wait',
      action: 'resetDevicePasscode',
      silentDays: 12,
    });
  });

  it('the server’s last check-in is newer than the listed one', () => {
    const back = status({ lastSyncDateTime: daysAgo(0.001) });
    expect(callerAdvice('removePasscode', back, daysAgo(12), now)).toMatchObject({
      kind: 'wait',
      silentDays: null,
    });
  });

  it('a wipe or retire the server reports pending comes first: no unlock is coming', () => {
    expect(
      callerAdvice('removePasscode', status({ managementState: 'wipePending' }), null, now),
    ).toEqual({ kind: 'held', what: 'wipe' });
    expect(
      callerAdvice(
        'resetWorkProfilePasscode',
        status({ managementState: 'retireIssued' }),
        null,
        now,
      ),
    ).toEqual({ kind: 'held', what: 'retire' });
  });

  it('how the device ended it: done, failed with Intune’s error code, not supported, or ended otherwise', () => {
    const done = status({ state: 'done', terminal: true });
    expect(callerAdvice('resetDevicePasscode', done, null, now)).toEqual({
      kind: 'done',
      action: 'resetDevicePasscode',
    });
    const failed = status({ state: 'failed', terminal: true, errorCode: -2016281112 });
    expect(callerAdvice('removePasscode', failed, null, now)).toEqual({
      kind: 'failed',
      errorCode: -2016281112,
    });
    // A wipe pending after the device failed it changes nothing about what already happened.
    expect(
      callerAdvice('removePasscode', { ...failed, managementState: 'wipePending' }, null, now),
    ).toMatchObject({ kind: 'failed' });
    expect(
      callerAdvice('recoverPin', status({ state: 'notSupported', terminal: true }), null, now),
    ).toEqual({ kind: 'notSupported' });
    expect(
      callerAdvice('removePasscode', status({ state: 'canceled', terminal: true }), null, now),
    ).toEqual({ kind: 'ended' });
  });

  it('still under way or being verified: the waiting words', () => {
    for (const state of ['active', 'verifying', 'notConfirmed'] as const)
      expect(callerAdvice('removePasscode', status({ state }), null, now).kind).toBe('wait');
  });
});
