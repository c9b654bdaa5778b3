// The instance @azure/msal-react's MsalProvider is given until the tab's real one has loaded
// (lib/browser/msal/load-msal.ts): no account, no events, and a clear error for anything that would need MSAL itself.
// Its initialize() never settles, so the provider stays in "startup" (it leaves startup only once initialize and
// handleRedirectPromise of an instance have run): no "signed out" is ever shown before MSAL has read its cache. When
// the real instance arrives, the provider registers with it and initialises it, as on any instance change. Nothing
// asks it for a token: the parts of the console that do are shown only to a signed-in agent.
import { Logger, type IPublicClientApplication } from '@azure/msal-browser';

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
  initialize: () => new Promise<void>(() => undefined),
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
  getLogger: () => new Logger({}),
  setLogger: () => undefined,
  setActiveAccount: () => undefined,
  getActiveAccount: () => null,
  initializeWrapperLibrary: () => undefined,
  setNavigationClient: () => undefined,
  getConfiguration: fail,
  hydrateCache: reject,
  clearCache: reject,
};
