import { describe, expect, it } from 'vitest';
import {
  mergeAction,
  needsAgent,
  needsStatusRead,
  openByDefault,
  stateChanges,
  underWayCount,
} from './tracked-actions';
import type { ActionStatus, TrackedState } from '@/lib/shared/actions/types';
import { TERMINAL } from '@/lib/shared/actions/types';

const status = (over: Partial<ActionStatus> = {}): ActionStatus => {
  const state = over.state ?? 'pending';
  return {
    actionId: 'a',
    deviceId: 'd',
    deviceName: 'n',
    ticket: 'INC-1',
    actorName: null,
    actorUpn: null,
    graphAction: 'resetPasscode',
    kind: 'removePasscode',
    requestedAt: '2026-11-28T10:00:00Z',
    terminal: TERMINAL.has(state),
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
    state,
  };
};

describe('the badge and the tray read one merged list', () => {
  it('counts an action the status read saw done as no longer under way, although the list still says pending', () => {
    const listed = [status({ actionId: 'a' }), status({ actionId: 'b', state: 'active' })];
    const merged = listed.map((a) =>
      mergeAction(
        a,
        a.actionId === 'a'
          ? { data: status({ actionId: 'a', state: 'done' }), updatedAt: 5 }
          : undefined,
      ),
    );
    expect(merged.map((a) => a.state)).toEqual(['done', 'active']);
    expect(underWayCount(listed)).toBe(2);
    expect(underWayCount(merged)).toBe(1);
  });

  it('counts requests waiting for an approver or to be sent as under way, and no end', () => {
    const states: TrackedState[] = ['awaitingApproval', 'approved', 'verifying', 'notConfirmed'];
    const ends: TrackedState[] = ['done', 'failed', 'approvalDenied', 'approvalWithdrawn'];
    expect(underWayCount([...states, ...ends].map((state) => status({ state })))).toBe(4);
  });

  it('keeps the list entry until the status was read from the server (initial data is the list itself)', () => {
    const listed = status({ state: 'active' });
    expect(mergeAction(listed, { data: status({ state: 'pending' }), updatedAt: 0 })).toBe(listed);
    expect(mergeAction(listed, undefined)).toBe(listed);
  });

  it('an end the list already knows stays, whatever an older status read said', () => {
    const listed = status({ state: 'approvalDenied' });
    expect(mergeAction(listed, { data: status({ state: 'awaitingApproval' }), updatedAt: 9 })).toBe(
      listed,
    );
  });

  it('never takes another action’s read', () => {
    const listed = status({ actionId: 'a' });
    expect(
      mergeAction(listed, { data: status({ actionId: 'b', state: 'done' }), updatedAt: 9 }),
    ).toBe(listed);
  });
});

describe('which actions the tracker polls', () => {
  it('polls what is under way, reads a failure once for its details, and leaves a settled done alone', () => {
    expect(needsStatusRead(status({ state: 'pending' }))).toBe(true);
    expect(needsStatusRead(status({ state: 'failed' }))).toBe(true);
    expect(needsStatusRead(status({ state: 'done' }))).toBe(false);
    expect(
      needsStatusRead(
        status({
          state: 'done',
          notifications: [
            {
              event: 'done',
              recipient: 'owner',
              state: 'pending',
              sentAt: null,
              attempts: 0,
              lastAttemptAt: null,
              retryAt: null,
              requestId: null,
              error: null,
            },
          ],
        }),
      ),
    ).toBe(true);
  });
});

describe('changes are raised once', () => {
  it('a first sight is no change; a new state is, once', () => {
    const first = stateChanges(new Map(), [status({ actionId: 'a', state: 'pending' })]);
    expect(first.changed).toEqual([]);
    const second = stateChanges(first.seen, [status({ actionId: 'a', state: 'done' })]);
    expect(second.changed.map((a) => a.state)).toEqual(['done']);
    const again = stateChanges(second.seen, [status({ actionId: 'a', state: 'done' })]);
    expect(again.changed).toEqual([]);
  });

  it('a second action joining the list is not announced, the first one changing is', () => {
    const { seen } = stateChanges(new Map(), [status({ actionId: 'a' })]);
    const next = stateChanges(seen, [
      status({ actionId: 'b' }),
      status({ actionId: 'a', state: 'active' }),
    ]);
    expect(next.changed.map((a) => a.actionId)).toEqual(['a']);
  });
});

describe('which items open by themselves', () => {
  it('opens what needs the agent and keeps the rest to one line', () => {
    expect(needsAgent(status({ state: 'pending' }))).toBe(true);
    expect(needsAgent(status({ state: 'approved' }))).toBe(true);
    expect(needsAgent(status({ state: 'done', passcode: 'available' }))).toBe(true);
    expect(needsAgent(status({ state: 'failed' }))).toBe(true);
    expect(needsAgent(status({ state: 'notSupported' }))).toBe(true);
    expect(needsAgent(status({ state: 'done' }))).toBe(false);
    expect(needsAgent(status({ state: 'done', passcode: 'expired' }))).toBe(false);
    expect(needsAgent(status({ state: 'approvalWithdrawn' }))).toBe(false);
  });

  it('a passcode the server says was shown no longer needs the agent (Show passcode stays in the item)', () => {
    const shown = status({
      state: 'done',
      passcode: 'available',
      passcodeShownAt: '2026-11-28T10:05:00Z',
    });
    expect(needsAgent(shown)).toBe(false);
  });
});

describe('openByDefault', () => {
  const at = (minute: number) => `2026-11-28T10:${String(minute).padStart(2, '0')}:00Z`;

  it('opens only the newest item that needs the agent, whatever the list order', () => {
    const items = [
      status({ actionId: 'old', requestedAt: at(1) }),
      status({ actionId: 'new', requestedAt: at(3) }),
      status({ actionId: 'mid', state: 'failed', requestedAt: at(2) }),
    ];
    expect(openByDefault(items)).toBe('new');
    expect(openByDefault([...items].reverse())).toBe('new');
  });

  it('passes over newer items that need nothing: done, withdrawn, or a passcode already shown', () => {
    const items = [
      status({ actionId: 'under-way', requestedAt: at(1) }),
      status({ actionId: 'done', state: 'done', requestedAt: at(4) }),
      status({
        actionId: 'shown',
        state: 'done',
        passcode: 'available',
        passcodeShownAt: at(6),
        requestedAt: at(5),
      }),
      status({ actionId: 'withdrawn', state: 'approvalWithdrawn', requestedAt: at(6) }),
    ];
    expect(openByDefault(items)).toBe('under-way');
  });

  it('opens none when nothing needs the agent', () => {
    expect(openByDefault([])).toBeNull();
    expect(openByDefault([status({ state: 'done' })])).toBeNull();
  });
});
