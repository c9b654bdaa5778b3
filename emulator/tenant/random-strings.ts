// Identifier-like strings drawn from a seeded Faker's number generator. Faker's own string helpers cost
// ~4 µs a call, which made a 100,000-device tenant take 8 s to seed; these cost a tenth of that.
import type { Faker } from '@faker-js/faker';

const HEX = '0123456789abcdef';
export const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** Apple serials avoid O and I, which read like 0 and 1. */
export const APPLE_SERIAL = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const DIGITS = '0123456789';

export function fromAlphabet(rng: Faker, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[rng.number.int(alphabet.length - 1)];
  return out;
}

export const hex = (rng: Faker, length: number) => fromAlphabet(rng, HEX, length);
export const digits = (rng: Faker, length: number) => fromAlphabet(rng, DIGITS, length);

/** A version-4-shaped GUID, lower case, as Graph returns ids. */
export function guid(rng: Faker): string {
  const h = hex(rng, 32);
  const variant = HEX[8 + rng.number.int(3)];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
