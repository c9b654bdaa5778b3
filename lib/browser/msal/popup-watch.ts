import 'client-only';
// Whether the agent has left an approval popup without answering. MSAL 5 waits for the popup's answer on a
// BroadcastChannel for up to a minute and never looks at the window itself, so an agent who closes the popup with
// its window button would watch "Requesting…" for 60 s. Two signals say it sooner:
// - the popup, seen open, is closed. Only trustworthy where the opener keeps its handle: Microsoft Entra ID serves
//   its pages with a Cross-Origin-Opener-Policy that severs the handle, which then reads `closed` from the first
//   navigation on. A handle already "closed" before ARM_AFTER_MS is taken as severed, and ignored.
// - this window gets the focus back (the popup closed, or the agent clicked back here) and no answer follows
//   within FOCUS_GRACE_MS.
// Either can be wrong (the popup may still be open behind this window); the caller keeps listening for a late
// answer and takes it when it comes.

export const ARM_AFTER_MS = 1000;
export const POLL_MS = 200;
export const FOCUS_GRACE_MS = 1000;
/** The redirect bridge closes the popup right after it sends the answer: give that answer time to arrive first. */
export const CLOSED_GRACE_MS = 500;

export type Abandonment = 'closed' | 'left';

export interface PopupWatch {
  /** Settles when the agent has evidently left the popup; never rejects. */
  abandoned: Promise<Abandonment>;
  stop(): void;
}

interface FocusTarget {
  addEventListener(type: 'focus', listener: () => void): void;
  removeEventListener(type: 'focus', listener: () => void): void;
}

export function watchPopup(
  popup: { readonly closed: boolean },
  opts: { focusTarget: FocusTarget; onArmed?: () => void; now?: () => number },
): PopupWatch {
  const now = opts.now ?? Date.now;
  const openedAt = now();
  let armed = false;
  let stopped = false;
  let grace: ReturnType<typeof setTimeout> | undefined;
  let settle: (why: Abandonment) => void = () => undefined;
  const abandoned = new Promise<Abandonment>((resolve) => {
    settle = resolve;
  });

  const stop = () => {
    stopped = true;
    clearInterval(poll);
    clearTimeout(grace);
    opts.focusTarget.removeEventListener('focus', onFocus);
  };
  const finish = (why: Abandonment) => {
    if (stopped) return;
    stop();
    settle(why);
  };
  function onFocus() {
    if (stopped) return;
    clearTimeout(grace);
    grace = setTimeout(() => finish('left'), FOCUS_GRACE_MS);
  }

  const poll = setInterval(() => {
    if (!armed) {
      if (popup.closed) {
        clearInterval(poll); // severed by the other side's COOP: the handle says nothing from here on
        return;
      }
      if (now() - openedAt >= ARM_AFTER_MS) {
        armed = true;
        opts.onArmed?.();
      }
      return;
    }
    if (popup.closed) {
      clearInterval(poll);
      grace = setTimeout(() => finish('closed'), CLOSED_GRACE_MS);
    }
  }, POLL_MS);
  opts.focusTarget.addEventListener('focus', onFocus);
  return { abandoned, stop };
}
