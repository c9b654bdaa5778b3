import 'server-only';
// A device search as Graph requests: one list request per page (two for a name, which is matched against
// device names and user names, because Intune applies only the first of two or-ed startswith clauses),
// paging by the nextLinks Graph returns, and a check of every device against the search.
import { z } from 'zod';
import { InputError } from '@/lib/shared/errors';
import { apiText } from '@/lib/server/i18n/api-text';
import { PLATFORMS } from '@/lib/shared/devices/platforms';
import { matchesGraphQuery, matchesRefinement, searchKind, upnStem, type DeviceSearch } from '@/lib/shared/devices/search';
import type { DeviceListItem, DeviceSearchPage } from '@/lib/shared/devices/types';
import { graphGet } from './client';
import { GraphError } from './errors';
import { DEVICE_LIST_FIELDS, ManagedDevicePage } from './managed-devices';
import { and, eq, startsWith } from './odata-literal';

export const SEARCH_PAGE_SIZE = 100;

export interface GraphListRequest {
  path: string;
  query: Record<string, string>;
}

/** The Graph list requests for a search, first pages. Pure: the same search always gives the same requests. */
export function buildSearchRequests(search: DeviceSearch, pageSize = SEARCH_PAGE_SIZE): GraphListRequest[] {
  const refine = and(
    search.os ? eq('operatingSystem', PLATFORMS[search.os].operatingSystem) : null,
    search.compliance ? eq('complianceState', search.compliance) : null,
    search.owner ? eq('managedDeviceOwnerType', search.owner) : null,
  );
  const list = (filter: string | null, path = '/deviceManagement/managedDevices'): GraphListRequest => ({
    path,
    query: { $select: DEVICE_LIST_FIELDS.join(','), $top: String(pageSize), ...(filter ? { $filter: filter } : {}) },
  });
  const q = search.q;
  switch (searchKind(search)) {
    case null:
      return [list(refine)];
    case 'user':
      // graph-intune.md: /users/{upn}/managedDevices is the reliable way to list one person's devices.
      return [list(refine, `/users/${encodeURIComponent(q)}/managedDevices`)];
    case 'serial':
      return [list(and(eq('serialNumber', q), refine))];
    case 'imei':
      return [list(and(eq('imei', q.replace(/\D/g, '')), refine))];
    case 'name': {
      const stem = upnStem(q);
      return [
        list(and(startsWith('deviceName', q), refine)),
        ...(stem ? [list(and(startsWith('userPrincipalName', stem), refine))] : []),
      ];
    }
  }
}

const Cursor = z.object({ v: z.literal(1), links: z.array(z.string().max(4096).nullable()).min(1).max(4) });

export function encodeCursor(links: (string | null)[]): string | null {
  return links.some((l) => l !== null) ? Buffer.from(JSON.stringify({ v: 1, links })).toString('base64url') : null;
}

const invalidCursor = () => new InputError('invalidCursor', apiText('invalidCursor'));

/**
 * The nextLinks in a cursor, checked against the search they must continue: same Graph path and the same
 * $filter and $select, so a cursor can only ever page on, never change what is asked.
 */
export function decodeCursor(cursor: string, requests: GraphListRequest[]): (string | null)[] {
  let links: (string | null)[];
  try {
    links = Cursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).links;
  } catch {
    throw invalidCursor();
  }
  if (links.length !== requests.length) throw invalidCursor();
  links.forEach((link, i) => {
    const req = requests[i];
    if (link === null || !req) return;
    const url = URL.canParse(link) ? new URL(link) : null;
    const samePath = url !== null && decodeURIComponent(url.pathname).endsWith(`/v1.0${decodeURIComponent(req.path)}`);
    const filter = url?.searchParams.get('$filter') ?? null;
    const select = url?.searchParams.get('$select') ?? null;
    if (!samePath || (filter !== null && filter !== (req.query.$filter ?? null)) || (select !== null && select !== req.query.$select)) {
      throw invalidCursor();
    }
  });
  return links;
}

/** One page of search results: Graph's devices that really match, and what Graph returned that did not. */
export async function searchDevices(
  token: string, search: DeviceSearch, cursor: string | null, opts: { signal?: AbortSignal; now?: number } = {},
): Promise<DeviceSearchPage> {
  const requests = buildSearchRequests(search);
  const links = cursor ? decodeCursor(cursor, requests) : requests.map(() => undefined);
  let userNotFound = false;
  const pages = await Promise.all(requests.map(async (req, i) => {
    const link = links[i];
    if (link === null) return { value: [] as DeviceListItem[], next: null };
    try {
      const { data } = await graphGet({ ...req, ...(link ? { nextLink: link } : {}), token, schema: ManagedDevicePage, signal: opts.signal });
      return { value: data.value, next: data['@odata.nextLink'] ?? null };
    } catch (e) {
      if (e instanceof GraphError && e.status === 404 && req.path.startsWith('/users/')) {
        userNotFound = true;
        return { value: [] as DeviceListItem[], next: null };
      }
      throw e;
    }
  }));

  const seen = new Set<string>();
  const received = pages.flatMap((p) => p.value).filter((d) => !seen.has(d.id) && seen.add(d.id));
  const now = opts.now ?? Date.now();
  const asked = received.filter((d) => matchesGraphQuery(d, search));
  const devices = asked.filter((d) => matchesRefinement(d, search, now));
  return {
    devices,
    nextCursor: encodeCursor(pages.map((p) => p.next)),
    kind: searchKind(search),
    received: received.length,
    discarded: received.length - asked.length,
    refinedOut: asked.length - devices.length,
    userNotFound,
  };
}
