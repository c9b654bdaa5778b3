// GET /api/devices/{id}: everything a helpdesk checks on one device before acting, with its action history.
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { apiText } from '@/lib/server/i18n/api-text';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';

export const GET = graphRoute<{ id: string }>(async ({ req, token, params }) => {
  const id = DeviceIdSchema.safeParse(params.id);
  if (!id.success) return apiError(400, 'invalidDeviceId', apiText('invalidDeviceId'));
  return jsonOk(await getManagedDevice(token, id.data, 'detail', { signal: req.signal }));
});
