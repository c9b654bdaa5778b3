// Identifier-like strings drawn from a seeded Faker's number generator. Faker's own string helpers cost ~4 µs a
// call, and even its `number.int` checks its options on every call; a 100,000-device tenant draws about 18 million
// characters, so these draw from the Faker's randomizer itself (the same draws `number.int` would make, so the same
// tenant) and build each string in one piece (a string grown a character at a time is a chain of pieces that the
// garbage collector and every Map keyed by it pay for).
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

/** `length` characters of `alphabet`, as character codes. */
function drawCodes(rng: Faker, alphabet: string, length: number): number[] {
  const randomizer = randomizers.get(rng);
  const codes = new Array<number>(length);
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
  return String.fromCharCode(...drawCodes(rng, alphabet, length));
}

export const hex = (rng: Faker, length: number) => fromAlphabet(rng, HEX, length);
export const digits = (rng: Faker, length: number) => fromAlphabet(rng, DIGITS, length);

const DASH = '-'.charCodeAt(0);
const FOUR = '4'.charCodeAt(0);

/** A version-4-shaped GUID, lower case, as Graph returns ids: 32 hex digits drawn, then the variant. */
export function guid(rng: Faker): string {
  const h = drawCodes(rng, HEX, 32);
  const variant = HEX.charCodeAt(8 + rng.number.int(3));
  // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx: the 13th and 17th drawn digits give way to the version and the variant.
  return String.fromCharCode(
    ...h.slice(0, 8),
    DASH,
    ...h.slice(8, 12),
    DASH,
    FOUR,
    ...h.slice(13, 16),
    DASH,
    variant,
    ...h.slice(17, 20),
    DASH,
    ...h.slice(20, 32),
  );
}
