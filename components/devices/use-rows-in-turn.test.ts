// Which rows a frame draws in full while the list scrolls: those in view first, a few at a time, never one drawn before.
import { describe, expect, it } from 'vitest';
import { rowsToDraw, type RowsInTurn } from './use-rows-in-turn';

const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
/** Rows c–f are in view; a, b above and g, h below are the virtualiser's overscan. */
const list = (over: Partial<RowsInTurn> = {}): RowsInTurn => ({
  keys,
  inView: (position) => position >= 2 && position <= 5,
  scrolling: true,
  selected: undefined,
  ...over,
});
const sorted = (s: Set<string>) => [...s].sort();

describe('rowsToDraw', () => {
  it('draws every row in view at once when the list is not scrolling, and the others within the allowance', () => {
    const { full, spent } = rowsToDraw(list({ scrolling: false }), new Set(), 1);
    expect(sorted(full)).toEqual(['a', 'c', 'd', 'e', 'f']);
    expect(spent).toBe(true);
  });

  it('while scrolling, draws only the allowance of new rows, those in view first', () => {
    const { full } = rowsToDraw(list(), new Set(), 3);
    expect(sorted(full)).toEqual(['c', 'd', 'e']);
  });

  it('keeps every row drawn before, and spends nothing when no allowance is left', () => {
    const { full, spent } = rowsToDraw(list(), new Set(['c', 'd', 'e', 'h', 'gone']), 0);
    expect(sorted(full)).toEqual(['c', 'd', 'e', 'h']);
    expect(spent).toBe(false);
  });

  it('goes on with the rows out of view once those in view are drawn', () => {
    const { full } = rowsToDraw(list(), new Set(['c', 'd', 'e', 'f']), 3);
    expect(sorted(full)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('draws the selected row in full at once, whatever the allowance', () => {
    const { full, spent } = rowsToDraw(list({ selected: 'h' }), new Set(), 0);
    expect(sorted(full)).toEqual(['h']);
    expect(spent).toBe(false);
  });
});
