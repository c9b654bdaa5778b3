// What the console's components see as "MSAL" until the real one has loaded (lib/browser/msal/load-msal.ts): no
// account, no events, and a clear error for anything that would need MSAL itself. Nothing asks it for a token: the
// parts of the console that do are shown only to a signed-in agent, which needs the loaded MSAL first.
import type { IPublicClientApplication } from '@azure/msal-browser';

class MsalNotLoadedError extends Error {
  constructor() {
    super('MSAL has not loaded yet');
    this.name = 'MsalNotLoadedError';
  }
}

const reject = () => Promise.reject(new MsalNotLoadedError());
const fail = (): never => {
  throw new MsalNotLoadedError();
};

export const notLoadedMsal: IPublicClientApplication = {
  initialize: reject,
  acquireTokenPopup: reject,
  acquireTokenRedirect: reject,
  acquireTokenSilent: reject,
  acquireTokenByCode: reject,
  addEventCallback: () => null,
  removeEventCallback: () => undefined,
  addPerformanceCallback: () => '',
  removePerformanceCallback: () => false,
  getAccount: () => null,
  getAllAccounts: () => [],
  handleRedirectPromise: reject,
  loginPopup: reject,
  loginRedirect: reject,
  logoutRedirect: reject,
  logoutPopup: reject,
  ssoSilent: reject,
  getLogger: fail,
  setLogger: () => undefined,
  setActiveAccount: () => undefined,
  getActiveAccount: () => null,
  initializeWrapperLibrary: () => undefined,
  setNavigationClient: () => undefined,
  getConfiguration: fail,
  hydrateCache: reject,
  clearCache: reject,
};
