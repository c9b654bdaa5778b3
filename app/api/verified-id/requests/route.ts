// POST /api/verified-id/requests: "Verify with Verified ID" for a device, with the agent's token. The server reads
// the device's user from Graph, asks the Request Service for a presentation (its own app credential), and answers
// the QR code, the openid-vc URL and the expiry. A route, not a server action, so that the check works wherever the
// component is mounted; the proxy refuses a POST from another origin before it gets here.
import { serverEnv } from '@/lib/server/config/server-env';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { getVerifiedIdRequests } from '@/lib/server/store';
import { startVerifiedIdCheck } from '@/lib/server/verified-id/start';
import { verifiedIdText } from '@/lib/server/verified-id/texts';
import type { VerifiedIdErrorCode } from '@/lib/shared/trust/verified-id';

const STATUS: Record<VerifiedIdErrorCode, number> = {
  notConfigured: 404,
  invalidDevice: 400,
  invalidRequestId: 400,
  signInRequired: 401,
  deviceNotReadable: 403,
  noDeviceUser: 409,
  serviceFailed: 502,
  storeUnavailable: 503,
  notFound: 404,
};

export const POST = graphRoute(async ({ req, token }) => {
  const body: unknown = await req.json().catch(() => null);
  const deviceId =
    typeof body === 'object' && body !== null && 'deviceId' in body ? body.deviceId : undefined;
  const result = await startVerifiedIdCheck(deviceId, token, {
    env: serverEnv(),
    requests: getVerifiedIdRequests,
  });
  if (result.status === 'refused')
    return apiError(STATUS[result.code], result.code, verifiedIdText(result.code));
  return jsonOk(result);
});
