// Query options for the Caller panel: what the console knows about the device's user, read once each time the
// passcode dialog opens (never per keystroke, never again on focus). The directory permissions are asked for
// here, on first use: the token carries them when the agent has them, and otherwise goes without, so the server
// says per part that it needs a consent (the panel offers to ask) instead of the whole panel failing.
import { queryOptions } from '@tanstack/react-query';
import { ApiError } from '@/lib/browser/api/api-error';
import type { ApiClient } from '@/lib/browser/api/browser-client';
import { CALLER_SCOPES, SIGN_IN_SCOPES } from '@/lib/shared/auth/scopes';
import type { ApprovalPolicy } from '@/lib/shared/trust/approval';
import type { CallerFacts } from '@/lib/shared/trust/caller';
import { deviceKeys } from './device-queries';

export const WITH_DIRECTORY = [...SIGN_IN_SCOPES, ...CALLER_SCOPES];

export const callerKeys = {
  device: (id: string) => [...deviceKeys.all, 'caller', id] as const,
};

export const callerQueries = {
  device: (api: ApiClient, id: string) =>
    queryOptions({
      queryKey: callerKeys.device(id),
      queryFn: async ({ signal }) => {
        const path = `/api/devices/${encodeURIComponent(id)}/caller`;
        try {
          return await api.get<CallerFacts>(path, { signal, scopes: WITH_DIRECTORY });
        } catch (e) {
          if (!(e instanceof ApiError && e.info.code === 'consentRequired')) throw e;
          return api.get<CallerFacts>(path, { signal });
        }
      },
      staleTime: Infinity,
      gcTime: 0,
      retry: false,
    }),
};

/**
 * What the server's four-eyes policy asks of a passcode action for this device's user (the caller endpoint's
 * `approval`, beside `policy`); null when it did not answer one, so the dialog says nothing and the server decides.
 */
export function approvalPolicyOf(
  facts: (CallerFacts & { approval?: ApprovalPolicy | null }) | undefined,
): ApprovalPolicy | null {
  return facts?.approval ?? null;
}
