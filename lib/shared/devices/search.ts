// What an agent searches for, as it travels in the URL (`/?q=…&os=…`), what kind of search the text is, and
// whether a device really matches it. Shared by the route handler (which checks every device Graph
// returns) and the browser (which reads and writes the URL).
import { checkOneOf, invalid, valid, type Checked } from '@/lib/shared/checked';
import type { MessageKey } from '@/lib/shared/i18n/catalogs';
import { PLATFORM_KEYS, platformOf, PLATFORMS, type PlatformKey } from './platforms';
import type { ComplianceState, DeviceListItem } from './types';

export const MAX_QUERY_LENGTH = 100;
export const SEARCH_KINDS = ['user', 'serial', 'imei', 'name'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const STALE_DAY_CHOICES = [7, 14, 30, 90] as const;
export type StaleDays = (typeof STALE_DAY_CHOICES)[number];
export const COMPLIANCE_FILTERS = [
  'compliant',
  'noncompliant',
  'inGracePeriod',
  'unknown',
  'error',
  'conflict',
  'configManager',
] as const satisfies readonly ComplianceState[];
export const OWNER_FILTERS = ['company', 'personal'] as const;

export interface DeviceSearch {
  q: string;
  by?: SearchKind;
  os?: PlatformKey;
  compliance?: (typeof COMPLIANCE_FILTERS)[number];
  owner?: (typeof OWNER_FILTERS)[number];
  stale?: StaleDays;
}

export const SEARCH_PARAM_NAMES = ['q', 'by', 'os', 'compliance', 'owner', 'stale'] as const;

// The rules for each parameter, one place for both sides: the browser reads its URL with `parseDeviceSearch`, the
// route handler with search-schema.ts, which runs these same checks inside zod. Errors are message keys
// (`validation.*`), which the browser words in the agent's language; every problem is reported, not the first.

/** The search text: trimmed, at most MAX_QUERY_LENGTH characters, no control characters. */
export function checkQuery(raw: string): Checked<string> {
  const q = raw.trim();
  const errors: MessageKey[] = [];
  if (q.length > MAX_QUERY_LENGTH) errors.push('validation.searchTooLong');
  if (/[\u0000-\u001f\u007f]/.test(q)) errors.push('validation.searchControl');
  return errors.length > 0 ? invalid(...errors) : valid(q);
}

/** Days since the last sync, as the URL carries them: one of STALE_DAY_CHOICES. */
export function checkStaleDays(raw: string): Checked<StaleDays> {
  const n = Number(raw);
  if (raw.trim() === '' || Number.isNaN(n)) return invalid('validation.invalid');
  const choice = STALE_DAY_CHOICES.find((c) => c === n);
  return choice === undefined ? invalid('validation.staleChoice') : valid(choice);
}

export const checkSearchKind = (raw: string) => checkOneOf(SEARCH_KINDS, raw);
export const checkPlatform = (raw: string) => checkOneOf(PLATFORM_KEYS, raw);
export const checkCompliance = (raw: string) => checkOneOf(COMPLIANCE_FILTERS, raw);
export const checkOwner = (raw: string) => checkOneOf(OWNER_FILTERS, raw);

export type SearchParamName = (typeof SEARCH_PARAM_NAMES)[number];

/** The search's parameters as the URL gives them: empty ones count as absent, unknown ones are ignored. */
export function rawSearchParams(params: URLSearchParams): Partial<Record<SearchParamName, string>> {
  const raw: Partial<Record<SearchParamName, string>> = {};
  for (const name of SEARCH_PARAM_NAMES) {
    const v = params.get(name);
    if (v !== null && v !== '') raw[name] = v;
  }
  return raw;
}

/**
 * Search parameters from a URL; anything malformed is an error the agent sees, not silently dropped. Empty
 * parameters count as absent; unknown ones are ignored.
 */
export function searchFromParams(params: URLSearchParams): Checked<DeviceSearch> {
  const given = rawSearchParams(params);
  const raw = (name: SearchParamName) => given[name];
  const search: DeviceSearch = { q: '' };
  const errors: MessageKey[] = [];
  const take = <T>(
    value: string | undefined,
    check: (v: string) => Checked<T>,
    set: (v: T) => void,
  ) => {
    if (value === undefined) return;
    const r = check(value);
    if (r.ok) set(r.value);
    else errors.push(...r.errors);
  };
  take(raw('q'), checkQuery, (v) => {
    search.q = v;
  });
  take(raw('by'), checkSearchKind, (v) => {
    search.by = v;
  });
  take(raw('os'), checkPlatform, (v) => {
    search.os = v;
  });
  take(raw('compliance'), checkCompliance, (v) => {
    search.compliance = v;
  });
  take(raw('owner'), checkOwner, (v) => {
    search.owner = v;
  });
  take(raw('stale'), checkStaleDays, (v) => {
    search.stale = v;
  });
  return errors.length > 0 ? invalid(...errors) : valid(search);
}

export function searchToParams(search: DeviceSearch): URLSearchParams {
  const out = new URLSearchParams();
  for (const name of SEARCH_PARAM_NAMES) {
    const v = search[name];
    if (v !== undefined && v !== '') out.set(name, String(v));
  }
  return out;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const IMEI = /^\d{14,16}$/;
// Serial numbers: 8–14 letters and digits with at least one of each, no spaces (Apple, Samsung, Dell, Lenovo…).
const SERIAL = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{8,14}$/;

/** What the text looks like: an e-mail or UPN, an IMEI, a serial number, or a name. */
export function classifyQuery(q: string): SearchKind {
  const text = q.trim();
  if (EMAIL.test(text)) return 'user';
  if (IMEI.test(text.replace(/[\s-]/g, ''))) return 'imei';
  if (SERIAL.test(text)) return 'serial';
  return 'name';
}

export function searchKind(search: DeviceSearch): SearchKind | null {
  if (search.q === '') return null;
  return search.by ?? classifyQuery(search.q);
}

/** "Zoë O'Brien" → "zoe.obrien": how names become the start of a UPN. */
export function upnStem(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, '.')
    .replace(/[^a-z0-9.-]/g, '');
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('en');

/**
 * Whether a device Graph returned matches what the console asked Graph for. Graph may ignore or bend a
 * filter (graph-intune.md), so nothing is shown as a result without passing this.
 */
export function matchesGraphQuery(
  d: DeviceListItem,
  search: DeviceSearch,
  userLookup: 'upn' | 'email' = 'upn',
): boolean {
  const kind = searchKind(search);
  const q = fold(search.q);
  // Found by the devices' e-mail address (no user had that UPN): Graph's filter, so checked like one.
  if (kind === 'user' && userLookup === 'email' && fold(d.emailAddress) !== q) return false;
  if (kind === 'serial' && fold(d.serialNumber) !== q) return false;
  if (kind === 'imei' && d.imei.replace(/\D/g, '') !== q.replace(/\D/g, '')) return false;
  if (kind === 'name') {
    const stem = upnStem(search.q);
    const byName = fold(d.deviceName).includes(q) || fold(d.userDisplayName).includes(q);
    const byUpn = stem !== '' && fold(d.userPrincipalName).split('@')[0]?.includes(stem) === true;
    if (!byName && !byUpn) return false;
  }
  // A user search reads /users/{upn}/managedDevices: Graph's path, not a filter, decides whose devices they are.
  if (
    search.os &&
    d.operatingSystem.toLowerCase() !== PLATFORMS[search.os].operatingSystem.toLowerCase()
  )
    return false;
  if (search.compliance && d.complianceState !== (search.compliance as ComplianceState))
    return false;
  if (search.owner && d.managedDeviceOwnerType !== search.owner) return false;
  return true;
}

/**
 * What the console narrows itself, because Graph cannot: the last-sync age, and Android Enterprise versus
 * device administrator (the same operatingSystem, told apart by management agent).
 */
export function matchesRefinement(d: DeviceListItem, search: DeviceSearch, now: number): boolean {
  if (
    search.os &&
    PLATFORMS[search.os].managementAgent !== undefined &&
    platformOf(d) !== search.os
  )
    return false;
  if (
    search.stale !== undefined &&
    d.lastSyncDateTime !== null &&
    now - Date.parse(d.lastSyncDateTime) < search.stale * 86_400_000
  ) {
    return false;
  }
  return true;
}
