'use client';
// The browser's side of a passcode action: make sure the token carries the privileged permission (asking for
// consent incrementally when it does not), call the server action, and follow its answers once: a renewed
// token after "sign in again", an interactive token after a claims challenge. Never a loop. A refused or
// abandoned approval settles at once and disables the action for the account (consent-refusals); a 429 makes
// the whole tab wait for Retry-After, as reads do.
import type { AccountInfo, IPublicClientApplication } from '@azure/msal-browser';
import { useMsal } from '@azure/msal-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { requestPasscodeAction } from './actions';
import { consentRefusals, type ConsentRefusal } from '@/lib/browser/actions/consent-refusals';
import { throttleGate } from '@/lib/browser/api/throttle-gate';
import { isInteractionRequired } from '@/lib/browser/msal/msal-errors';
import { notifiesPopups } from '@/lib/browser/msal/popup-notifier';
import { watchPopup, type Abandonment } from '@/lib/browser/msal/popup-watch';
import { actionKeys } from '@/lib/browser/query/action-queries';
import { useConsoleSettings } from '@/lib/browser/settings/console-settings';
import { GRAPH_SCOPES } from '@/lib/shared/auth/scopes';
import type { PasscodeActionInput, PasscodeActionResult } from '@/lib/shared/actions/types';

const SCOPES = [GRAPH_SCOPES.privilegedOperations];
const REFUSALS = new Set([
  'access_denied',
  'consent_required',
  'interaction_required',
  'user_cancelled',
]);

/** The agent refused, may not give, or abandoned consent to the privileged permission. */
export class ConsentRefusedError extends Error {
  constructor(readonly why: ConsentRefusal) {
    super(`consent ${why}`);
  }
}

/** No account is signed in in this tab (signed out in another tab meanwhile). */
export class NoAccountError extends Error {}

/**
 * The token from MSAL's popup, or a ConsentRefusedError as soon as the agent refuses or leaves the popup. After
 * leaving it, MSAL keeps listening: a late approval re-enables the action.
 */
/** Where the approval stands: its popup is open, and (where the browser lets the console see it) watched for closing. */
export type ApprovalPhase = 'open' | 'watched';

async function interactive(
  msal: IPublicClientApplication,
  account: AccountInfo,
  onPhase: (phase: ApprovalPhase) => void,
  claims?: string,
): Promise<string> {
  let stopWatching = () => undefined as void;
  const abandoned = new Promise<Abandonment>((resolve) => {
    if (!notifiesPopups(msal)) return;
    const stopListening = msal.onPopup((popup) => {
      onPhase('open');
      const watch = watchPopup(popup, { focusTarget: window, onArmed: () => onPhase('watched') });
      void watch.abandoned.then(resolve);
      stopWatching = () => {
        watch.stop();
        stopListening();
      };
    });
    stopWatching = stopListening;
  });
  const popup = msal.acquireTokenPopup({ scopes: SCOPES, account, ...(claims ? { claims } : {}) });
  try {
    const first = await Promise.race([
      popup.then((r) => ({ token: r.accessToken })),
      abandoned.then((why) => ({ why })),
    ]);
    if ('token' in first) return first.token;
    popup.then(
      () => consentRefusals.grant(account.homeAccountId),
      () => undefined,
    );
    throw new ConsentRefusedError('closed');
  } catch (e) {
    if (e instanceof ConsentRefusedError) throw e;
    const code =
      typeof e === 'object' && e !== null && 'errorCode' in e
        ? String((e as { errorCode: unknown }).errorCode)
        : '';
    if (REFUSALS.has(code))
      throw new ConsentRefusedError(code === 'user_cancelled' ? 'closed' : 'refused');
    throw e;
  } finally {
    stopWatching();
  }
}

async function privilegedToken(
  msal: IPublicClientApplication,
  account: AccountInfo,
  onPhase: (phase: ApprovalPhase) => void,
  forceRefresh = false,
  notifyScopes: readonly string[] = [],
): Promise<string> {
  // The owner's e-mail goes out with the token the agent confirms with: ask for its scopes too. Without consent to
  // them the action still goes on; the server records the e-mail as failed "consent required" and shows it.
  if (notifyScopes.length > 0) {
    try {
      return (
        await msal.acquireTokenSilent({
          scopes: [...SCOPES, ...notifyScopes],
          account,
          forceRefresh,
        })
      ).accessToken;
    } catch (e) {
      if (!isInteractionRequired(e)) throw e;
    }
  }
  try {
    return (await msal.acquireTokenSilent({ scopes: SCOPES, account, forceRefresh })).accessToken;
  } catch (e) {
    if (isInteractionRequired(e)) return interactive(msal, account, onPhase);
    throw e;
  }
}

export function usePasscodeAction() {
  const { instance, accounts } = useMsal();
  const { notifyScopes } = useConsoleSettings();
  const queryClient = useQueryClient();
  /** Whether an approval popup is open, so the dialog can say where the agent's answer is awaited. */
  const [approval, setApproval] = useState<ApprovalPhase | null>(null);
  const onPhase = setApproval;
  const mutation = useMutation({
    mutationFn: async (input: PasscodeActionInput): Promise<PasscodeActionResult> => {
      const account = instance.getActiveAccount() ?? accounts[0];
      if (!account) throw new NoAccountError('no signed-in account');
      try {
        let result = await requestPasscodeAction(
          input,
          await privilegedToken(instance, account, onPhase, false, notifyScopes),
        );
        if (result.status === 'signInAgain') {
          result = await requestPasscodeAction(
            input,
            await privilegedToken(instance, account, onPhase, true, notifyScopes),
          );
        } else if (result.status === 'consentRequired') {
          result = await requestPasscodeAction(
            input,
            await interactive(instance, account, onPhase),
          );
        } else if (result.status === 'claimsChallenge') {
          result = await requestPasscodeAction(
            input,
            await interactive(instance, account, onPhase, atob(result.claims)),
          );
        }
        // Still no permission after the popup: the agent may not have it.
        if (result.status === 'consentRequired') throw new ConsentRefusedError('refused');
        return result;
      } catch (e) {
        if (e instanceof ConsentRefusedError) consentRefusals.refuse(account.homeAccountId, e.why);
        throw e;
      } finally {
        setApproval(null);
      }
    },
    onSuccess: (result) => {
      // Graph did not take the request: the tab waits as long as Graph asked, and the dialog counts it down.
      if (result.status === 'throttled') throttleGate.throttled(result.failure.retryAfterSeconds);
      if (
        result.status === 'accepted' ||
        result.status === 'unknown' ||
        result.status === 'alreadyRequested' ||
        // The approval request is tracked in the tray by its id, like an action.
        result.status === 'approvalPending'
      ) {
        return queryClient.invalidateQueries({ queryKey: actionKeys.all });
      }
      return undefined;
    },
  });
  return { ...mutation, approval };
}
