'use client';
// The tab's MSAL for the console's components (lib/browser/msal/msal-context.ts). MSAL loads after the page has
// started (lib/browser/msal/load-msal.ts), so the shell hydrates without it; the state is "startup" until MSAL has
// loaded, initialised and handled a redirect's answer, as with @azure/msal-react's MsalProvider, whose steps this
// follows. The element and its children stay the same from the first render on: MSAL's arrival re-renders the
// components that read it, and remounts nothing.
import { useEffect, useReducer, useState, type ReactNode } from 'react';
import type { AuthClientConfig } from '@/lib/shared/auth/client-config';
import { loadMsal, type LoadedMsal } from '@/lib/browser/msal/load-msal';
import { MsalContext } from '@/lib/browser/msal/msal-context';
import { initialMsalState, msalReducer } from '@/lib/browser/msal/msal-state';

export function MsalProvider({
  config,
  children,
}: {
  config: AuthClientConfig;
  children: ReactNode;
}) {
  // Asked for in the first render in the browser (hydration), so the instance is made as soon as MSAL's code is in.
  const [loading] = useState(() => (typeof window === 'undefined' ? null : loadMsal(config)));
  const [state, dispatch] = useReducer(msalReducer, initialMsalState);
  const [loaded, setLoaded] = useState<LoadedMsal | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  // Without MSAL nobody can sign in: the error boundary says so instead of an endless "Signing in…".
  if (failed) throw failed;

  useEffect(() => {
    let live = true;
    loading?.then(
      (m) => {
        if (!live) return;
        setLoaded(m);
        dispatch({ type: 'loaded', instance: m.instance });
      },
      (e: unknown) => {
        if (live) setFailed(e ?? new Error('MSAL did not load'));
      },
    );
    return () => {
      live = false;
    };
  }, [loading]);

  // As MsalProvider: follow MSAL's events, then initialise and handle a redirect's answer; startup ends either way
  // (a failed sign-in is reported by its event, which the sign-in card shows).
  useEffect(() => {
    if (!loaded) return;
    const { instance, statusOf } = loaded;
    const id = instance.addEventCallback((event) => dispatch({ type: 'event', event, statusOf }));
    instance
      .initialize()
      .then(() =>
        instance
          .handleRedirectPromise()
          .catch(() => undefined)
          .finally(() => dispatch({ type: 'started' })),
      )
      .catch(() => undefined);
    return () => {
      if (id) instance.removeEventCallback(id);
    };
  }, [loaded]);

  return <MsalContext value={state}>{children}</MsalContext>;
}
