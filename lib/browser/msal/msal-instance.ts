import 'client-only';
// Turns the server-provided settings into an MSAL PublicClientApplication for this browser tab.
import { EventType, PublicClientApplication, type AuthenticationResult, type Configuration } from '@azure/msal-browser';
import type { AuthClientConfig } from '@/lib/shared/auth/client-config';

export function createMsalInstance(config: AuthClientConfig): PublicClientApplication {
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
  const instance = new PublicClientApplication(configuration);
  // The account that just signed in becomes the active one, so every token request names it.
  instance.addEventCallback((event) => {
    if ((event.eventType === EventType.LOGIN_SUCCESS || event.eventType === EventType.ACQUIRE_TOKEN_SUCCESS) && event.payload) {
      instance.setActiveAccount((event.payload as AuthenticationResult).account);
    }
  });
  return instance;
}
