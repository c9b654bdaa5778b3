// GET /api/actions/{id}/passcode: the temporary passcode of an Android reset, fetched from Graph on the agent's
// explicit click, answered with no-store, and audited without the passcode. The only answer that carries one.
import { revealPasscode } from '@/lib/server/actions/reveal';
import { getAuditStore, getRateLimits } from '@/lib/server/store';
import { serverEnv } from '@/lib/server/config/server-env';
import { apiText } from '@/lib/server/i18n/api-text';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';

export const GET = graphRoute<{ id: string }>(async ({ token, params }) => {
  const id = DeviceIdSchema.safeParse(params.id); // action ids are GUIDs too
  if (!id.success) return apiError(400, 'invalidActionId', apiText('invalidActionId'));
  const result = await revealPasscode(id.data, token, {
    store: await getAuditStore(),
    limits: await getRateLimits(),
    env: serverEnv(),
  });
  if (!result.ok && result.status === 429) {
    return apiError(429, result.code, apiText(result.code), {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  }
  if (!result.ok) return apiError(result.status, result.code, apiText(result.code));
  return jsonOk({ passcode: result.passcode, expiresAt: result.expiresAt });
});
