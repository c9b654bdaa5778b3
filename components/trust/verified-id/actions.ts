'use server';
// The Verified ID check's server action: a public POST endpoint, so the device id and the agent's token are checked
// again inside (lib/server/verified-id/start.ts). Status polls go through GET /api/verified-id/requests/{id}.
import { serverEnv } from '@/lib/server/config/server-env';
import { withActionLog } from '@/lib/server/http/request-log';
import { getVerifiedIdRequests } from '@/lib/server/store';
import { startVerifiedIdCheck } from '@/lib/server/verified-id/start';
import type { VerifiedIdStartResult } from '@/lib/shared/trust/verified-id';

export async function startVerifiedId(
  deviceId: unknown,
  accessToken: unknown,
): Promise<VerifiedIdStartResult> {
  return withActionLog(
    'startVerifiedId',
    () =>
      startVerifiedIdCheck(deviceId, accessToken, {
        env: serverEnv(),
        requests: getVerifiedIdRequests,
      }),
    (result) =>
      result.status === 'started' ? { requestId: result.requestId } : { code: result.code },
  );
}
