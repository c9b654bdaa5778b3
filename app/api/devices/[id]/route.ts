// GET /api/devices/{id}: everything a helpdesk checks on one device before acting, with its action history and the
// server's exact decision on its passcode action (v1.0's answer, and beta's where v1.0 cannot tell the mode).
import { passcodePolicy, serverEnv } from '@/lib/server/config/server-env';
import { decidePasscodePlan } from '@/lib/server/devices/passcode-decision';
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { apiText } from '@/lib/server/i18n/api-text';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';
import type { DeviceDetail, WithPlan } from '@/lib/shared/devices/types';

export const GET = graphRoute<{ id: string }>(async ({ req, token, params }) => {
  const id = DeviceIdSchema.safeParse(params.id);
  if (!id.success) return apiError(400, 'invalidDeviceId', apiText('invalidDeviceId'));
  const device = await getManagedDevice(token, id.data, 'detail', { signal: req.signal });
  const passcodePlan = await decidePasscodePlan(token, device, passcodePolicy(serverEnv()), {
    signal: req.signal,
  });
  return jsonOk({ ...device, passcodePlan } satisfies WithPlan<DeviceDetail>);
});
