// The OData query options Graph accepts on managedDevices: $select, $filter, $top, $skip, $orderby, $count,
// $search (refused), and server-driven paging with an opaque $skiptoken in @odata.nextLink.
import type { ManagedDevice, StoredDevice } from '../tenant/types';
import managedDeviceMetadata from './metadata/graph-v1-managed-device.json';
import type { Quirks } from '../settings';
import { compileFilter, parseFilter, type DevicePredicate, type FilterNode } from './filter';

export const MAX_PAGE_SIZE = 1000;
/** Every property v1.0's metadata declares for managedDevice (beta declares them too): what $select accepts. */
export const MANAGED_DEVICE_PROPERTIES: ReadonlySet<string> = new Set(
  managedDeviceMetadata.managedDevice.properties.map((p) => p.name),
);

export class ODataError extends Error {}

export interface OrderBy {
  property: keyof ManagedDevice;
  descending: boolean;
}

export interface ListQuery {
  select: (keyof ManagedDevice)[] | null;
  filter: FilterNode | null;
  orderby: OrderBy[] | null;
  top: number;
  skip: number;
  /** Position from a $skiptoken we issued; null on a first page. */
  resumeAt: number | null;
  count: boolean;
}

export function parseListQuery(query: Record<string, string>): ListQuery {
  if (query.$search !== undefined)
    throw new ODataError("Query option '$search' is not supported on this resource.");
  const select = query.$select === undefined ? null : parseSelect(query.$select);
  const top =
    query.$top === undefined
      ? MAX_PAGE_SIZE
      : Math.min(nonNegative('$top', query.$top), MAX_PAGE_SIZE);
  const skip = query.$skip === undefined ? 0 : nonNegative('$skip', query.$skip);
  const resumeAt = query.$skiptoken === undefined ? null : decodeSkipToken(query.$skiptoken);
  const countRaw = query.$count?.toLowerCase();
  if (countRaw !== undefined && countRaw !== 'true' && countRaw !== 'false') {
    throw new ODataError(
      `Invalid value '${query.$count}' for $count query option found. Valid values are 'true', 'false'.`,
    );
  }
  const filter =
    query.$filter === undefined || query.$filter.trim() === '' ? null : parseFilter(query.$filter);
  const orderby = query.$orderby === undefined ? null : parseOrderBy(query.$orderby);
  return { select, filter, orderby, top, skip, resumeAt, count: countRaw === 'true' };
}

/** $top (at most a page) and where a page starts ($skiptoken we issued), for lists that take no other options. */
export function pageOf(query: Record<string, string>): { top: number; start: number } {
  const top =
    query.$top === undefined
      ? MAX_PAGE_SIZE
      : Math.min(nonNegative('$top', query.$top), MAX_PAGE_SIZE);
  return { top, start: query.$skiptoken === undefined ? 0 : decodeSkipToken(query.$skiptoken) };
}

function nonNegative(name: string, raw: string): number {
  if (!/^\d+$/.test(raw)) {
    throw new ODataError(
      `Invalid value '${raw}' for ${name} query option found. The ${name} query option requires a non-negative integer value.`,
    );
  }
  return Number(raw);
}

function parseSelect(raw: string): (keyof ManagedDevice)[] {
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names) assertProperty(name);
  return names as (keyof ManagedDevice)[];
}

function parseOrderBy(raw: string): OrderBy[] {
  return raw.split(',').map((part) => {
    const [property = '', direction = 'asc', ...rest] = part.trim().split(/\s+/);
    if (rest.length > 0 || !['asc', 'desc'].includes(direction.toLowerCase())) {
      throw new ODataError(`Invalid $orderby clause '${part.trim()}'.`);
    }
    assertProperty(property);
    return {
      property: property as keyof ManagedDevice,
      descending: direction.toLowerCase() === 'desc',
    };
  });
}

function assertProperty(name: string) {
  if (!MANAGED_DEVICE_PROPERTIES.has(name)) {
    throw new ODataError(
      `Could not find a property named '${name}' on type 'microsoft.graph.managedDevice'.`,
    );
  }
}

/** The selected properties of a record as a version sends it (all of them without $select). */
export function project<T extends Record<keyof ManagedDevice, unknown>>(
  record: T,
  select: ListQuery['select'],
): Partial<T> {
  if (!select) return record;
  const out: Partial<T> = {};
  for (const name of select) out[name] = record[name];
  return out;
}

// Opaque to clients (they must follow nextLink as given); the "v1." prefix lets the format change later.
export function encodeSkipToken(offset: number): string {
  return `v1.${Buffer.from(JSON.stringify({ o: offset })).toString('base64url')}`;
}

function decodeSkipToken(token: string): number {
  try {
    if (!token.startsWith('v1.')) throw new Error('prefix');
    const { o } = JSON.parse(Buffer.from(token.slice(3), 'base64url').toString()) as { o: unknown };
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through to the error Graph gives for a token it did not issue
  }
  throw new ODataError('The $skiptoken is invalid or has expired.');
}

export interface Page<T> {
  '@odata.context': string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: T[];
}

/**
 * Runs a list query over `items` the way Intune does, quirks included, and returns one page with a nextLink
 * that repeats the caller's query and carries the position. Stops scanning once the page is full unless a
 * count or an ordering needs every match.
 */
export function runList<T>(
  items: Iterable<StoredDevice>,
  q: ListQuery,
  quirks: Quirks,
  links: { context: string; self: URL },
  shape: (d: StoredDevice) => T,
): Page<T> {
  const predicate: DevicePredicate | null = q.filter ? compileFilter(q.filter, quirks) : null;
  const start = q.resumeAt ?? q.skip;
  const emptyBySkip = q.resumeAt === null && quirks.skipBeyond1000Empty && q.skip > MAX_PAGE_SIZE;
  const ordered = q.orderby !== null && !quirks.orderbyIgnored;
  const needAll = q.count || ordered;

  let matches: StoredDevice[] = [];
  let total = 0;
  let more = false;
  for (const d of items) {
    if (predicate && !predicate(d.graph)) continue;
    total++;
    if (needAll) matches.push(d);
    else if (total > start && matches.length < q.top) matches.push(d);
    else if (total > start + q.top) {
      more = true;
      break;
    }
  }
  if (needAll) {
    if (ordered && q.orderby) matches.sort(comparator(q.orderby));
    more = start + q.top < matches.length;
    matches = matches.slice(start, start + q.top);
  }
  if (emptyBySkip) {
    matches = [];
    more = false;
  }

  const result: Page<T> = {
    '@odata.context': q.select ? `${links.context}(${q.select.join(',')})` : links.context,
    value: matches.map(shape),
  };
  if (q.count) result['@odata.count'] = total;
  if (more && q.top > 0) {
    const next = new URL(links.self);
    next.searchParams.delete('$skip');
    next.searchParams.set('$skiptoken', encodeSkipToken(start + q.top));
    result['@odata.nextLink'] = next.toString();
  }
  return result;
}

function comparator(order: OrderBy[]) {
  return (a: StoredDevice, b: StoredDevice): number => {
    for (const { property, descending } of order) {
      const x = String(a.graph[property] ?? '').toLowerCase();
      const y = String(b.graph[property] ?? '').toLowerCase();
      if (x !== y) return (x < y ? -1 : 1) * (descending ? -1 : 1);
    }
    return 0;
  };
}
