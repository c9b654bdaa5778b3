import { describe, expect, it } from 'vitest';
import { ToastHold, type HeldToast, type ToastSurface } from './toast-hold';

/** A toaster that records what is on screen. */
function fakeSurface() {
  const screen = new Map<number, { toast: HeldToast; gone: () => void }>();
  let next = 0;
  const surface: ToastSurface = {
    show: (toast, gone) => {
      next += 1;
      screen.set(next, { toast, gone });
      return next;
    },
    dismiss: (id) => {
      const entry = screen.get(id as number);
      screen.delete(id as number);
      entry?.gone();
    },
  };
  const texts = () => [...screen.values()].map((e) => e.toast.text);
  const expire = (text: string) => {
    for (const [id, e] of screen)
      if (e.toast.text === text) {
        screen.delete(id);
        e.gone();
      }
  };
  return { surface, texts, expire };
}

const done = (text: string): HeldToast => ({ kind: 'success', text });

describe('ToastHold', () => {
  it('shows a toast at once while no dialog is open', () => {
    const { surface, texts } = fakeSurface();
    new ToastHold(surface).raise(done('A: Done'));
    expect(texts()).toEqual(['A: Done']);
  });

  it('holds a toast raised while a dialog is open and shows it when the dialog closes', () => {
    const { surface, texts } = fakeSurface();
    const hold = new ToastHold(surface);
    hold.modalChanged(true);
    hold.raise(done('A: Done'));
    expect(texts()).toEqual([]);
    hold.modalChanged(false);
    expect(texts()).toEqual(['A: Done']);
  });

  it('takes down the toasts on screen when a dialog opens and brings them back after', () => {
    const { surface, texts } = fakeSurface();
    const hold = new ToastHold(surface);
    hold.raise(done('A: Done'));
    hold.raise(done('B: Failed'));
    hold.modalChanged(true);
    expect(texts()).toEqual([]);
    hold.modalChanged(false);
    expect(texts()).toEqual(['A: Done', 'B: Failed']);
  });

  it('does not bring back a toast that had already gone before the dialog opened', () => {
    const { surface, texts, expire } = fakeSurface();
    const hold = new ToastHold(surface);
    hold.raise(done('A: Done'));
    expire('A: Done');
    hold.modalChanged(true);
    hold.modalChanged(false);
    expect(texts()).toEqual([]);
  });
});
