import 'client-only';
// The API client's tokens for the life of the tab's memory, in front of MSAL's silent acquisition. MSAL answers a
// silent request from its cache, but not cheaply: each call builds a request, looks the cache up in sessionStorage,
// measures itself and raises events (the console's own listener then sets the active account again), and all of it
// lies between a keypress and the request it starts (17/17: Enter → /api/devices). The memo holds what MSAL last
// gave for the same account and scopes until five minutes before it expires (MSAL's own refresh offset), shares one
// acquisition among reads that start together, and is bypassed when a renewal is forced (a 401). It holds nothing
// MSAL does not already hold in this tab, and never outlives it.

export interface MemoTokens {
  accessToken: string;
  idToken: string;
  /** When the access token expires (MSAL's `expiresOn`); null when MSAL did not say. */
  expiresOn: Date | null;
}

/** Renewed this long before the access token expires, as MSAL itself does (its default `tokenRenewalOffsetSeconds`). */
export const RENEWAL_MARGIN_MS = 5 * 60_000;

export interface TokenMemo {
  /**
   * The tokens for `key`: the remembered ones while they are good for more than the margin and no renewal is forced,
   * otherwise (and for reads that start meanwhile) the result of one call to `acquire`.
   */
  get(key: string, forceRefresh: boolean, acquire: () => Promise<MemoTokens>): Promise<MemoTokens>;
  /**
   * The remembered tokens for `key` while they are good for more than the margin, at once (no promise), so a read can
   * be sent inside the event handler that starts it; null when `get` must ask MSAL.
   */
  held(key: string): MemoTokens | null;
  /** Forgets every held token: the console refused one (401), so none is trusted until MSAL is asked again. */
  clear(): void;
}

export function createTokenMemo(now: () => number = Date.now): TokenMemo {
  const held = new Map<string, MemoTokens>();
  const pending = new Map<string, Promise<MemoTokens>>();
  const good = (key: string): MemoTokens | null => {
    const tokens = held.get(key);
    return tokens?.expiresOn && tokens.expiresOn.getTime() - now() > RENEWAL_MARGIN_MS
      ? tokens
      : null;
  };
  return {
    held: good,
    get(key, forceRefresh, acquire) {
      if (!forceRefresh) {
        const tokens = good(key);
        if (tokens) return Promise.resolve(tokens);
        const inFlight = pending.get(key);
        if (inFlight) return inFlight;
      }
      held.delete(key);
      const started = acquire().then(
        (tokens) => {
          if (pending.get(key) === started) pending.delete(key);
          held.set(key, tokens);
          return tokens;
        },
        (e: unknown) => {
          if (pending.get(key) === started) pending.delete(key);
          throw e;
        },
      );
      pending.set(key, started);
      return started;
    },
    clear() {
      held.clear();
      pending.clear();
    },
  };
}
