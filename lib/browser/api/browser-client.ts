import 'client-only';
// The browser's way to call the console's API. It gets the agent's Graph token from MSAL, waits while
// Graph has asked the tab to back off, renews an expired token silently once (interactively only if it
// must), follows a claims challenge, and turns error answers into ApiError. Errors it notices itself carry a
// code the UI words in the agent's language; their message is English data for the copied details.
import {
  InteractionRequiredAuthError,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { SIGN_IN_SCOPES } from '@/lib/shared/auth/scopes';
import { errorInfo, isApiErrorBody, type ErrorInfo } from '@/lib/shared/errors';
import { ApiError } from './api-error';
import { throttleGate } from './throttle-gate';

export interface ApiClient {
  get<T>(path: string, init?: { signal?: AbortSignal }): Promise<T>;
}

export function createApiClient(msal: IPublicClientApplication, account: AccountInfo | null): ApiClient {
  const activeAccount = () => account ?? msal.getActiveAccount() ?? msal.getAllAccounts()[0] ?? null;

  async function token(forceRefresh: boolean): Promise<string> {
    const active = activeAccount();
    if (!active) throw new ApiError(errorInfo(401, 'noAccount', 'No account is signed in.'));
    try {
      return (await msal.acquireTokenSilent({ scopes: SIGN_IN_SCOPES, account: active, forceRefresh })).accessToken;
    } catch (e) {
      if (e instanceof InteractionRequiredAuthError) {
        // MSAL keeps this page's URL and returns here after sign-in, so the agent's search survives.
        await msal.acquireTokenRedirect({ scopes: SIGN_IN_SCOPES, account: active });
      }
      throw e;
    }
  }

  async function get<T>(path: string, signal: AbortSignal | undefined, renewed: boolean): Promise<T> {
    await throttleGate.wait(signal);
    const res = await fetch(path, {
      headers: { Authorization: `Bearer ${await token(renewed)}`, Accept: 'application/json' },
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
      const active = activeAccount();
      if (info.claims && active) {
        await msal.acquireTokenRedirect({ scopes: SIGN_IN_SCOPES, account: active, claims: decodeClaims(info.claims) });
      } else if (!renewed) {
        return get<T>(path, signal, true); // expired or revoked: one silent renewal, then one retry
      } else if (active) {
        await msal.acquireTokenRedirect({ scopes: SIGN_IN_SCOPES, account: active });
      }
    }
    if (res.status === 429 || (res.status === 503 && info.retryAfterSeconds !== null)) throttleGate.throttled(info.retryAfterSeconds);
    throw new ApiError(info);
  }

  return { get: (path, init = {}) => get(path, init.signal, false) };
}

/** Graph sends the claims of a challenge base64-encoded; MSAL wants the JSON. */
function decodeClaims(claims: string): string {
  try {
    return atob(claims);
  } catch {
    return claims;
  }
}
