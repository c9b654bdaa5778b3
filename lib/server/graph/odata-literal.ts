import 'server-only';
// Building OData $filter text from search input: the only way text from a person enters a Graph query.
// Property names come from an allow-list; every value goes through odataString.

/** Properties the console may filter on (Intune honours these; see graph-intune.md). */
export type FilterableProperty =
  | 'deviceName'
  | 'userPrincipalName'
  | 'emailAddress'
  | 'serialNumber'
  | 'imei'
  | 'operatingSystem'
  | 'complianceState'
  | 'managedDeviceOwnerType';

export const MAX_LITERAL_LENGTH = 100;

/**
 * An OData string literal: single quotes doubled inside single quotes. The whole query value is
 * percent-encoded later, when it is put into the URL.
 */
export function odataString(value: string): string {
  if (value.length > MAX_LITERAL_LENGTH)
    throw new RangeError(`OData literal longer than ${MAX_LITERAL_LENGTH} characters`);
  if (/[\u0000-\u001f\u007f]/.test(value))
    throw new RangeError('OData literal with control characters');
  return `'${value.replace(/'/g, "''")}'`;
}

export const eq = (property: FilterableProperty, value: string) =>
  `${property} eq ${odataString(value)}`;
export const startsWith = (property: FilterableProperty, value: string) =>
  `startswith(${property},${odataString(value)})`;

/** Joins clauses with `and`, each in parentheses so that no clause can change another's meaning. */
export function and(...clauses: (string | null)[]): string | null {
  const present = clauses.filter((c): c is string => c !== null && c !== '');
  if (present.length === 0) return null;
  if (present.length === 1) return present[0] ?? null;
  return present.map((c) => `(${c})`).join(' and ');
}
