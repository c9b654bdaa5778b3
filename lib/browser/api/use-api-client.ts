'use client';
import { useMsal } from '@azure/msal-react';
import { useMemo } from 'react';
import { createApiClient, type ApiClient } from './browser-client';

/** The API client bound to this tab's MSAL instance and signed-in account. */
export function useApiClient(): ApiClient {
  const { instance, accounts } = useMsal();
  const account = instance.getActiveAccount() ?? accounts[0] ?? null;
  return useMemo(() => createApiClient(instance, account), [instance, account]);
}
