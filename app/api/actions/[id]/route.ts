// GET /api/actions/{id}: where one recovery stands, read from the audit store and the device's
// deviceActionResults with the agent's token. Polled by the browser; never a server action.
import { actionStatus } from '@/lib/server/actions/status';
import { withGuard } from '@/lib/server/actions/device-guards';
import { approvalJoinFor } from '@/lib/server/approvals/viewer';
import { sendOwnerNotifications } from '@/lib/server/notifications/on-request';
import { getAuditStore, getVerificationStore } from '@/lib/server/store';
import { serverEnv } from '@/lib/server/config/server-env';
import { apiText } from '@/lib/server/i18n/api-text';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';

export const GET = graphRoute<{ id: string }>(async ({ req, token, params }) => {
  const id = DeviceIdSchema.safeParse(params.id); // action ids are GUIDs too
  if (!id.success) return apiError(400, 'invalidActionId', apiText('invalidActionId'));
  const stores = {
    store: await getAuditStore(),
    verifications: await getVerificationStore(),
    // A four-eyes request not yet sent is answered by its id too, its state from the approval row.
    approvals: await approvalJoinFor(req, token),
  };
  const status = await actionStatus(id.data, token, { ...stores, env: serverEnv() });
  if (!status) return apiError(404, 'actionNotFound', apiText('actionNotFound'));
  // The requester's reads send the owner's e-mails that are due (the read may just have seen "done").
  await sendOwnerNotifications([status.actionId], token);
  return jsonOk(await withGuard(stores, status));
});
