// GET /api/verified-id: whether this deployment offers "Verify with Verified ID", and its Face Check threshold.
// Nothing of the app credential leaves the server.
import { serverEnv } from '@/lib/server/config/server-env';
import { jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { verifiedIdConfig } from '@/lib/server/verified-id/config';
import type { VerifiedIdAvailability } from '@/lib/shared/trust/verified-id';

export const GET = graphRoute(async () => {
  const config = verifiedIdConfig(serverEnv());
  const answer: VerifiedIdAvailability = config
    ? { configured: true, threshold: config.threshold }
    : { configured: false };
  return jsonOk(answer);
});
