import 'client-only';
// The console's hooks for MSAL (in place of @azure/msal-react's, with the same shapes): components read the tab's
// instance, the interaction in progress and the signed-in accounts from here. The provider
// (components/auth/msal-provider.tsx) fills it once MSAL has loaded; until then every component sees "startup".
import type { AccountInfo, IPublicClientApplication, InteractionStatus } from '@azure/msal-browser';
import { createContext, use } from 'react';
import { initialMsalState, type MsalState } from './msal-state';

export const MsalContext = createContext<MsalState>(initialMsalState);

export function useMsal(): {
  instance: IPublicClientApplication;
  inProgress: InteractionStatus;
  accounts: AccountInfo[];
} {
  return use(MsalContext);
}

/** Whether an agent is signed in in this tab: never during startup, when the accounts are not read yet. */
export function useIsAuthenticated(): boolean {
  const { inProgress, accounts } = use(MsalContext);
  return inProgress !== 'startup' && accounts.length > 0;
}
