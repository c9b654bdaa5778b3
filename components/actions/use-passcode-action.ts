'use client';
// The browser's side of a passcode action: make sure the token carries the privileged permission (asking for
// consent incrementally when it does not), call the server action, and follow its answers once: a renewed
// token after "sign in again", an interactive token after a claims challenge. Never a loop.
import { InteractionRequiredAuthError, type AccountInfo, type IPublicClientApplication } from '@azure/msal-browser';
import { useMsal } from '@azure/msal-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestPasscodeAction } from './actions';
import { GRAPH_SCOPES } from '@/lib/shared/auth/scopes';
import { actionKeys } from '@/lib/browser/query/action-queries';
import type { PasscodeActionInput, PasscodeActionResult } from '@/lib/shared/actions/types';

const SCOPES = [GRAPH_SCOPES.privilegedOperations];

/** The agent refused, or may not give, consent to the privileged permission. */
export class ConsentRefusedError extends Error {}

/** No account is signed in in this tab (signed out in another tab meanwhile). */
export class NoAccountError extends Error {}

async function interactive(msal: IPublicClientApplication, account: AccountInfo, claims?: string): Promise<string> {
  try {
    return (await msal.acquireTokenPopup({ scopes: SCOPES, account, ...(claims ? { claims } : {}) })).accessToken;
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'errorCode' in e ? String((e as { errorCode: unknown }).errorCode) : '';
    if (['access_denied', 'consent_required', 'interaction_required', 'user_cancelled'].includes(code)) throw new ConsentRefusedError(code);
    throw e;
  }
}

async function privilegedToken(msal: IPublicClientApplication, account: AccountInfo, forceRefresh = false): Promise<string> {
  try {
    return (await msal.acquireTokenSilent({ scopes: SCOPES, account, forceRefresh })).accessToken;
  } catch (e) {
    if (e instanceof InteractionRequiredAuthError) return interactive(msal, account);
    throw e;
  }
}

export function usePasscodeAction() {
  const { instance, accounts } = useMsal();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: PasscodeActionInput): Promise<PasscodeActionResult> => {
      const account = instance.getActiveAccount() ?? accounts[0];
      if (!account) throw new NoAccountError('no signed-in account');
      let result = await requestPasscodeAction(input, await privilegedToken(instance, account));
      if (result.status === 'signInAgain') {
        result = await requestPasscodeAction(input, await privilegedToken(instance, account, true));
      } else if (result.status === 'consentRequired') {
        result = await requestPasscodeAction(input, await interactive(instance, account));
      } else if (result.status === 'claimsChallenge') {
        result = await requestPasscodeAction(input, await interactive(instance, account, atob(result.claims)));
      }
      return result;
    },
    onSuccess: (result) => {
      if (result.status === 'accepted' || result.status === 'unknown' || result.status === 'alreadyRequested') {
        return queryClient.invalidateQueries({ queryKey: actionKeys.all });
      }
      return undefined;
    },
  });
}
