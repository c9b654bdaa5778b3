// GET /api/devices/{id}/timeline: one list by time of what happened to a device (this console's actions, remote
// actions started elsewhere, what the device reports, Intune's audit log, the last check-in), read with the
// agent's token; each source that could not be read is named with why, never left out as if nothing happened.
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { apiText } from '@/lib/server/i18n/api-text';
import { readDeviceTimeline } from '@/lib/server/timeline/read-timeline';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';

export const GET = graphRoute<{ id: string }>(async ({ req, token, params }) => {
  const id = DeviceIdSchema.safeParse(params.id);
  if (!id.success) return apiError(400, 'invalidDeviceId', apiText('invalidDeviceId'));
  return jsonOk(await readDeviceTimeline(req, token, id.data));
});
