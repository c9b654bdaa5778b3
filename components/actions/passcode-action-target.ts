'use client';
// The `r` shortcut's one target: a device's passcode-action button, marked by the attribute below. The list (the
// selected row) and the device page both start the action through it, so the dialog opens the same way as a click.
const ATTRIBUTE = 'data-passcode-action';

/** The mark PasscodeAction's button carries for its device. */
export function passcodeActionTarget(deviceId: string): { [ATTRIBUTE]: string } {
  return { [ATTRIBUTE]: deviceId };
}

/** Focuses and clicks the device's passcode-action button within `scope`; false when it has none there. */
export function startPasscodeAction(scope: ParentNode, deviceId: string): boolean {
  const button = scope.querySelector<HTMLButtonElement>(`[${ATTRIBUTE}="${CSS.escape(deviceId)}"]`);
  if (!button) return false;
  button.focus();
  button.click();
  return true;
}
