// GET /api/devices/{id}/passcode-plan: the server's exact decision on the device's passcode action, read fresh when
// the confirm dialog opens (a list row's plan is v1.0's alone, and the device may have changed since it was listed):
// v1.0's answer, with beta's where v1.0 cannot tell the mode, and a pending wipe, retire or delete blocking it.
import { passcodePolicy, serverEnv } from '@/lib/server/config/server-env';
import { decidePasscodePlan } from '@/lib/server/devices/passcode-decision';
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { apiText } from '@/lib/server/i18n/api-text';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';
import type { PasscodePlan } from '@/lib/shared/devices/passcode-plan';

export const GET = graphRoute<{ id: string }>(async ({ req, token, params }) => {
  const id = DeviceIdSchema.safeParse(params.id);
  if (!id.success) return apiError(400, 'invalidDeviceId', apiText('invalidDeviceId'));
  const device = await getManagedDevice(token, id.data, 'summary', { signal: req.signal });
  const plan: PasscodePlan = await decidePasscodePlan(token, device, passcodePolicy(serverEnv()), {
    signal: req.signal,
  });
  return jsonOk(plan);
});
