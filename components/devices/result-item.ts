// What each result (a table row or a card) is given: props that stay the same while its device does, so moving
// the selection or scrolling re-renders only the results that changed (they are memoised).
import type { ActionStatus } from '@/lib/shared/actions/types';
import type { RowView } from './row-view';

export interface ItemProps {
  /** The device and everything the row says of it, in words (row-view.ts). */
  view: RowView;
  index: number;
  active: boolean;
  /** False while the list scrolls and the row waits its turn to be drawn in full (use-rows-in-turn.ts). */
  drawn: boolean;
  recent: ActionStatus | null;
  /** A ticking clock (how long ago an action was requested): 0 for a row without a recent action, so it stays put. */
  clock: number;
  /** Stable for the list's life: the row hands its element and its focus back by index. */
  register: (index: number, el: HTMLElement | null) => void;
  activate: (index: number) => void;
}
