// GET /api/approvals/{id}: one four-eyes request with everything its approver decides on, and the requester's
// passcode actions of the last 30 days. Only approvers and the requester see it; anyone else gets 404, as for an
// id that does not exist, so ids cannot be probed.
import { approvalDetail } from '@/lib/server/approvals/read';
import { viewerOf } from '@/lib/server/approvals/viewer';
import { verifiedCaller } from '@/lib/server/auth/verified-caller';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { apiText } from '@/lib/server/i18n/api-text';
import { getApprovalStore, getAuditStore, getVerificationStore } from '@/lib/server/store';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';

export const GET = graphRoute<{ id: string }>(async ({ req, token, params }) => {
  const id = DeviceIdSchema.safeParse(params.id); // approval ids are GUIDs too
  if (!id.success) return apiError(400, 'invalidApprovalId', apiText('invalidApprovalId'));
  const caller = await verifiedCaller(token);
  if (!caller.ok) return apiError(401, 'invalidToken', apiText('invalidToken'));
  const detail = await approvalDetail(id.data, await viewerOf(req, caller.claims), {
    approvals: await getApprovalStore(),
    audit: await getAuditStore(),
    verifications: await getVerificationStore(),
  });
  if (!detail) return apiError(404, 'approvalNotFound', apiText('approvalNotFound'));
  return jsonOk(detail);
});
