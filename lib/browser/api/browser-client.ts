import 'client-only';
// The browser's way to call the console's API. It gets the agent's Graph token from MSAL, waits while
// Graph has asked the tab to back off, renews an expired token silently once, and turns error answers into
// ApiError. It never navigates away: when only the agent can help (a new sign-in, a claims challenge), it says
// so through signInNeeded and fails the read, which the sign-in prompt retries once the agent has signed in.
// Errors it notices itself carry a code the UI words in the agent's language; their message is English data for
// the copied details.
import type { AccountInfo, IPublicClientApplication } from '@azure/msal-browser';
import { SIGN_IN_SCOPES } from '@/lib/shared/auth/scopes';
import { errorInfo, isApiErrorBody, type ErrorInfo } from '@/lib/shared/errors';
import { ApiError } from './api-error';
import { isInteractionRequired } from '@/lib/browser/msal/msal-errors';
import { signInNeeded } from '@/lib/browser/msal/sign-in-needed';
import { throttleGate } from './throttle-gate';
import { createTokenMemo } from './token-memo';

/** One per tab: the clients made by each render share what MSAL last gave. */
const tokenMemo = createTokenMemo();

export interface ReadInit {
  signal?: AbortSignal;
  /** A read that needs more than the sign-in scopes (e.g. Intune's audit log). */
  scopes?: string[];
  /**
   * Send the agent's ID token as well, for the routes that honour the console's app roles (the activity page's
   * Auditor role); the server verifies it and checks it names the same person as the access token.
   */
  identity?: boolean;
}

export interface ApiClient {
  get<T>(path: string, init?: ReadInit): Promise<T>;
  /** A JSON POST to one of the console's own routes (same origin), with the same token handling as a read. */
  post<T>(path: string, body: unknown, init?: ReadInit): Promise<T>;
  /** A file answer (an export), whole, with the name the server gave it. */
  download(path: string, init?: ReadInit): Promise<{ blob: Blob; filename: string }>;
}

/** The header the server reads the ID token from (lib/server/auth/id-token.ts). */
const ID_TOKEN_HEADER = 'X-Id-Token';

export function createApiClient(
  msal: IPublicClientApplication,
  account: AccountInfo | null,
): ApiClient {
  const activeAccount = () =>
    account ?? msal.getActiveAccount() ?? msal.getAllAccounts()[0] ?? null;

  /** The memo's key: the account and the scopes; a new sign-in of the same account (a new ID token) starts afresh. */
  const memoKey = (active: AccountInfo, scopes: string[]) =>
    [active.homeAccountId, String(active.idTokenClaims?.iat ?? ''), ...scopes].join(' ');

  /** Tokens at hand without waiting: the tab is not held back and the memo holds good ones; null otherwise. */
  function tokensAtHand(scopes: string[]): { accessToken: string; idToken: string } | null {
    const active = activeAccount();
    if (!active || throttleGate.remainingMs() > 0) return null;
    return tokenMemo.held(memoKey(active, scopes));
  }

  async function tokens(
    scopes: string[],
    forceRefresh: boolean,
  ): Promise<{ accessToken: string; idToken: string }> {
    const active = activeAccount();
    if (!active) throw new ApiError(errorInfo(401, 'noAccount', 'No account is signed in.'));
    const key = memoKey(active, scopes);
    try {
      return await tokenMemo.get(key, forceRefresh, async () => {
        const { accessToken, idToken, expiresOn } = await msal.acquireTokenSilent({
          scopes,
          account: active,
          forceRefresh,
        });
        return { accessToken, idToken, expiresOn };
      });
    } catch (e) {
      if (!isInteractionRequired(e)) throw e;
      // Beyond the sign-in scopes this is a consent the agent may not have: the caller shows a hint instead.
      if (scopes !== SIGN_IN_SCOPES)
        throw new ApiError(
          errorInfo(
            403,
            'consentRequired',
            'This needs a permission the sign-in does not carry yet.',
            { reason: 'missingPermission' },
          ),
        );
      signInNeeded.request({ reason: 'sessionEnded', claims: null });
      throw new ApiError(errorInfo(401, 'signInRequired', 'The session has ended; sign in again.'));
    }
  }

  /** The answer to a GET, once it is a success; the same renewals, back-off and errors for every kind of read. */
  async function fetchOk(
    path: string,
    init: ReadInit & { json?: string },
    accept: string,
    renewed: boolean,
  ): Promise<Response> {
    const { signal } = init;
    const scopes = init.scopes ?? SIGN_IN_SCOPES;
    // The request first (17/17): with the tokens at hand, fetch() is called before this function's first await, so
    // a read started in an event handler (Enter in the search box) is sent before React renders what the handler
    // changed, instead of after it; otherwise wait for the gate, then for MSAL.
    let atHand = renewed ? null : tokensAtHand(scopes);
    if (!atHand) {
      await throttleGate.wait(signal);
      atHand = await tokens(scopes, renewed);
    }
    const { accessToken, idToken } = atHand;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${accessToken}`,
      Accept: accept,
    };
    if (init.identity && idToken) headers[ID_TOKEN_HEADER] = idToken;
    if (init.json !== undefined) headers['Content-Type'] = 'application/json';
    const request: RequestInit = { headers, signal, cache: 'no-store' };
    if (init.json !== undefined) Object.assign(request, { method: 'POST', body: init.json });
    const res = await fetch(path, request).catch((e: unknown) => {
      if (signal?.aborted) throw e;
      throw new ApiError(errorInfo(0, 'networkError', 'The console could not be reached.'));
    });
    if (res.ok) {
      throttleGate.succeeded();
      return res;
    }
    const body: unknown = await res.json().catch(() => null);
    const info: ErrorInfo = isApiErrorBody(body)
      ? body.error
      : errorInfo(
          res.status,
          'badAnswer',
          res.statusText || 'The console did not answer properly.',
          { date: res.headers.get('date') },
        );
    if (res.status === 401) {
      // Whatever follows (a renewal, a claims challenge, a new sign-in), the token just refused is not used again.
      tokenMemo.clear();
      if (info.claims) {
        signInNeeded.request({ reason: 'claimsChallenge', claims: decodeClaims(info.claims) });
      } else if (!renewed) {
        return fetchOk(path, init, accept, true); // expired or revoked: one silent renewal, then one retry
      } else {
        signInNeeded.request({ reason: 'sessionEnded', claims: null });
      }
    }
    if (res.status === 429 || (res.status === 503 && info.retryAfterSeconds !== null))
      throttleGate.throttled(info.retryAfterSeconds);
    throw new ApiError(info);
  }

  return {
    get: async <T>(path: string, init: ReadInit = {}) =>
      (await fetchOk(path, init, 'application/json', false)).json() as Promise<T>,
    post: async <T>(path: string, body: unknown, init: ReadInit = {}) =>
      (
        await fetchOk(path, { ...init, json: JSON.stringify(body) }, 'application/json', false)
      ).json() as Promise<T>,
    download: async (path, init = {}) => {
      const res = await fetchOk(path, init, '*/*', false);
      const filename =
        /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
      return { blob: await res.blob(), filename };
    },
  };
}

/** Graph sends the claims of a challenge base64-encoded; MSAL wants the JSON. */
function decodeClaims(claims: string): string {
  try {
    return atob(claims);
  } catch {
    return claims;
  }
}
