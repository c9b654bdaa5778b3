// GET /api/approvals: the four-eyes requests the caller may see. An approver (the Approver app role, from the ID
// token in x-id-token that verifies and names the caller Graph vouched for) gets the open requests and those of the
// last 24 hours; anyone gets their own of the last 24 hours. Read-only; decisions are server actions.
import { approvalList } from '@/lib/server/approvals/read';
import { viewerOf } from '@/lib/server/approvals/viewer';
import { verifiedCaller } from '@/lib/server/auth/verified-caller';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { apiText } from '@/lib/server/i18n/api-text';
import { getApprovalStore, getAuditStore, getVerificationStore } from '@/lib/server/store';

export const GET = graphRoute(async ({ req, token }) => {
  const caller = await verifiedCaller(token);
  if (!caller.ok) return apiError(401, 'invalidToken', apiText('invalidToken'));
  const viewer = await viewerOf(req, caller.claims);
  return jsonOk(
    await approvalList(caller.claims, viewer, {
      approvals: await getApprovalStore(),
      audit: await getAuditStore(),
      verifications: await getVerificationStore(),
    }),
  );
});
