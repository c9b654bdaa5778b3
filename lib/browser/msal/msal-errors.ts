// Which MSAL errors mean "only the agent can help" (a consent, a new sign-in), told apart without importing MSAL's
// error classes: an `instanceof` would pull MSAL into every chunk that asks, and MSAL loads after the page starts
// (lib/browser/msal/load-msal.ts). MSAL names its InteractionRequiredAuthError instances (msal-common sets `name`
// in the class's constructor), and it has no subclasses.

/** The class name MSAL gives the errors that need the agent's interaction. */
export const INTERACTION_REQUIRED = 'InteractionRequiredAuthError';

export function isInteractionRequired(e: unknown): boolean {
  return e instanceof Error && e.name === INTERACTION_REQUIRED;
}
