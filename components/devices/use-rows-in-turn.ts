'use client';
// Which rows of the virtualised table are drawn in full. A flick of the wheel brings a dozen or more rows into the
// list at once, and drawing all of them in one frame (their elements, styles, text and the table's layout) kept the
// browser from painting for 150–250 ms on a slow laptop (4× CPU throttling): the list froze, then jumped. So while
// the list scrolls, a frame draws at most a few new rows in full, the ones in view first; the others show the
// device's name and user, the words an agent scans for, and are completed a few per frame after each paint. A row
// drawn in full stays so while it is on the list, and the selected row is always drawn in full (its keys act on its
// button). When the list is not scrolling (a search's first page), every row in view is drawn in full at once.
import { useEffect, useState } from 'react';

/** How many new rows one frame draws in full while the list scrolls, beyond those drawn already. */
const ROWS_PER_FRAME = 3;

export interface RowsInTurn {
  /** The rows on the list (the virtualiser's items, overscan included), in order. */
  keys: readonly string[];
  /** Whether the row at this position of `keys` is in view: those are drawn before the ones above or below it. */
  inView: (position: number) => boolean;
  scrolling: boolean;
  /** The selected row, drawn in full at once. */
  selected: string | undefined;
}

/** Which rows this frame draws in full, given those drawn before and how many new ones it may add. */
export function rowsToDraw(
  { keys, inView, scrolling, selected }: RowsInTurn,
  drawnBefore: ReadonlySet<string>,
  allowance: number,
): { full: Set<string>; spent: boolean } {
  const full = new Set<string>();
  const inViewWaiting: string[] = [];
  const outOfView: string[] = [];
  keys.forEach((key, position) => {
    if (drawnBefore.has(key) || key === selected) full.add(key);
    else if (!inView(position)) outOfView.push(key);
    else if (scrolling) inViewWaiting.push(key);
    else full.add(key);
  });
  const added = [...inViewWaiting, ...outOfView].slice(0, allowance);
  for (const key of added) full.add(key);
  return { full, spent: added.length > 0 };
}

interface Drawn {
  /** The rows drawn in full (only rows still on the list). */
  keys: ReadonlySet<string>;
  /** The occasion (a scroll, a turn after a paint) whose few new rows were drawn: each gets one allowance. */
  spentOn: string;
}

/** Whether a row is drawn in full; `enabled: false` (the phone's cards, few per screen) draws everything at once. */
export function useRowsInTurn(rows: RowsInTurn, enabled: boolean): (key: string) => boolean {
  const [drawn, setDrawn] = useState<Drawn>(() => ({ keys: new Set(), spentOn: '' }));
  // Bumped after a paint while rows wait, which gives the next frame its allowance.
  const [turn, setTurn] = useState(0);
  const occasion = `${turn}:${rows.keys[0] ?? ''}:${rows.keys.length}`;
  const { full, spent } = rowsToDraw(
    rows,
    drawn.keys,
    drawn.spentOn === occasion ? 0 : ROWS_PER_FRAME,
  );
  const waiting = enabled && full.size < rows.keys.length;
  // React's way of keeping what earlier renders decided: set during render, and the render starts again with it, so
  // a row once drawn in full is never sketched again while it stays on the list.
  if (enabled && !sameKeys(full, drawn.keys))
    setDrawn({ keys: full, spentOn: spent ? occasion : drawn.spentOn });

  useEffect(() => {
    if (!waiting) return;
    // After this frame is painted (an animation frame runs before the paint, a timeout set in it after), the next few.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setTurn((n) => n + 1), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [waiting, occasion]);

  return (key) => !enabled || full.has(key);
}

function sameKeys(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const k of a) if (!b.has(k)) return false;
  return true;
}
