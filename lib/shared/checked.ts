// The result of a hand-written check: the value as the console uses it, or the message keys (`validation.*`) of
// what is wrong. The browser runs these checks without zod; the server's zod schemas (`*-schema.ts`) run the same
// ones inside `.transform`, so each rule is written once.
import type { MessageKey } from '@/lib/shared/i18n/catalogs';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: MessageKey[] };

export const valid = <T>(value: T): Checked<T> => ({ ok: true, value });
export const invalid = <T = never>(...errors: MessageKey[]): Checked<T> => ({ ok: false, errors });

/** One of a fixed list of strings, or `validation.invalid` (what zod's own enum message would be worded as). */
export function checkOneOf<T extends string>(
  choices: readonly T[],
  value: unknown,
  error: MessageKey = 'validation.invalid',
): Checked<T> {
  const found = choices.find((c) => c === value);
  return found === undefined ? invalid(error) : valid(found);
}
