// Query options for what the server decided about the signed-in agent: whether a passcode action can succeed for them
// at all (their Intune role, the console's consent), read once per tab and kept, so every row and dialog shows it
// before a ticket is typed.
import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/browser/api/browser-client';
import type { AgentAccess } from '@/lib/shared/actions/agent-access';

export const agentKeys = {
  access: ['agent', 'access'] as const,
};

export const agentQueries = {
  access: (api: ApiClient) =>
    queryOptions({
      queryKey: agentKeys.access,
      queryFn: ({ signal }) => api.get<AgentAccess>('/api/agent/access', { signal }),
      // A role or a consent changes by an administrator's hand, rarely within a shift; a reload asks again.
      staleTime: 10 * 60_000,
      retry: false,
    }),
};
