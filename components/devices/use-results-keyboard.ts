'use client';
// Keyboard for the search results: arrow keys, Home and End move through the rows, Enter opens a device; anywhere
// on the page (not while typing) j and k move and r starts the selected device's passcode action through its dialog.
// The search box may hand the focus to the selected row (arrow-down from the box). The row keys act only on a
// focused row: on a button inside it, Enter is the button's, and every other key goes on to the page's shortcuts.
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from 'react';
import {
  noPasscodeActionText,
  startPasscodeAction,
} from '@/components/actions/passcode-action-target';
import { notify } from '@/components/ui/toasts';
import { isShortcut } from '@/lib/browser/keyboard/shortcut-event';

/** What the search box may ask of the results: take the focus (arrow-down from the box). */
export interface ResultsHandle {
  focusSelected(): void;
}

export function useResultsKeyboard({
  count,
  deviceIdAt,
  resetOn,
  scrollToIndex,
  open,
  handle,
}: {
  count: number;
  /** The device shown in row `index`, whose passcode action `r` starts. */
  deviceIdAt: (index: number) => string | undefined;
  /** A new search selects the first row again. */
  resetOn: unknown;
  scrollToIndex: (index: number) => void;
  open: (index: number) => void;
  handle: Ref<ResultsHandle> | undefined;
}) {
  const [active, setActive] = useState(0);
  const rowRefs = useRef(new Map<number, HTMLElement>());
  const registerRow = useCallback((index: number, el: HTMLElement | null) => {
    if (el) rowRefs.current.set(index, el);
    else rowRefs.current.delete(index);
  }, []);

  // Reset while rendering (React's pattern for state that follows a prop), not in an effect after it.
  const [searched, setSearched] = useState(resetOn);
  if (searched !== resetOn) {
    setSearched(resetOn);
    setActive(0);
  }

  /** Selects row `index` (clamped), scrolls it into view and focuses it; then `andThen` with the row. */
  const select = (index: number, andThen?: (row: HTMLElement) => void) => {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    scrollToIndex(next);
    const land = (row: HTMLElement | undefined) => {
      row?.focus();
      if (row) andThen?.(row);
    };
    // A row on screen takes the focus at once, so the next key pressed lands on it; one scrolled out of the
    // virtualised list exists only after the next render.
    const rendered = rowRefs.current.get(next);
    if (rendered) land(rendered);
    else requestAnimationFrame(() => land(rowRefs.current.get(next)));
  };
  const selectRef = useRef(select);
  const deviceIdRef = useRef(deviceIdAt);
  useEffect(() => {
    selectRef.current = select;
    deviceIdRef.current = deviceIdAt;
  });
  useImperativeHandle(handle, () => ({ focusSelected: () => selectRef.current(active) }), [active]);

  // j and k move, r starts the passcode action of the selected device: anywhere on the page, not while typing.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!isShortcut(e) || count === 0) return;
      if (e.key === 'j' || e.key === 'k') {
        e.preventDefault();
        selectRef.current(active + (e.key === 'j' ? 1 : -1));
      } else if (e.key === 'r') {
        e.preventDefault();
        const deviceId = deviceIdRef.current(active);
        // A device without a passcode action says why (the row's own words, as a toast the screen reader hears
        // too): a key that did nothing left the agent guessing whether it was pressed.
        if (deviceId)
          selectRef.current(active, (row) => {
            if (startPasscodeAction(row, deviceId)) return;
            const text = noPasscodeActionText(row);
            if (text) notify('warning', text);
          });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, count]);

  /** Whether a key press is the row's own (not that of a button or link inside it). */
  const isRow = (target: EventTarget) =>
    target instanceof HTMLElement && [...rowRefs.current.values()].includes(target);

  /** On the rows' container (the table body or the card list). */
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (!isRow(e.target)) return;
    const move =
      e.key === 'ArrowDown'
        ? 1
        : e.key === 'ArrowUp'
          ? -1
          : e.key === 'Home'
            ? -Infinity
            : e.key === 'End'
              ? Infinity
              : 0;
    if (move !== 0) {
      e.preventDefault();
      select(active + move);
    } else if (e.key === 'Enter') {
      open(active);
    }
  };

  return { active, setActive, registerRow, onKeyDown };
}
