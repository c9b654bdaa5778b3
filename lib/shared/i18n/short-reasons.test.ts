// A device without a passcode action says why in its list row, in a few words beside the full sentence (the
// tooltip): every reason has both, in every language, and the few words fit the row's two lines.
import { describe, expect, it } from 'vitest';
import { CATALOGS } from './catalogs';
import { LOCALES } from './locales';

/** About two lines of the action column's 12 px text at 1280 px (17 % of the table, some 190 px). */
const ROW_CHARACTERS = 64;

describe('short reasons for no passcode action', () => {
  it.each(LOCALES)('exist for every reason and fit two lines of a row (%s)', (locale) => {
    const { reasons, shortReasons } = CATALOGS[locale].passcode;
    expect(Object.keys(shortReasons).sort()).toEqual(Object.keys(reasons).sort());
    const long = Object.entries(shortReasons).filter(([, words]) => words.length > ROW_CHARACTERS);
    expect(long).toEqual([]);
  });
});
