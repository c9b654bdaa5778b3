// GET /api/activity/export?format=csv|jsonl&<filters>: every record the filters select, streamed batch by batch
// (constant memory whatever the size), with the same visibility as the activity page.
import { activityAccess } from '@/lib/server/activity/activity-access';
import { batchesWithApprovals } from '@/lib/server/approvals/attach';
import { approvalJoinFor } from '@/lib/server/approvals/viewer';
import { CONTENT_TYPE, exportStream } from '@/lib/server/activity/export-format';
import { getActivityLog } from '@/lib/server/store';
import { apiError } from '@/lib/server/http/respond';
import { API_CACHE_CONTROL } from '@/lib/server/http/security-headers';
import { graphRoute } from '@/lib/server/http/route';
import { ActivityFiltersSchema } from '@/lib/shared/activity/filters-schema';
import { EXPORT_FORMATS } from '@/lib/shared/activity/types';
import { apiText } from '@/lib/server/i18n/api-text';

export const GET = graphRoute(async ({ req, token }) => {
  const params = new URL(req.url).searchParams;
  const format = EXPORT_FORMATS.find((f) => f === params.get('format'));
  if (!format) return apiError(400, 'invalidFormat', apiText('invalidFormat'));
  const filters = ActivityFiltersSchema.safeParse(Object.fromEntries(params));
  if (!filters.success)
    return apiError(
      400,
      'invalidFilter',
      `${apiText('invalidFilter')} ${filters.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const access = await activityAccess(req, token);
  if (!access.ok) return apiError(401, 'invalidToken', apiText('invalidToken'));
  const log = await getActivityLog();
  const stamp = new Date().toISOString().slice(0, 10);
  // An export is read by nobody in particular: its approvals say nothing of `mine` or `canDecide`.
  const join = {
    ...(await approvalJoinFor(req, access.claims)),
    viewer: { caller: null, approver: false },
  };
  const batches = batchesWithApprovals(join, log.all(filters.data, access.scope));
  return new Response(exportStream(batches, format), {
    headers: {
      'Content-Type': CONTENT_TYPE[format],
      'Content-Disposition': `attachment; filename="passcode-desk-activity-${stamp}.${format}"`,
      'Cache-Control': API_CACHE_CONTROL,
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
