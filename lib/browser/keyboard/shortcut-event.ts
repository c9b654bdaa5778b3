import 'client-only';
// Whether a key press is meant as one of the console's single-key shortcuts (/, j, k, r, t, ?): not while the
// agent types, not with a modifier (the browser's own shortcuts), and not while a dialog is open (its keys are
// its own).
export function isShortcut(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return false;
  const target = e.target instanceof HTMLElement ? e.target : null;
  if (
    target &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  )
    return false;
  return document.querySelector('[role="dialog"], [role="alertdialog"]') === null;
}
