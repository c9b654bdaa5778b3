import 'client-only';
// One QueryClient per server render, one for the whole tab in the browser. Reads are retried when Graph
// asked to wait (after the shared gate opens) or failed on its side (with back-off); never on 4xx.
import { isServer, QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/browser/api/api-error';

export const MAX_THROTTLED_RETRIES = 6;
export const MAX_SERVER_ERROR_RETRIES = 3;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const { status } = error.info;
  if (status === 429) return failureCount < MAX_THROTTLED_RETRIES;
  if (status === 0 || status >= 500) return failureCount < MAX_SERVER_ERROR_RETRIES;
  return false;
}

export function retryDelay(attempt: number, error: unknown): number {
  // A throttled request waits on the tab's gate inside the fetch itself; adding a delay would double it.
  if (error instanceof ApiError && error.info.status === 429) return 0;
  return Math.min(8000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2);
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: shouldRetry, retryDelay },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
