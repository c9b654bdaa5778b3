// The browser's way to call the console's API: it gets the agent's Graph token from MSAL (silently, or by
// sending the agent to sign in again) and turns error answers into ApiError.
import {
  InteractionRequiredAuthError,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { SIGN_IN_SCOPES } from '@/lib/auth/scopes';
import { ApiError, isApiErrorBody } from './api-error';

export interface ApiClient {
  get<T>(path: string, init?: { signal?: AbortSignal }): Promise<T>;
}

export function createApiClient(msal: IPublicClientApplication, account: AccountInfo | null): ApiClient {
  async function token(): Promise<string> {
    const active = account ?? msal.getActiveAccount() ?? msal.getAllAccounts()[0];
    if (!active) throw new ApiError(noSession());
    try {
      const result = await msal.acquireTokenSilent({ scopes: SIGN_IN_SCOPES, account: active });
      return result.accessToken;
    } catch (e) {
      if (e instanceof InteractionRequiredAuthError) {
        // The page's URL is kept by MSAL and restored after sign-in, so the agent lands where they were.
        await msal.acquireTokenRedirect({ scopes: SIGN_IN_SCOPES, account: active });
      }
      throw e;
    }
  }

  return {
    async get<T>(path: string, init: { signal?: AbortSignal } = {}): Promise<T> {
      const res = await fetch(path, {
        headers: { Authorization: `Bearer ${await token()}`, Accept: 'application/json' },
        signal: init.signal,
        cache: 'no-store',
      });
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        throw new ApiError(isApiErrorBody(body) ? body.error : {
          status: res.status, code: `Http${res.status}`, message: res.statusText || 'The console did not answer properly.',
          requestId: null, clientRequestId: null, date: res.headers.get('date'), retryAfterSeconds: null,
        });
      }
      return body as T;
    },
  };
}

function noSession() {
  return {
    status: 401, code: 'noAccount', message: 'No one is signed in.', requestId: null, clientRequestId: null,
    date: null, retryAfterSeconds: null,
  };
}
