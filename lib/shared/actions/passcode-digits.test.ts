import { describe, expect, it } from 'vitest';
import { passcodeGroups } from './passcode-digits';

describe('passcodeGroups', () => {
  it('reads eight digits as two groups of four', () => {
    expect(passcodeGroups('66606885')).toEqual(['6660', '6885']);
  });
  it('six or nine digits in threes, other lengths in fours from the left', () => {
    expect(passcodeGroups('123456')).toEqual(['123', '456']);
    expect(passcodeGroups('123456789')).toEqual(['123', '456', '789']);
    expect(passcodeGroups('1234567')).toEqual(['1234', '567']);
    expect(passcodeGroups('123456789012')).toEqual(['1234', '5678', '9012']);
  });
  it('a short passcode, or one with spaces of its own, stays as it is; the groups always join back to it', () => {
    expect(passcodeGroups('1234')).toEqual(['1234']);
    expect(passcodeGroups('ab cd ef')).toEqual(['ab cd ef']);
    for (const p of ['66606885', 'A1b2C3d4e5', '1234567'])
      expect(passcodeGroups(p).join('')).toBe(p);
  });
});
