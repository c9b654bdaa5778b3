import 'client-only';
// "Sign in again", said once for the whole tab: when a background read cannot get a token silently (the SPA's
// refresh token expired after 24 hours, third-party cookies block the hidden iframe) or Graph challenges the
// token, the console must not navigate away from an open dialog or a half-typed ticket. It records that a visible
// sign-in is needed; a prompt (components/auth/sign-in-prompt.tsx) asks the agent, in a popup, when they choose.

export interface SignInNeed {
  /** Why: the session ended, or Graph asks for more (a claims challenge, JSON). */
  reason: 'sessionEnded' | 'claimsChallenge';
  claims: string | null;
}

type Listener = () => void;

export class SignInNeeded {
  private need: SignInNeed | null = null;
  private readonly listeners = new Set<Listener>();

  request(need: SignInNeed): void {
    // A claims challenge asks for more than a plain sign-in; keep the stronger request.
    if (this.need?.reason === 'claimsChallenge' && need.reason !== 'claimsChallenge') return;
    this.need = need;
    for (const l of this.listeners) l();
  }

  resolved(): void {
    this.need = null;
    for (const l of this.listeners) l();
  }

  snapshot = (): SignInNeed | null => this.need;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** The tab's one record of it. */
export const signInNeeded = new SignInNeeded();
