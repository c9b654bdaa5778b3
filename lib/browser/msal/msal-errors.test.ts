import { InteractionRequiredAuthError, BrowserAuthError, AuthError } from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { isInteractionRequired } from './msal-errors';

describe('isInteractionRequired', () => {
  it("says yes for MSAL's own InteractionRequiredAuthError", () => {
    expect(
      isInteractionRequired(new InteractionRequiredAuthError('interaction_required', 'c1')),
    ).toBe(true);
    expect(isInteractionRequired(new InteractionRequiredAuthError('consent_required', 'c2'))).toBe(
      true,
    );
  });

  it('says no for the other MSAL errors, plain errors and non-errors', () => {
    expect(isInteractionRequired(new BrowserAuthError('popup_window_error', 'c3'))).toBe(false);
    expect(isInteractionRequired(new AuthError('user_cancelled', 'c4'))).toBe(false);
    expect(isInteractionRequired(new Error('InteractionRequiredAuthError'))).toBe(false);
    expect(isInteractionRequired({ name: 'InteractionRequiredAuthError' })).toBe(false);
    expect(isInteractionRequired(null)).toBe(false);
  });
});
