'use client';
// Shows its children only to a signed-in agent; everyone else gets the sign-in card, with the reason
// when the last sign-in attempt failed.
import {
  EventType,
  InteractionStatus,
  type AuthError,
  type EventMessage,
} from '@azure/msal-browser';
import { useIsAuthenticated, useMsal } from '@azure/msal-react';
import { useEffect, useState, type ReactNode } from 'react';
import { SignInCard } from './sign-in-card';

const FAILURES = new Set<string>([EventType.ACQUIRE_TOKEN_FAILURE]);

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
  if (inProgress === InteractionStatus.Startup || inProgress === InteractionStatus.HandleRedirect)
    return fallback;
  return <SignInCard error={error} />;
}
