// Toasts wait while a modal dialog is open: a toast drawn over the dialog would hide its text or its buttons. A toast
// raised meanwhile is held, one on screen when a dialog opens is taken down and held, and all of them show once the
// last dialog closes. The tray's live region announces each change anyway, so nothing goes unsaid meanwhile. Pure
// (the toaster and the DOM are passed in), so the rules are unit-tested.

export interface HeldToast {
  kind: 'success' | 'warning';
  text: string;
}

/** What the hold needs from the toast library: show one (with a callback once it is gone) and take one down. */
export interface ToastSurface {
  show: (toast: HeldToast, gone: () => void) => string | number;
  dismiss: (id: string | number) => void;
}

export class ToastHold {
  private held: HeldToast[] = [];
  private onScreen = new Map<string | number, HeldToast>();
  private modalOpen = false;

  constructor(private readonly surface: ToastSurface) {}

  /** A new toast: shown now, or held while a modal dialog is open. */
  raise(toast: HeldToast): void {
    if (this.modalOpen) this.held.push(toast);
    else this.show(toast);
  }

  /** A modal dialog opened or the last one closed: toasts on screen are held, or the held ones shown. */
  modalChanged(open: boolean): void {
    if (open === this.modalOpen) return;
    this.modalOpen = open;
    if (open) {
      for (const [id, toast] of this.onScreen) {
        this.held.push(toast);
        this.surface.dismiss(id);
      }
      this.onScreen.clear();
    } else {
      for (const toast of this.held.splice(0)) this.show(toast);
    }
  }

  private show(toast: HeldToast): void {
    let gone = false;
    const id = this.surface.show(toast, () => {
      gone = true;
      this.onScreen.delete(id);
    });
    if (!gone) this.onScreen.set(id, toast);
  }
}
