// Brings a field that has just taken the focus into view in its scrolling dialog, and keeps it there while parts of
// the dialog above it are still arriving. The confirm dialog's Caller panel (and other parts read as it opens) can
// load after an empty Confirm has scrolled to the invalid field; on a phone the panel alone grows by some 830 px
// above it, which pushed the field out of view below the sticky footer. The browser does not keep it there for us:
// Chromium's scroll anchoring left it 833 px lower (measured at 390×844), and not every browser anchors at all.

/**
 * Scrolls `field` to the middle of its scroller, then, until it loses the focus, back into view ('nearest': not at
 * all while it is in view) whenever `content` changes size. Returns a function that stops watching; `onStop` is
 * called once when watching stops, whether by that function or by the field losing the focus.
 */
export function keepFieldInView(
  field: HTMLElement,
  content: HTMLElement,
  onStop?: () => void,
): () => void {
  field.scrollIntoView({ block: 'center' });
  // Called after layout and before paint, so a field pushed down is back in view before the agent sees it move.
  const observer = new ResizeObserver(() => {
    if (document.activeElement === field) field.scrollIntoView({ block: 'nearest' });
  });
  observer.observe(content);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    field.removeEventListener('blur', stop);
    onStop?.();
  };
  field.addEventListener('blur', stop);
  return stop;
}
