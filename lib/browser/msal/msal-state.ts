// What the console's components know of MSAL, as state: the instance, the interaction in progress and the accounts.
// The same transitions as @azure/msal-react's MsalProvider (which the console used before 17/17), plus one step in
// front: the instance arrives after the page has started (`loaded`), and until then it is a stand-in and the state
// is "startup", as it is while MSAL initialises.
import type {
  AccountInfo,
  EventMessage,
  IPublicClientApplication,
  InteractionStatus,
} from '@azure/msal-browser';
import { notLoadedMsal } from './msal-not-loaded';

export interface MsalState {
  instance: IPublicClientApplication;
  inProgress: InteractionStatus;
  accounts: AccountInfo[];
}

export type MsalAction =
  /** MSAL's code has loaded and the tab's instance exists (not initialised yet). */
  | { type: 'loaded'; instance: IPublicClientApplication }
  /** An MSAL event, and how to tell the interaction status it implies (MSAL's EventMessageUtils). */
  | { type: 'event'; event: EventMessage; statusOf: StatusOf }
  /** initialize() and handleRedirectPromise() have settled: whatever they did, startup is over. */
  | { type: 'started' };

/** The interaction status an event implies given the current one, or null: it changes nothing. */
export type StatusOf = (
  event: EventMessage,
  current: InteractionStatus,
) => InteractionStatus | null;

const STARTUP: InteractionStatus = 'startup';
const NONE: InteractionStatus = 'none';

export const initialMsalState: MsalState = {
  instance: notLoadedMsal,
  inProgress: STARTUP,
  accounts: [],
};

/** The same accounts in the same order (msal-react's test: the three identifiers), so React can skip a render. */
export function sameAccounts(a: readonly AccountInfo[], b: readonly AccountInfo[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i];
      return (
        y !== undefined &&
        x.homeAccountId === y.homeAccountId &&
        x.localAccountId === y.localAccountId &&
        x.username === y.username
      );
    })
  );
}

export function msalReducer(state: MsalState, action: MsalAction): MsalState {
  if (action.type === 'loaded')
    return action.instance === state.instance ? state : { ...state, instance: action.instance };
  let inProgress = state.inProgress;
  if (action.type === 'started' && inProgress === STARTUP) inProgress = NONE;
  if (action.type === 'event') inProgress = action.statusOf(action.event, inProgress) ?? inProgress;
  // The cache is not to be read before initialize() has finished.
  if (inProgress === STARTUP) return state;
  const accounts = state.instance.getAllAccounts();
  const accountsChanged = !sameAccounts(accounts, state.accounts);
  if (inProgress === state.inProgress && !accountsChanged) return state;
  return { ...state, inProgress, accounts: accountsChanged ? accounts : state.accounts };
}
