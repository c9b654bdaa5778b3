// GET /api/activity?agent=&device=&ticket=&outcome=&kind=&from=&to=&cursor=: one page of the audit trail, one row
// per action (a four-eyes request never sent included, with its approval), newest first. An agent sees their own
// actions; the Auditor app role sees everyone's.
import { activityAccess } from '@/lib/server/activity/activity-access';
import { activityWithApprovals } from '@/lib/server/approvals/attach';
import { approvalJoinFor } from '@/lib/server/approvals/viewer';
import { decodeCursor, encodeCursor } from '@/lib/server/activity/cursor';
import { getActivityLog } from '@/lib/server/store';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { ActivityFiltersSchema } from '@/lib/shared/activity/filters-schema';
import { ACTIVITY_PAGE_SIZE, type ActivityPage } from '@/lib/shared/activity/types';
import { apiText } from '@/lib/server/i18n/api-text';

export const GET = graphRoute(async ({ req, token }) => {
  const params = new URL(req.url).searchParams;
  const filters = ActivityFiltersSchema.safeParse(Object.fromEntries(params));
  if (!filters.success)
    return apiError(
      400,
      'invalidFilter',
      `${apiText('invalidFilter')} ${filters.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const before = decodeCursor(params.get('cursor'));
  const access = await activityAccess(req, token);
  if (!access.ok) return apiError(401, 'invalidToken', apiText('invalidToken'));
  const log = await getActivityLog();
  const { rows, nextBeforeSeq } = await log.page(
    filters.data,
    access.scope,
    before,
    ACTIVITY_PAGE_SIZE,
  );
  const page: ActivityPage = {
    rows: await activityWithApprovals(await approvalJoinFor(req, access.claims), rows),
    nextCursor: nextBeforeSeq === null ? null : encodeCursor(nextBeforeSeq),
    scope: access.label,
  };
  return jsonOk(page);
});
