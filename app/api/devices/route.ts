// GET /api/devices?q=…&by=…&os=…&compliance=…&owner=…&stale=…&cursor=…: one page of a device search, read
// with the agent's own Graph token, every device checked against the search before it is returned.
import { z } from 'zod';
import { searchDevices } from '@/lib/server/graph/device-search';
import { apiText } from '@/lib/server/i18n/api-text';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { parseSearchParams } from '@/lib/shared/devices/search-schema';

export const GET = graphRoute(async ({ req, token }) => {
  const params = new URL(req.url).searchParams;
  const search = parseSearchParams(params);
  if (!search.success)
    return apiError(
      400,
      'invalidSearch',
      `${apiText('invalidSearch')} ${z.prettifyError(search.error)}`,
    );
  return jsonOk(
    await searchDevices(token, search.data, params.get('cursor'), { signal: req.signal }),
  );
});
