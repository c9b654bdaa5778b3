// GET /api/verified-id/requests/{id}: where a presentation request stands, for the agent who started it only
// (another agent's request answers 404, as if it did not exist). Polled by the browser; never a server action.
import { verifiedCaller } from '@/lib/server/auth/verified-caller';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { getVerificationStore, getVerifiedIdRequests } from '@/lib/server/store';
import { verifiedIdStatus } from '@/lib/server/verified-id/status';
import { verifiedIdText } from '@/lib/server/verified-id/texts';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';

export const GET = graphRoute<{ id: string }>(async ({ token, params }) => {
  const id = DeviceIdSchema.safeParse(params.id); // the Request Service's ids are GUIDs
  if (!id.success) return apiError(400, 'invalidRequestId', verifiedIdText('invalidRequestId'));
  const caller = await verifiedCaller(token);
  if (!caller.ok) return apiError(401, 'signInRequired', verifiedIdText('signInRequired'));
  const status = await verifiedIdStatus(id.data, caller.claims.oid, {
    requests: await getVerifiedIdRequests(),
    verifications: await getVerificationStore(),
  });
  if (!status) return apiError(404, 'notFound', verifiedIdText('notFound'));
  return jsonOk(status);
});
