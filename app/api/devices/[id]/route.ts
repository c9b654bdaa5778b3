// GET /api/devices/{id}?for=…: everything a helpdesk checks on one device before acting, with its action history, the
// server's exact decision on its passcode action (v1.0's answer, and beta's where v1.0 cannot tell the mode), its
// same-named twins among its user's devices (one read of them, only the list's fields), and, when the page was opened
// from a user's list (`for`), whether that user is not its primary user.
import { passcodePolicy, serverEnv } from '@/lib/server/config/server-env';
import { listedForOther, twinsOf } from '@/lib/server/devices/listing-facts';
import { decidePasscodePlan } from '@/lib/server/devices/passcode-decision';
import { readUserDevices } from '@/lib/server/graph/device-search';
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { apiText } from '@/lib/server/i18n/api-text';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { LISTED_FOR_PARAM } from '@/lib/shared/devices/device-href';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';
import type { DeviceDetailAnswer } from '@/lib/shared/devices/types';

export const GET = graphRoute<{ id: string }>(async ({ req, token, params }) => {
  const id = DeviceIdSchema.safeParse(params.id);
  if (!id.success) return apiError(400, 'invalidDeviceId', apiText('invalidDeviceId'));
  // A UPN at most: anything else cannot be the user of a list, and is ignored rather than echoed.
  const forParam = new URL(req.url).searchParams.get(LISTED_FOR_PARAM);
  const listedFor = forParam && forParam.length <= 320 && forParam.includes('@') ? forParam : null;
  const device = await getManagedDevice(token, id.data, 'detail', { signal: req.signal });
  const [passcodePlan, userDevices] = await Promise.all([
    decidePasscodePlan(token, device, passcodePolicy(serverEnv()), { signal: req.signal }),
    readUserDevices(token, device.userId, req.signal),
  ]);
  return jsonOk({
    ...device,
    passcodePlan,
    twins: twinsOf(device, userDevices),
    listedFor: listedForOther(device, listedFor),
  } satisfies DeviceDetailAnswer);
});
