// What each result (a table row or a card) is given: props that stay the same while its device does, so moving
// the selection or scrolling re-renders only the results that changed (they are memoised).
import type { ActionStatus } from '@/lib/shared/actions/types';
import type { ListedDevice } from '@/lib/shared/devices/types';
import type { DeviceWarning } from '@/lib/shared/devices/warnings';

export interface ItemProps {
  device: ListedDevice;
  index: number;
  active: boolean;
  warnings: DeviceWarning[];
  recent: ActionStatus | null;
  /** When the list's data arrived (warnings, last sync), and a ticking clock (how long ago an action was requested). */
  now: number;
  clock: number;
  /** Stable for the list's life: the row hands its element and its focus back by index. */
  register: (index: number, el: HTMLElement | null) => void;
  activate: (index: number) => void;
}

export const NO_WARNINGS: DeviceWarning[] = [];
