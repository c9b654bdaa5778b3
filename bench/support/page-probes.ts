// What the interaction benchmark records inside the page, from the first script on: Event Timing entries (INP's
// raw material), long animation frames, the timestamps of Enter key-downs, when each /api/devices request
// started, and the longest gap between animation frames while a probe is running. Installed with
// page.addInitScript, so it runs before the console's own code in every document.

export interface ProbeEvent {
  name: string;
  start: number;
  duration: number;
  interactionId: number;
  /** Where the time went: waiting for the main thread, running handlers, then until the next frame was painted. */
  inputDelay: number;
  processing: number;
  presentation: number;
}
export interface ProbeFrame {
  start: number;
  duration: number;
  blocking: number;
  /** The frame's longest script, as the Long Animation Frames API attributes it (what ran, from which file). */
  topScript: { invoker: string; source: string; duration: number } | null;
}
export interface ProbeState {
  events: ProbeEvent[];
  frames: ProbeFrame[];
  enterDowns: number[];
  apiStarts: { url: string; start: number }[];
  /** Fetches of RSC payloads (Next adds `_rsc=` to their URLs): navigations and prefetches alike. */
  rscFetches: { url: string; start: number; end: number }[];
  rafMaxGap: number;
  rafRunning: boolean;
}

declare global {
  interface Window {
    __bench: ProbeState;
  }
}

/**
 * tsx compiles with esbuild's keepNames, which wraps named functions in a `__name(…)` helper that exists in Node
 * only; functions sent to the page would throw without this stand-in. Add it first with page.addInitScript.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

/** Runs in the page (serialised by Playwright): keep it self-contained. */
export function installProbes(): void {
  const state: ProbeState = {
    events: [],
    frames: [],
    enterDowns: [],
    apiStarts: [],
    rscFetches: [],
    rafMaxGap: 0,
    rafRunning: false,
  };
  window.__bench = state;
  // INP counts interactions (click, tap, key press); 16 ms is the lowest threshold Event Timing accepts.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceEventTiming[]) {
      if (!e.interactionId) continue;
      state.events.push({
        name: e.name,
        start: e.startTime,
        duration: e.duration,
        interactionId: e.interactionId,
        inputDelay: e.processingStart - e.startTime,
        processing: e.processingEnd - e.processingStart,
        presentation: e.startTime + e.duration - e.processingEnd,
      });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  try {
    new PerformanceObserver((list) => {
      type Script = { invoker?: string; sourceURL?: string; duration: number };
      for (const e of list.getEntries() as (PerformanceEntry & {
        blockingDuration?: number;
        scripts?: Script[];
      })[]) {
        const top = [...(e.scripts ?? [])].sort((a, b) => b.duration - a.duration)[0];
        state.frames.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration ?? 0,
          topScript: top
            ? {
                invoker: top.invoker ?? '',
                source: (top.sourceURL ?? '').split('/').pop() ?? '',
                duration: top.duration,
              }
            : null,
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // a browser without the Long Animation Frames API: the figure stays unmeasured
  }
  // Resource entries past the buffer's 250 would be dropped: an observer sees them all.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceResourceTiming[]) {
      if (new URL(e.name).pathname === '/api/devices')
        state.apiStarts.push({ url: e.name, start: e.startTime });
      if (e.name.includes('_rsc='))
        state.rscFetches.push({ url: e.name, start: e.startTime, end: e.responseEnd });
    }
  }).observe({ type: 'resource', buffered: true });
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter') state.enterDowns.push(e.timeStamp);
    },
    true,
  );
}

/** Starts measuring the longest gap between two animation frames (stop with stopFrameGaps). */
export function startFrameGaps(): void {
  const state = window.__bench;
  state.rafMaxGap = 0;
  state.rafRunning = true;
  let last = performance.now();
  const tick = (now: number) => {
    state.rafMaxGap = Math.max(state.rafMaxGap, now - last);
    last = now;
    if (state.rafRunning) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export function stopFrameGaps(): number {
  window.__bench.rafRunning = false;
  return window.__bench.rafMaxGap;
}

/**
 * INP from Event Timing entries: each interaction counts with its longest event; with fewer than 50 interactions
 * the worst one, otherwise the one at the 98th percentile (web-vitals ignores one per 50, as Chrome does).
 * `performed` is how many interactions the benchmark made: those under 16 ms leave no entry but still count.
 */
export function inpOf(
  events: ProbeEvent[],
  performed = 0,
): { inp: number; interactions: number; worst: ProbeEvent | null } {
  const byId = new Map<number, ProbeEvent>();
  for (const e of events) {
    const seen = byId.get(e.interactionId);
    if (!seen || e.duration > seen.duration) byId.set(e.interactionId, e);
  }
  const sorted = [...byId.values()].sort((a, b) => b.duration - a.duration);
  const skip = Math.min(sorted.length - 1, Math.floor(Math.max(performed, sorted.length) / 50));
  return {
    inp: sorted[Math.max(0, skip)]?.duration ?? 0,
    interactions: sorted.length,
    worst: sorted[0] ?? null,
  };
}
