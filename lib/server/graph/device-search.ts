import 'server-only';
// A device search as Graph requests: one list request per page (two for a name, which is matched against
// device names and user names, because Intune applies only the first of two or-ed startswith clauses),
// paging by the nextLinks Graph returns, and a check of every device against the search.
import { z } from 'zod';
import { InputError } from '@/lib/shared/errors';
import { apiText } from '@/lib/server/i18n/api-text';
import { PLATFORMS } from '@/lib/shared/devices/platforms';
import {
  matchesGraphQuery,
  matchesRefinement,
  searchKind,
  upnStem,
  type DeviceSearch,
} from '@/lib/shared/devices/search';
import type { DeviceListItem, DeviceSearchPage } from '@/lib/shared/devices/types';
import { graphGet } from './client';
import { GraphError } from './errors';
import { passcodePolicy, serverEnv } from '@/lib/server/config/server-env';
import { withV1Plan } from '@/lib/server/devices/passcode-decision';
import { withListingFacts } from '@/lib/server/devices/listing-facts';
import type { PasscodePolicy } from '@/lib/shared/devices/passcode-plan';
import { DEVICE_LIST_FIELDS, ManagedDevicePage } from './managed-devices';
import { and, eq, startsWith } from './odata-literal';

export const SEARCH_PAGE_SIZE = 100;

export interface GraphListRequest {
  path: string;
  query: Record<string, string>;
}

/** How a user search found its devices: the UPN path, or (when no user has that UPN) the devices' e-mail address. */
export type UserLookup = 'upn' | 'email';

/** Apple prints an IMEI in groups (35 445506 652132 5), and iOS devices report it that way. */
export function appleImei(digits: string): string | null {
  return digits.length === 15
    ? `${digits.slice(0, 2)} ${digits.slice(2, 8)} ${digits.slice(8, 14)} ${digits.slice(14)}`
    : null;
}

/** The Graph list requests for a search, first pages. Pure: the same search always gives the same requests. */
export function buildSearchRequests(
  search: DeviceSearch,
  via: UserLookup = 'upn',
  pageSize = SEARCH_PAGE_SIZE,
): GraphListRequest[] {
  const refine = and(
    search.os ? eq('operatingSystem', PLATFORMS[search.os].operatingSystem) : null,
    search.compliance ? eq('complianceState', search.compliance) : null,
    search.owner ? eq('managedDeviceOwnerType', search.owner) : null,
  );
  const list = (
    filter: string | null,
    path = '/deviceManagement/managedDevices',
  ): GraphListRequest => ({
    path,
    query: {
      $select: DEVICE_LIST_FIELDS.join(','),
      $top: String(pageSize),
      ...(filter ? { $filter: filter } : {}),
    },
  });
  const q = search.q;
  switch (searchKind(search)) {
    case null:
      return [list(refine)];
    case 'user':
      // graph-intune.md: /users/{upn}/managedDevices is the reliable way to list one person's devices; /users/{x}
      // takes an id or UPN, never an SMTP address, so an e-mail that is not the UPN falls back to emailAddress eq.
      return via === 'email'
        ? [list(and(eq('emailAddress', q), refine))]
        : [list(refine, `/users/${encodeURIComponent(q)}/managedDevices`)];
    case 'serial':
      return [list(and(eq('serialNumber', q), refine))];
    case 'imei': {
      // Android reports digits, iOS Apple's grouping with spaces: ask for both spellings.
      const digits = q.replace(/\D/g, '');
      const grouped = appleImei(digits);
      return [
        list(and(eq('imei', digits), refine)),
        ...(grouped ? [list(and(eq('imei', grouped), refine))] : []),
      ];
    }
    case 'name': {
      const stem = upnStem(q);
      return [
        list(and(startsWith('deviceName', q), refine)),
        ...(stem ? [list(and(startsWith('userPrincipalName', stem), refine))] : []),
      ];
    }
  }
}

const Cursor = z.object({
  v: z.literal(1),
  links: z.array(z.string().max(4096).nullable()).min(1).max(4),
  via: z.enum(['upn', 'email']).default('upn'),
});

export function encodeCursor(links: (string | null)[], via: UserLookup = 'upn'): string | null {
  return links.some((l) => l !== null)
    ? Buffer.from(JSON.stringify({ v: 1, links, via })).toString('base64url')
    : null;
}

const invalidCursor = () => new InputError('invalidCursor', apiText('invalidCursor'));
const LIST_PATH = /^\/v1\.0\/(deviceManagement\/managedDevices|users\/[^/]+\/managedDevices)$/;

/**
 * The nextLinks in a cursor. Intune re-serialises $filter and names a user by id where the search gave a UPN, so a
 * nextLink is followed as given (graph-intune.md); what is checked is that it stays a managed-device list of the
 * same shape (and graphUrl checks the origin and the version root). A cursor therefore pages, whatever it holds,
 * through devices the agent's own token may read, and every device is still checked against the search.
 */
