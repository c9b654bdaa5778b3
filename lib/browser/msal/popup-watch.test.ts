import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARM_AFTER_MS, CLOSED_GRACE_MS, FOCUS_GRACE_MS, POLL_MS, watchPopup } from './popup-watch';

class FakeWindow {
  private readonly listeners = new Set<() => void>();
  addEventListener(_: 'focus', l: () => void) {
    this.listeners.add(l);
  }
  removeEventListener(_: 'focus', l: () => void) {
    this.listeners.delete(l);
  }
  focus() {
    for (const l of this.listeners) l();
  }
  get listening() {
    return this.listeners.size;
  }
}

describe('watchPopup', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('settles as closed within a poll and a grace once a popup seen open is closed', async () => {
    const popup = { closed: false };
    const onArmed = vi.fn();
    const watch = watchPopup(popup, { focusTarget: new FakeWindow(), onArmed, now: Date.now });
    const outcome = vi.fn();
    void watch.abandoned.then(outcome);
    await vi.advanceTimersByTimeAsync(ARM_AFTER_MS + 250);
    expect(onArmed).toHaveBeenCalledOnce();
    popup.closed = true;
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(outcome).not.toHaveBeenCalled(); // seen, but the bridge's answer may still be on its way
    await vi.advanceTimersByTimeAsync(CLOSED_GRACE_MS);
    expect(outcome).toHaveBeenCalledWith('closed');
    expect(POLL_MS + CLOSED_GRACE_MS).toBeLessThan(1000); // settles within a second of the window closing
  });

  it("ignores a handle that reads closed from the start (severed by the other side's COOP)", async () => {
    const popup = { closed: false };
    const onArmed = vi.fn();
    const watch = watchPopup(popup, { focusTarget: new FakeWindow(), onArmed, now: Date.now });
    const outcome = vi.fn();
    void watch.abandoned.then(outcome);
    popup.closed = true; // the first navigation to the identity provider
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onArmed).not.toHaveBeenCalled();
    expect(outcome).not.toHaveBeenCalled();
    watch.stop();
  });

  it('settles as left when this window gets the focus back and nothing follows, and stops listening', async () => {
    const win = new FakeWindow();
    const watch = watchPopup({ closed: true }, { focusTarget: win, now: Date.now });
    const outcome = vi.fn();
    void watch.abandoned.then(outcome);
    win.focus();
    await vi.advanceTimersByTimeAsync(FOCUS_GRACE_MS - 50);
    expect(outcome).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(outcome).toHaveBeenCalledWith('left');
    expect(win.listening).toBe(0);
  });

  it('says nothing once stopped (the answer came)', async () => {
    const win = new FakeWindow();
    const popup = { closed: false };
    const watch = watchPopup(popup, { focusTarget: win, now: Date.now });
    const outcome = vi.fn();
    void watch.abandoned.then(outcome);
    watch.stop();
    popup.closed = true;
    win.focus();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(outcome).not.toHaveBeenCalled();
  });
});
