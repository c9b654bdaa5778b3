// An MSAL instance that tells who asks about each popup it opens (ConsoleMsal, lib/browser/msal/msal-instance.ts),
// recognised by its shape: the action's code must not import the class, which would pull MSAL into its chunk.

export interface PopupNotifier {
  /** Calls `listener` with the popup of the next interaction; returns the function that stops it. */
  onPopup(listener: (popup: Window) => void): () => void;
}

export function notifiesPopups(msal: object): msal is PopupNotifier {
  return typeof (msal as Partial<PopupNotifier>).onPopup === 'function';
}