export function decodeCursor(
  cursor: string,
  search: DeviceSearch,
): { links: (string | null)[]; via: UserLookup; requests: GraphListRequest[] } {
  let parsed: z.infer<typeof Cursor>;
  try {
    parsed = Cursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalidCursor();
  }
  const requests = buildSearchRequests(search, parsed.via);
  if (parsed.links.length !== requests.length) throw invalidCursor();
  parsed.links.forEach((link, i) => {
    const req = requests[i];
    if (link === null || !req) return;
    const url = URL.canParse(link) ? new URL(link) : null;
    const path = url ? decodeURIComponent(url.pathname) : '';
    const shape = LIST_PATH.exec(path.replace(/^.*(\/v1\.0\/)/, '$1'));
    if (!shape || shape[1]?.startsWith('users/') !== req.path.startsWith('/users/'))
      throw invalidCursor();
  });
  return { links: parsed.links, via: parsed.via, requests };
}

/** One page of search results: Graph's devices that really match, and what Graph returned that did not. */
export async function searchDevices(
  token: string,
  search: DeviceSearch,
  cursor: string | null,
  opts: { signal?: AbortSignal; now?: number; policy?: PasscodePolicy } = {},
): Promise<DeviceSearchPage> {
  const decoded = cursor ? decodeCursor(cursor, search) : null;
  const first = await readPages(
    token,
    decoded?.requests ?? buildSearchRequests(search),
    decoded?.links ?? null,
    opts.signal,
  );
  let via: UserLookup = decoded?.via ?? 'upn';
  let pages = first.pages;
  if (first.userNotFound) {
    // No user has this UPN: it may be their e-mail address (aliases, renamed domains).
    via = 'email';
    pages = (await readPages(token, buildSearchRequests(search, 'email'), null, opts.signal)).pages;
  }

  const seen = new Set<string>();
  const received = pages.flatMap((p) => p.value).filter((d) => !seen.has(d.id) && seen.add(d.id));
  const now = opts.now ?? Date.now();
  const asked = received.filter((d) => matchesGraphQuery(d, search, via));
  const devices = asked.filter((d) => matchesRefinement(d, search, now));
  const kind = searchKind(search);
  // Each row's passcode action, decided here from v1.0 alone: the browser shows it and never re-derives it.
  const policy = opts.policy ?? passcodePolicy(serverEnv());
  const nextCursor = encodeCursor(
    pages.map((p) => p.next),
    via,
  );
  // A device found alone (by serial, IMEI or a narrow name) shows its twin all the same: its user's devices are read
  // once more. A user's list holds them already; a longer list compares what it shows.
  const alone = !cursor && nextCursor === null && kind !== 'user' ? devices[0] : undefined;
  const userDevices =
    alone && devices.length === 1 ? await readUserDevices(token, alone.userId, opts.signal) : [];
  const listed = withListingFacts(devices, {
    userDevices,
    // /users/{upn}/managedDevices lists a device its user enrolled for someone else: the row says so.
    listedFor: kind === 'user' && via === 'upn' ? search.q : null,
  });
  return {
    devices: listed.map((d) => withV1Plan(d, policy)),
    nextCursor,
    kind,
    received: received.length,
    discarded: received.length - asked.length,
    refinedOut: asked.length - devices.length,
    userNotFound: via === 'email' && received.length === 0,
    userMatchedBy: kind === 'user' ? via : null,
  };
}

/**
 * One page of a user's devices, for the twins of a device found alone (one extra Graph read, only the list's fields).
 * Without it the search still answers: a failed read costs the twin check, never the device the agent looked for.
 */
export async function readUserDevices(
  token: string,
  userId: string,
  signal?: AbortSignal,
): Promise<DeviceListItem[]> {
  if (!userId) return [];
  try {
    const { data } = await graphGet({
      path: `/users/${encodeURIComponent(userId)}/managedDevices`,
      query: { $select: DEVICE_LIST_FIELDS.join(','), $top: String(SEARCH_PAGE_SIZE) },
      token,
      schema: ManagedDevicePage,
      signal,
    });
    return data.value;
  } catch (e) {
    if (e instanceof GraphError && !signal?.aborted) return [];
    throw e;
  }
}

/** Reads one page of each request (or follows its nextLink); a user path that 404s reads as "no such user". */
async function readPages(
  token: string,
  requests: GraphListRequest[],
  links: (string | null)[] | null,
  signal?: AbortSignal,
) {
  let userNotFound = false;
  const pages = await Promise.all(
    requests.map(async (req, i) => {
      const link = links?.[i];
      if (link === null) return { value: [] as DeviceListItem[], next: null };
      try {
        const { data } = await graphGet({
          ...req,
          ...(link ? { nextLink: link } : {}),
          token,
          schema: ManagedDevicePage,
          signal,
        });
        return { value: data.value, next: data['@odata.nextLink'] ?? null };
      } catch (e) {
        if (e instanceof GraphError && e.status === 404 && req.path.startsWith('/users/')) {
          userNotFound = true;
          return { value: [] as DeviceListItem[], next: null };
        }
        throw e;
      }
    }),
  );
  return { pages, userNotFound };
}
