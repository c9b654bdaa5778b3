// The rows' plain device links open the device page in the app only for the clicks next/link takes over; a click
// meant for a new tab or window stays the browser's.
import { describe, expect, it } from 'vitest';
import { isPlainClick } from './use-row-links';

const click = {
  button: 0,
  metaKey: false,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  defaultPrevented: false,
};

describe('a click on a row’s device link', () => {
  it('opens the device page in the app when it is a plain left click', () => {
    expect(isPlainClick(click)).toBe(true);
  });

  it('is left to the browser with a modifier key, another button, or when something handled it already', () => {
    for (const key of ['metaKey', 'ctrlKey', 'shiftKey', 'altKey'] as const)
      expect(isPlainClick({ ...click, [key]: true })).toBe(false);
    expect(isPlainClick({ ...click, button: 1 })).toBe(false);
    expect(isPlainClick({ ...click, defaultPrevented: true })).toBe(false);
  });
});
