import { describe, expect, it } from 'vitest';
import { notLoadedMsal } from './msal-not-loaded';
import { notifiesPopups } from './popup-notifier';

describe('notifiesPopups', () => {
  it("recognises an instance that tells about its popups, and not MSAL's plain interface", () => {
    const consoleMsal = { ...notLoadedMsal, onPopup: () => () => undefined };
    expect(notifiesPopups(consoleMsal)).toBe(true);
    expect(notifiesPopups(notLoadedMsal)).toBe(false);
    expect(notifiesPopups({ onPopup: 'no' })).toBe(false);
  });
});
