// What an agent searches for, as it travels in the URL (`/?q=…&os=…`), what kind of search the text is, and
// whether a device really matches it. Shared by the route handler (which checks every device Graph
// returns) and the browser (which reads and writes the URL).
import { z } from 'zod';
import { messageKey } from '@/lib/shared/i18n/catalogs';
import { PLATFORM_KEYS, platformOf, PLATFORMS } from './platforms';
import type { ComplianceState, DeviceListItem } from './types';

export const MAX_QUERY_LENGTH = 100;
export const SEARCH_KINDS = ['user', 'serial', 'imei', 'name'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const STALE_DAY_CHOICES = [7, 14, 30, 90] as const;
const COMPLIANCE = ['compliant', 'noncompliant', 'inGracePeriod', 'unknown', 'error', 'conflict', 'configManager'] as const;

/**
 * Search parameters from a URL; anything malformed is an error the agent sees, not silently dropped. Errors carry
 * message keys (`validation.*`), which the browser words in the agent's language.
 */
export const DeviceSearchSchema = z.object({
  q: z.string().trim().max(MAX_QUERY_LENGTH, messageKey('validation.searchTooLong'))
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), messageKey('validation.searchControl')).default(''),
  by: z.enum(SEARCH_KINDS).optional(),
  os: z.enum(PLATFORM_KEYS).optional(),
  compliance: z.enum(COMPLIANCE).optional(),
  owner: z.enum(['company', 'personal']).optional(),
  stale: z.coerce.number().int().refine((n) => (STALE_DAY_CHOICES as readonly number[]).includes(n), messageKey('validation.staleChoice')).optional(),
});
export type DeviceSearch = z.infer<typeof DeviceSearchSchema>;

export const SEARCH_PARAM_NAMES = ['q', 'by', 'os', 'compliance', 'owner', 'stale'] as const;

export function searchFromParams(params: URLSearchParams): ReturnType<typeof DeviceSearchSchema.safeParse> {
  const raw: Record<string, string> = {};
  for (const name of SEARCH_PARAM_NAMES) {
    const v = params.get(name);
    if (v !== null && v !== '') raw[name] = v;
  }
  return DeviceSearchSchema.safeParse(raw);
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
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').replace(/[łŁ]/g, 'l')
    .toLowerCase().trim().replace(/\s+/g, '.').replace(/[^a-z0-9.-]/g, '');
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('en');

/**
 * Whether a device Graph returned matches what the console asked Graph for. Graph may ignore or bend a
 * filter (graph-intune.md), so nothing is shown as a result without passing this.
 */
export function matchesGraphQuery(d: DeviceListItem, search: DeviceSearch, userLookup: 'upn' | 'email' = 'upn'): boolean {
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
  if (search.os && d.operatingSystem.toLowerCase() !== PLATFORMS[search.os].operatingSystem.toLowerCase()) return false;
  if (search.compliance && d.complianceState !== (search.compliance as ComplianceState)) return false;
  if (search.owner && d.managedDeviceOwnerType !== search.owner) return false;
  return true;
}

/**
 * What the console narrows itself, because Graph cannot: the last-sync age, and Android Enterprise versus
 * device administrator (the same operatingSystem, told apart by management agent).
 */
export function matchesRefinement(d: DeviceListItem, search: DeviceSearch, now: number): boolean {
  if (search.os && PLATFORMS[search.os].managementAgent !== undefined && platformOf(d) !== search.os) return false;
  if (search.stale !== undefined && d.lastSyncDateTime !== null && now - Date.parse(d.lastSyncDateTime) < search.stale * 86_400_000) {
    return false;
  }
  return true;
}
