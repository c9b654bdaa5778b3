import 'client-only';
// The browser's way to call the console's API. It gets the agent's Graph token from MSAL, waits while
// Graph has asked the tab to back off, renews an expired token silently once, and turns error answers into
// ApiError. It never navigates away: when only the agent can help (a new sign-in, a claims challenge), it says
// so through signInNeeded and fails the read, which the sign-in prompt retries once the agent has signed in.
// Errors it notices itself carry a code the UI words in the agent's language; their message is English data for
// the copied details.
import {
  InteractionRequiredAuthError,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { SIGN_IN_SCOPES } from '@/lib/shared/auth/scopes';
import { errorInfo, isApiErrorBody, type ErrorInfo } from '@/lib/shared/errors';
import { ApiError } from './api-error';
import { signInNeeded } from '@/lib/browser/msal/sign-in-needed';
import { throttleGate } from './throttle-gate';

export interface ApiClient {
  /** `scopes`: a read that needs more than the sign-in scopes (e.g. Intune's audit log). */
  get<T>(path: string, init?: { signal?: AbortSignal; scopes?: string[] }): Promise<T>;
}

export function createApiClient(msal: IPublicClientApplication, account: AccountInfo | null): ApiClient {
  const activeAccount = () => account ?? msal.getActiveAccount() ?? msal.getAllAccounts()[0] ?? null;

  async function token(scopes: string[], forceRefresh: boolean): Promise<string> {
    const active = activeAccount();
    if (!active) throw new ApiError(errorInfo(401, 'noAccount', 'No account is signed in.'));
    try {
      return (await msal.acquireTokenSilent({ scopes, account: active, forceRefresh })).accessToken;
    } catch (e) {
      if (!(e instanceof InteractionRequiredAuthError)) throw e;
      // Beyond the sign-in scopes this is a consent the agent may not have: the caller shows a hint instead.
      if (scopes !== SIGN_IN_SCOPES) throw new ApiError(errorInfo(403, 'consentRequired', 'This needs a permission the sign-in does not carry yet.', { reason: 'missingPermission' }));
      signInNeeded.request({ reason: 'sessionEnded', claims: null });
      throw new ApiError(errorInfo(401, 'signInRequired', 'The session has ended; sign in again.'));
    }
  }

  async function get<T>(path: string, signal: AbortSignal | undefined, scopes: string[], renewed: boolean): Promise<T> {
    await throttleGate.wait(signal);
    const res = await fetch(path, {
      headers: { Authorization: `Bearer ${await token(scopes, renewed)}`, Accept: 'application/json' },
      signal,
      cache: 'no-store',
    }).catch((e: unknown) => {
      if (signal?.aborted) throw e;
      throw new ApiError(errorInfo(0, 'networkError', 'The console could not be reached.'));
    });
    const body: unknown = await res.json().catch(() => null);
    if (res.ok) {
      throttleGate.succeeded();
      return body as T;
    }
    const info: ErrorInfo = isApiErrorBody(body)
      ? body.error
      : errorInfo(res.status, 'badAnswer', res.statusText || 'The console did not answer properly.', { date: res.headers.get('date') });
    if (res.status === 401) {
      if (info.claims) {
        signInNeeded.request({ reason: 'claimsChallenge', claims: decodeClaims(info.claims) });
      } else if (!renewed) {
        return get<T>(path, signal, scopes, true); // expired or revoked: one silent renewal, then one retry
      } else {
        signInNeeded.request({ reason: 'sessionEnded', claims: null });
      }
    }
    if (res.status === 429 || (res.status === 503 && info.retryAfterSeconds !== null)) throttleGate.throttled(info.retryAfterSeconds);
    throw new ApiError(info);
  }

  return { get: (path, init = {}) => get(path, init.signal, init.scopes ?? SIGN_IN_SCOPES, false) };
}

/** Graph sends the claims of a challenge base64-encoded; MSAL wants the JSON. */
function decodeClaims(claims: string): string {
  try {
    return atob(claims);
  } catch {
    return claims;
  }
}
