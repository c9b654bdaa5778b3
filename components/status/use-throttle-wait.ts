'use client';
// How long the tab still waits because Graph asked it to (the shared 429 gate), in whole seconds, ticking.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { throttleGate, type GateState } from '@/lib/browser/api/throttle-gate';

const serverSnapshot: GateState = { until: 0, source: null };

export function useThrottleWait(): { seconds: number; source: GateState['source'] } {
  const state = useSyncExternalStore(
    throttleGate.subscribe,
    throttleGate.snapshot,
    () => serverSnapshot,
  );
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (state.until === 0) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 250);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [state.until]);
  const seconds = Math.max(0, Math.ceil((state.until - now) / 1000));
  return { seconds, source: seconds > 0 ? state.source : null };
}
