// GET /api/actions/{id}/passcode[?verificationId=…]: the temporary passcode of an Android reset, fetched from Graph
// on the agent's explicit click, answered with no-store, and audited without the passcode. The only answer that
// carries one. Under the caller policy it rests on the action's verification, or on the one named here.
import { revealPasscode } from '@/lib/server/actions/reveal';
import { getAuditStore, getRateLimits, getVerificationStore } from '@/lib/server/store';
import { serverEnv } from '@/lib/server/config/server-env';
import { apiText } from '@/lib/server/i18n/api-text';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { checkVerificationId } from '@/lib/shared/actions/types';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';

export const GET = graphRoute<{ id: string }>(async ({ req, token, params }) => {
  const id = DeviceIdSchema.safeParse(params.id); // action ids are GUIDs too
  if (!id.success) return apiError(400, 'invalidActionId', apiText('invalidActionId'));
  const named = new URL(req.url).searchParams.get('verificationId');
  const verificationId = named === null ? null : checkVerificationId(named);
  if (verificationId && !verificationId.ok)
    return apiError(400, 'invalidVerificationId', apiText('invalidVerificationId'));
  const result = await revealPasscode(id.data, token, {
    store: await getAuditStore(),
    limits: await getRateLimits(),
    verifications: await getVerificationStore(),
    env: serverEnv(),
    verificationId: verificationId?.ok ? verificationId.value : null,
  });
  if (!result.ok && result.status === 429) {
    return apiError(429, result.code, apiText(result.code), {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  }
  if (!result.ok && result.code === 'verificationRequired') {
    // The refusal's reason (never the evidence) rides beside the text, so the browser can word it.
    return apiError(403, result.code, `${apiText(result.code)} (${result.problem})`);
  }
  if (!result.ok) return apiError(result.status, result.code, apiText(result.code));
  return jsonOk({ passcode: result.passcode, expiresAt: result.expiresAt });
});
