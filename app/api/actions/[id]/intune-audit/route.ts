// GET /api/actions/{id}/intune-audit: Intune's own audit event for one of the console's actions (who, when, which
// app), beside the console's record. Only for an action the caller may see, and a token with Intune's audit
// permission (asked for incrementally; without it the answer says so and the page shows a hint).
import { visibleRecords } from '@/lib/server/actions/status';
import { getAuditStore } from '@/lib/server/store';
import { checkTokenShape } from '@/lib/server/auth/token-claims';
import { serverEnv } from '@/lib/server/config/server-env';
import { AUDIT_LOG_SCOPE, getIntuneAuditEvent } from '@/lib/server/graph/audit-events';
import { apiError, jsonError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';
import { errorInfo } from '@/lib/shared/errors';
import { apiText } from '@/lib/server/i18n/api-text';

export const GET = graphRoute<{ id: string }>(async ({ token, params }) => {
  const id = DeviceIdSchema.safeParse(params.id);
  if (!id.success) return apiError(400, 'invalidActionId', apiText('invalidActionId'));
  const shape = checkTokenShape(token, {
    tenantId: serverEnv().AUTH_TENANT_ID,
    requiredScope: AUDIT_LOG_SCOPE,
  });
  if (!shape.ok && shape.reason === 'scopeMissing') {
    return jsonError(
      errorInfo(403, 'auditScopeMissing', apiText('auditScopeMissing'), {
        reason: 'missingPermission',
      }),
    );
  }
  if (!(await visibleRecords(id.data, token, await getAuditStore())))
    return apiError(404, 'actionNotFound', apiText('actionNotFound'));
  return jsonOk({ event: await getIntuneAuditEvent(token, id.data) });
});
