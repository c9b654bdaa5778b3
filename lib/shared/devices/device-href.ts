// The device page's address from a list row: a device listed for someone who is not its primary user carries that
// user along, so the page (the server) can say so too.
import type { ListingFacts } from './types';

export const LISTED_FOR_PARAM = 'for';

export function deviceHref(d: { id: string } & Partial<Pick<ListingFacts, 'listedFor'>>): string {
  const path = `/devices/${encodeURIComponent(d.id)}`;
  return d.listedFor ? `${path}?${new URLSearchParams({ [LISTED_FOR_PARAM]: d.listedFor })}` : path;
}
