import { describe, expect, it } from 'vitest';
import { checkInWait, MISSED_CHECK_IN_ANSWER_MINUTES, PUSH_ANSWER_MINUTES } from './check-in';

const MIN = 60_000;
const requested = Date.parse('2026-12-02T10:00:00Z');
const at = (ms: number) => new Date(ms).toISOString();
const action = (
  lastSync: number | null,
  state: 'pending' | 'none' | 'active' | 'done' = 'pending',
) => ({
  state,
  requestedAt: at(requested),
  lastSyncDateTime: lastSync === null ? null : at(lastSync),
});

describe('checkInWait', () => {
  it('a phone that synced 30 minutes ago is not overdue at once, nor 9 minutes on, but 10 minutes after the request', () => {
    const a = action(requested - 30 * MIN);
    expect(checkInWait(a, requested + 1_600)).toEqual({
      overdueAt: requested + PUSH_ANSWER_MINUTES * MIN,
      overdue: false,
      missedUsualCheckIn: false,
    });
    expect(checkInWait(a, requested + 9 * MIN)?.overdue).toBe(false);
    expect(checkInWait(a, requested + 10 * MIN)?.overdue).toBe(true);
  });

  it('a device past its usual 8-hour check-in (or never seen) is overdue sooner, but still not at once', () => {
    for (const lastSync of [requested - 8 * 60 * MIN - 1, requested - 3 * 86_400_000, null]) {
      const wait = checkInWait(action(lastSync), requested + 1_600);
      expect(wait).toMatchObject({ overdue: false, missedUsualCheckIn: true });
      expect(wait?.overdueAt).toBe(requested + MISSED_CHECK_IN_ANSWER_MINUTES * MIN);
      expect(checkInWait(action(lastSync), requested + 3 * MIN)?.overdue).toBe(true);
    }
    // Exactly 8 hours is still within the cycle.
    expect(checkInWait(action(requested - 8 * 60 * MIN), requested)?.missedUsualCheckIn).toBe(
      false,
    );
  });

  it('nothing is awaited once the device has picked the action up, reported it, or checked in since the request', () => {
    expect(checkInWait(action(requested - MIN, 'active'), requested + 60 * MIN)).toBeNull();
    expect(checkInWait(action(requested - MIN, 'done'), requested + 60 * MIN)).toBeNull();
    expect(checkInWait(action(requested + 5_000), requested + 60 * MIN)).toBeNull();
    expect(checkInWait(action(requested - MIN, 'none'), requested + 60 * MIN)?.overdue).toBe(true);
  });
});
