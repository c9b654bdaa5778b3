import 'client-only';
// Turns the server-provided settings into an MSAL PublicClientApplication for this browser tab. Loaded with
// `import()` only (lib/browser/msal/load-msal.ts): a static import would bring MSAL back into the pages' first load.
import {
  EventType,
  PublicClientApplication,
  type AuthenticationResult,
  type Configuration,
} from '@azure/msal-browser';
import type { AuthClientConfig } from '@/lib/shared/auth/client-config';
import type { PopupNotifier } from './popup-notifier';

/**
 * MSAL, telling the console about each popup it opens: MSAL 5 itself never looks at the popup again, so only the
 * console can notice an agent closing it (lib/browser/msal/popup-watch.ts).
 */
export class ConsoleMsal extends PublicClientApplication implements PopupNotifier {
  private popupListener: ((popup: Window) => void) | null = null;

  /** Calls `listener` with the popup of the next interaction; returns the function that stops it. */
  onPopup(listener: (popup: Window) => void): () => void {
    this.popupListener = listener;
    return () => {
      if (this.popupListener === listener) this.popupListener = null;
    };
  }

  protected override waitForPopupResponse(
    ...args: Parameters<PublicClientApplication['waitForPopupResponse']>
  ): Promise<string> {
    this.popupListener?.(args[1]);
    return super.waitForPopupResponse(...args);
  }
}

export function createMsalInstance(config: AuthClientConfig): ConsoleMsal {
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const configuration: Configuration = {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      redirectUri: `${origin}${config.redirectPath}`,
      postLogoutRedirectUri: `${origin}/`,
      // The console handles Continuous Access Evaluation claims challenges (Graph sends them only to CP1 clients).
      clientCapabilities: ['CP1'],
      ...(config.knownAuthorities ? { knownAuthorities: config.knownAuthorities } : {}),
      ...(config.authorityMetadata ? { authorityMetadata: config.authorityMetadata } : {}),
    },
    // sessionStorage: tokens die with the tab, and never outlive the browser session.
    cache: { cacheLocation: 'sessionStorage' },
    system: { protocolMode: 'AAD', allowPlatformBroker: false },
  };
  const instance = new ConsoleMsal(configuration);
  // The account that just signed in becomes the active one, so every token request names it.
  instance.addEventCallback((event) => {
    if (
      (event.eventType === EventType.LOGIN_SUCCESS ||
        event.eventType === EventType.ACQUIRE_TOKEN_SUCCESS) &&
      event.payload
    ) {
      instance.setActiveAccount((event.payload as AuthenticationResult).account);
    }
  });
  return instance;
}
