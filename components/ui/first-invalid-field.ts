// Where the focus goes after a Confirm that left something to fix: the first part marked invalid in the form's
// order. A field takes the focus itself; a group marked as a whole (the caller verification's choice of method, a
// radiogroup: ARIA marks the group, not one radio) hands it to its chosen option, or its first one, as Tab would.

/** The field to focus for the first element of `form` marked `aria-invalid="true"`, or null. */
export function firstInvalidField(form: HTMLFormElement): HTMLElement | null {
  const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!invalid || invalid.matches('input, textarea, select')) return invalid;
  return (
    invalid.querySelector<HTMLElement>('input:checked:not(:disabled)') ??
    invalid.querySelector<HTMLElement>('input:not(:disabled), textarea, select')
  );
}
