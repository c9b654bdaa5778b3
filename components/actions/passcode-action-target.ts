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

// A device with no passcode action carries what it says about it, so `r` on its row says so instead of doing nothing.
const NO_ACTION_ATTRIBUTE = 'data-no-passcode-action';

/** The mark a device without a passcode action carries: the sentence the row shows and its tooltip gives. */
export function noPasscodeActionTarget(text: string): { [NO_ACTION_ATTRIBUTE]: string } {
  return { [NO_ACTION_ATTRIBUTE]: text };
}

/** What the device without a passcode action within `scope` says about it, or null when there is none there. */
export function noPasscodeActionText(scope: ParentNode): string | null {
  return scope.querySelector(`[${NO_ACTION_ATTRIBUTE}]`)?.getAttribute(NO_ACTION_ATTRIBUTE) ?? null;
}
