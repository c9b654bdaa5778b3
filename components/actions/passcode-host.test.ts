// The list's one passcode dialog: which device it shows as rows' buttons are pressed in turn, that each opening
// starts a fresh form, and what a row's button says about the agent's access (computed once for the list).
import { describe, expect, it } from 'vitest';
import { accessNote } from './passcode-access';
import { closed, opened } from './passcode-host-state';

describe('the list dialog’s state', () => {
  it('opens for the pressed row, closes keeping that row, then opens for the next row with a fresh form', () => {
    const first = opened(null, 'row-1');
    expect(first).toEqual({ target: 'row-1', open: true, attempt: 1 });
    const shut = closed(first);
    // Kept after closing, so the dialog can hand the focus back to row 1's button.
    expect(shut).toEqual({ target: 'row-1', open: false, attempt: 1 });
    expect(opened(shut, 'row-2')).toEqual({ target: 'row-2', open: true, attempt: 2 });
  });

  it('opening the same row again is a new attempt (nothing typed before carries over)', () => {
    expect(opened(closed(opened(null, 'row-1')), 'row-1').attempt).toBe(2);
  });

  it('a close before any opening changes nothing', () => {
    expect(closed(null)).toBeNull();
  });
});

describe("a row button's access note", () => {
  it('lets the agent open the dialog when the server allows it or cannot tell', () => {
    expect(accessNote('allowed', null)).toEqual({ blocked: false, reason: null, mark: 'allowed' });
    expect(accessNote('unknown', null)).toEqual({ blocked: false, reason: null, mark: 'unknown' });
  });

  it('blocks a role without remote tasks, and says so', () => {
    expect(accessNote('missingRole', null)).toEqual({
      blocked: true,
      reason: 'missingRole',
      mark: 'missingRole',
    });
  });

  it('opens with missing consent (an administrator may grant it in the approval window), saying so first', () => {
    expect(accessNote('missingConsent', null)).toEqual({
      blocked: false,
      reason: 'missingConsent',
      mark: 'missingConsent',
    });
  });

  it('blocks an account refused consent in this tab; a missing role is still the reason given first', () => {
    expect(accessNote('allowed', 'refused')).toEqual({
      blocked: true,
      reason: 'refused',
      mark: 'refused',
    });
    expect(accessNote('missingRole', 'closed')).toEqual({
      blocked: true,
      reason: 'missingRole',
      mark: 'refused',
    });
  });
});
