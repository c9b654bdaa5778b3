// Where the focus goes after a Confirm that left something to fix: the first element marked invalid in the form's
// order. A field is focused itself; a group marked as a whole (the caller verification's choice of method, a
// radiogroup) hands the focus to its chosen option, or to its first one, so the agent can choose with the arrows.

const CONTROL = 'input, textarea, select, button';

/** The first focusable field of the first element marked `aria-invalid="true"` in `form`, or null. */
export function firstInvalidField(form: HTMLElement): HTMLElement | null {
  const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!invalid) return null;
  if (invalid.matches(CONTROL)) return invalid;
  const enabled = `:is(${CONTROL}):not(:disabled)`;
  return (
    invalid.querySelector<HTMLElement>(`input:checked:not(:disabled)`) ??
    invalid.querySelector<HTMLElement>(enabled)
  );
}
