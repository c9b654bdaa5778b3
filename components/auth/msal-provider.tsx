'use client';
// @azure/msal-react's MsalProvider, with the tab's instance arriving after the page has started: MSAL's code (about
// 75 KB gzip) is not part of any page's first load (lib/browser/msal/load-msal.ts imports it as the page starts).
// Until it has loaded the provider holds a stand-in (lib/browser/msal/msal-not-loaded.ts) whose initialize never
// settles, so every component sees msal-react's "startup" state, as it does while MSAL initialises; then the provider
// gets the real instance and does what it does on any instance change (events, initialize, handleRedirectPromise).
// The element and its children stay the same from the first render on: MSAL's arrival re-renders the components
// that read it, and remounts nothing.
import type { IPublicClientApplication } from '@azure/msal-browser';
import { MsalProvider as MsalReactProvider } from '@azure/msal-react';
import { useEffect, useState, type ReactNode } from 'react';
import type { AuthClientConfig } from '@/lib/shared/auth/client-config';
import { loadMsal } from '@/lib/browser/msal/load-msal';
import { notLoadedMsal } from '@/lib/browser/msal/msal-not-loaded';

export function MsalProvider({
  config,
  children,
}: {
  config: AuthClientConfig;
  children: ReactNode;
}) {
  // Asked for in the first render in the browser (hydration), so the instance is made as soon as MSAL's code is in.
  const [loading] = useState(() => (typeof window === 'undefined' ? null : loadMsal(config)));
  const [instance, setInstance] = useState<IPublicClientApplication>(notLoadedMsal);
  const [failed, setFailed] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    loading?.then(
      (loaded) => {
        if (live) setInstance(loaded);
      },
      (e: unknown) => {
        if (live) setFailed(e ?? new Error('MSAL did not load'));
      },
    );
    return () => {
      live = false;
    };
  }, [loading]);

  // Without MSAL nobody can sign in: the error boundary says so instead of an endless "Signing in…".
  if (failed) throw failed;
  return <MsalReactProvider instance={instance}>{children}</MsalReactProvider>;
}
