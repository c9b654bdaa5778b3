import 'client-only';
// One back-off for the whole tab: when Graph says "wait" (429, or 503 with Retry-After), every request
// waits until then, not just the one that was told. Without Retry-After the wait grows exponentially with
// jitter, up to a cap (lib/shared/backoff.ts, the server's gate uses the same).
import { backoffMs, retryAfterMs } from '@/lib/shared/backoff';

export interface GateState {
  /** Epoch ms until which requests wait; 0 when not throttled. */
  until: number;
  /** Whether the wait came from Graph's Retry-After or from our own back-off. */
  source: 'retryAfter' | 'backoff' | null;
}

type Listener = () => void;

export class ThrottleGate {
  private state: GateState = { until: 0, source: null };
  private attempts = 0;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  /** Graph asked us to wait `retryAfterSeconds` (null when it did not say how long). Returns the wait in ms. */
  throttled(retryAfterSeconds: number | null): number {
    const wait =
      retryAfterSeconds !== null
        ? retryAfterMs(retryAfterSeconds)
        : backoffMs(this.attempts, this.random());
    this.attempts++;
    const until = this.now() + wait;
    if (until > this.state.until)
      this.set({ until, source: retryAfterSeconds !== null ? 'retryAfter' : 'backoff' });
    return wait;
  }

  succeeded(): void {
    this.attempts = 0;
    if (this.state.until !== 0 && this.state.until <= this.now())
      this.set({ until: 0, source: null });
  }

  remainingMs(): number {
    return Math.max(0, this.state.until - this.now());
  }

  /** Resolves once the tab may call Graph again. */
  async wait(signal?: AbortSignal): Promise<void> {
    for (let ms = this.remainingMs(); ms > 0; ms = this.remainingMs()) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    }
  }

  snapshot = (): GateState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(state: GateState) {
    this.state = state;
    for (const l of this.listeners) l();
  }
}

/** The tab's gate; the server never imports this. */
export const throttleGate = new ThrottleGate();
