'use client';
// The server's word on whether the signed-in agent may run a passcode action at all ('unknown' until it answers, or
// when it cannot tell: then Graph decides on Confirm, as before).
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { agentQueries } from '@/lib/browser/query/agent-queries';
import type { AgentAccess } from '@/lib/shared/actions/agent-access';

export function useAgentAccess(): AgentAccess['state'] {
  const { data } = useQuery(agentQueries.access(useApiClient()));
  return data?.state ?? 'unknown';
}
