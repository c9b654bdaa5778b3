'use client';
// Whether the signed-in account was refused the privileged permission in this tab (and how).
import { useMsal } from '@azure/msal-react';
import { useSyncExternalStore } from 'react';
import { consentRefusals, type ConsentRefusal } from '@/lib/browser/actions/consent-refusals';

const none: ReadonlyMap<string, ConsentRefusal> = new Map();

export function useConsentRefusal(): ConsentRefusal | null {
  const { instance, accounts } = useMsal();
  const account = instance.getActiveAccount() ?? accounts[0];
  const refusals = useSyncExternalStore(
    consentRefusals.subscribe,
    consentRefusals.snapshot,
    () => none,
  );
  return account ? (refusals.get(account.homeAccountId) ?? null) : null;
}
