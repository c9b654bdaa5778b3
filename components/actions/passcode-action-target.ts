'use client';
// The `r` shortcut's one target: a device's passcode-action button, marked by the attribute below. The list (the
// selected row) and the device page both start the action through it, so the dialog opens the same way as a click;
// the list's one dialog finds the button again through it to hand the focus back.
const ATTRIBUTE = 'data-passcode-action';

/** The mark PasscodeAction's button carries for its device. */
export function passcodeActionTarget(deviceId: string): { [ATTRIBUTE]: string } {
  return { [ATTRIBUTE]: deviceId };
}

/** The device's passcode-action button within `scope`, or null when it has none there. */
export function passcodeActionButton(
  scope: ParentNode,
  deviceId: string,
): HTMLButtonElement | null {
  return scope.querySelector<HTMLButtonElement>(`[${ATTRIBUTE}="${CSS.escape(deviceId)}"]`);
}

/** Focuses and clicks the device's passcode-action button within `scope`; false when it has none there. */
export function startPasscodeAction(scope: ParentNode, deviceId: string): boolean {
  const button = passcodeActionButton(scope, deviceId);
  if (!button) return false;
  button.focus();
  button.click();
  return true;
}
