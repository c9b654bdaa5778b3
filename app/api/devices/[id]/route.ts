// GET /api/devices/{id}: everything a helpdesk checks on one device before acting, with its action history.
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id';
import { messages } from '@/lib/shared/i18n/messages';

export const GET = graphRoute<{ id: string }>(async ({ req, token, params }) => {
  const id = DeviceIdSchema.safeParse(params.id);
  if (!id.success) return apiError(400, 'invalidDeviceId', messages.validation.deviceId);
  return jsonOk(await getManagedDevice(token, id.data, 'detail', { signal: req.signal }));
});
