// GET /api/agent/access: whether the signed-in agent may run a passcode action at all, and if not, whose gap it is
// (Intune role or consent), decided on the server before any dialog asks for a ticket (lib/server/actions/agent-access.ts).
import { readAgentAccess } from '@/lib/server/actions/agent-access';
import { jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';

export const GET = graphRoute(async ({ req, token }) =>
  jsonOk(await readAgentAccess(token, req.signal)),
);
