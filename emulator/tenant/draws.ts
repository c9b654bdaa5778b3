// The seed's draws, made from a seeded Faker's randomizer itself: identifier-like strings (GUIDs, serials, IMEIs) and
// Faker's plain number and element draws. Faker's own string helpers cost ~4 µs a call, and even its `number.int`
// checks its options on every call; a 100,000-device tenant draws about 18 million characters and some 2.5 million
// numbers, so these make the same draws Faker would (so the same tenant) without its checks, and build each string
// in one piece (a string grown a character at a time is a chain of pieces that the garbage collector and every Map
// keyed by it pay for).
import { Faker, generateMersenne53Randomizer, type LocaleDefinition } from '@faker-js/faker';

const HEX = '0123456789abcdef';
export const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** Apple serials avoid O and I, which read like 0 and 1. */
export const APPLE_SERIAL = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const DIGITS = '0123456789';

/** The randomizer behind each Faker made by `seededFaker`. */
const randomizers = new WeakMap<Faker, { next(): number }>();

/**
 * A Faker seeded as `new Faker({ locale, seed })` would be (Faker's default randomizer, the 53-bit Mersenne Twister),
 * whose randomizer the helpers below can use directly.
 */
export function seededFaker(locale: LocaleDefinition[], seed: number): Faker {
  const randomizer = generateMersenne53Randomizer();
  const faker = new Faker({ locale, randomizer, seed });
  randomizers.set(faker, randomizer);
  return faker;
}

/** One reused array of character codes per string length: a tenant draws millions of short strings. */
const scratch: number[][] = [];

/** `length` characters of `alphabet` as character codes, in a reused array (read it before the next draw). */
function drawCodes(rng: Faker, alphabet: string, length: number): number[] {
  const randomizer = randomizers.get(rng);
  const codes = (scratch[length] ??= new Array<number>(length).fill(0));
  for (let i = 0; i < length; i++) {
    // What `rng.number.int(alphabet.length - 1)` returns, without its checks.
    const at = randomizer
      ? Math.floor(randomizer.next() * alphabet.length)
      : rng.number.int(alphabet.length - 1);
    codes[i] = alphabet.charCodeAt(at);
  }
  return codes;
}

/**
 * What `rng.number.float({ min, max })` returns (no fractionDigits, no multipleOf), without its checks: the seed
 * draws about ten of these for each device.
 */
export function uniform(rng: Faker, min = 0, max = 1): number {
  const randomizer = randomizers.get(rng);
  return randomizer ? randomizer.next() * (max - min) + min : rng.number.float({ min, max });
}

export function fromAlphabet(rng: Faker, alphabet: string, length: number): string {
  return String.fromCharCode.apply(null, drawCodes(rng, alphabet, length));
}

export const hex = (rng: Faker, length: number) => fromAlphabet(rng, HEX, length);
export const digits = (rng: Faker, length: number) => fromAlphabet(rng, DIGITS, length);

const DASH = '-'.charCodeAt(0);
/** Where each of a GUID's 32 drawn hex digits goes in its 36 characters; -1: replaced by the version or variant. */
const GUID_SLOT = [
  0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, -1, 15, 16, 17, -1, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30,
  31, 32, 33, 34, 35,
];
const guidCodes = new Array<number>(36).fill(DASH);
guidCodes[14] = '4'.charCodeAt(0);

/** A version-4-shaped GUID, lower case, as Graph returns ids: 32 hex digits drawn, then the variant. */
export function guid(rng: Faker): string {
  // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx: the 13th and 17th drawn digits give way to the version and the variant.
  const h = drawCodes(rng, HEX, 32);
  for (let i = 0; i < 32; i++) {
    const at = GUID_SLOT[i]!;
    if (at >= 0) guidCodes[at] = h[i]!;
  }
  guidCodes[19] = HEX.charCodeAt(8 + between(rng, 0, 3));
  return String.fromCharCode.apply(null, guidCodes);
}

// Faker's plain draws, made as Faker makes them (the same numbers from the same randomizer) without its checks and
// allocations: the seed makes about 25 of them for each device.

/** What `rng.helpers.arrayElement(items)` returns: one draw, none when there is a single item. */
export function pick<T>(rng: Faker, items: readonly T[]): T {
  const randomizer = randomizers.get(rng);
  if (!randomizer || items.length === 0) return rng.helpers.arrayElement(items);
  return items[items.length > 1 ? Math.floor(randomizer.next() * items.length) : 0]!;
}

/** What `rng.number.int({ min, max })` returns for whole numbers min ≤ max (no draw when they are equal). */
export function between(rng: Faker, min: number, max: number): number {
  const randomizer = randomizers.get(rng);
  if (!randomizer || !Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min)
    return rng.number.int({ min, max });
  if (min === max) return min;
  return Math.floor(randomizer.next() * (max - min + 1) + min);
}

/** What `rng.helpers.weightedArrayElement(entries)` returns: one draw over the summed weights. */
export function weighted<T>(rng: Faker, entries: readonly { weight: number; value: T }[]): T {
  const randomizer = randomizers.get(rng);
  if (!randomizer || entries.length === 0) return rng.helpers.weightedArrayElement(entries);
  let total = 0;
  for (const e of entries) total += e.weight;
  const r = randomizer.next() * total;
  let sum = 0;
  for (const e of entries) {
    sum += e.weight;
    if (r < sum) return e.value;
  }
  return entries[entries.length - 1]!.value;
}
