'use client';
// Where the device page includes the timeline: its code loads after the page's own (the device page's first-load
// JS is at its budget). React's own lazy, not next/dynamic: that one adds its loader to the page's first load.
// The page renders it only in the browser, after the device has loaded with the agent's token.
import { lazy, Suspense } from 'react';

const DeviceTimeline = lazy(() =>
  import('./device-timeline').then((m) => ({ default: m.DeviceTimeline })),
);

export function DeviceTimelineSlot({ deviceId }: { deviceId: string }) {
  return (
    <Suspense
      fallback={
        <div
          aria-hidden="true"
          className="h-40 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800"
        />
      }
    >
      <DeviceTimeline deviceId={deviceId} />
    </Suspense>
  );
}
