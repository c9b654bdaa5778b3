'use client';
import { useIsAuthenticated, useMsal } from '@azure/msal-react';
import { Button } from '@/components/ui/button';
import { homeIdentity, isGuestName } from '@/lib/shared/identity';
import { messages } from '@/lib/shared/i18n/messages';

/** The signed-in agent's name and a way out. */
export function AccountMenu() {
  const { instance, accounts } = useMsal();
  const isAuthenticated = useIsAuthenticated();
  const account = instance.getActiveAccount() ?? accounts[0];
  if (!isAuthenticated || !account) return null;
  // A guest signs in with an identity from outside the tenant: show that one, readably, not the #EXT# UPN.
  const identity = isGuestName(account.username) ? `${homeIdentity(account.username)} (${messages.auth.guest})` : account.username;
  const name = account.name ?? identity;
  return (
    <div className="flex items-center gap-3">
      <span className="text-sm text-slate-200" title={identity} data-testid="agent-identity">
        <span className="sr-only">{messages.auth.signedInAs(name)}</span>
        <span aria-hidden="true" data-testid="agent-name">{name}</span>
      </span>
      <Button variant="secondary" size="sm" onClick={() => void instance.logoutRedirect({ account })}>
        {messages.auth.signOut}
      </Button>
    </div>
  );
}
