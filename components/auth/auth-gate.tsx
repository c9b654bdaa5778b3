'use client';
// Shows its children only to a signed-in agent; everyone else gets the sign-in card, with the reason
// when the last sign-in attempt failed.
import type { AuthError, EventMessage, EventType } from '@azure/msal-browser';
import { useIsAuthenticated, useMsal } from '@azure/msal-react';
import { useEffect, useState, type ReactNode } from 'react';
import { SignInCard } from './sign-in-card';

// MSAL's event names and statuses as the strings they are (typed by MSAL's own types): importing MSAL's constants
// would bring MSAL's code into the page's first load.
const FAILURES = new Set<EventType>(['msal:acquireTokenFailure']);

export function AuthGate({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const { instance, inProgress } = useMsal();
  const isAuthenticated = useIsAuthenticated();
  const [error, setError] = useState<{ code: string; description: string } | null>(null);

  useEffect(() => {
    const id = instance.addEventCallback((event: EventMessage) => {
      if (FAILURES.has(event.eventType) && event.error) {
        const e = event.error as AuthError;
        setError({ code: e.errorCode || 'error', description: e.errorMessage || e.message });
      }
    });
    return () => {
      if (id) instance.removeEventCallback(id);
    };
  }, [instance]);

  if (isAuthenticated) return children;
  if (inProgress === 'startup' || inProgress === 'handleRedirect') return fallback;
  return <SignInCard error={error} />;
}
