// GET /api/devices/{id}/caller: what the console knows about the person the device belongs to, read with the
// agent's token when the passcode dialog opens (lib/server/trust/caller-facts.ts), with the server's verification
// policy for that user. A part the agent may not read says why; it is never answered as "nothing there".
import { serverEnv } from '@/lib/server/config/server-env';
import { apiText } from '@/lib/server/i18n/api-text';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { getAuditStore } from '@/lib/server/store';
import { readCallerFacts } from '@/lib/server/trust/caller-facts';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';

export const GET = graphRoute<{ id: string }>(async ({ req, token, params }) => {
  const id = DeviceIdSchema.safeParse(params.id);
  if (!id.success) return apiError(400, 'invalidDeviceId', apiText('invalidDeviceId'));
  return jsonOk(
    await readCallerFacts(token, id.data, {
      store: getAuditStore,
      env: serverEnv(),
      signal: req.signal,
    }),
  );
});
