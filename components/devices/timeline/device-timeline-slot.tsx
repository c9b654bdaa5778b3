'use client';
// Where the device page includes the timeline: its code loads after the page's own (the device page's first-load
// JS is near its budget), and only in the browser, where the agent's token is.
import dynamic from 'next/dynamic';

const DeviceTimeline = dynamic(
  () => import('./device-timeline').then((m) => ({ default: m.DeviceTimeline })),
  {
    ssr: false,
    loading: () => (
      <div
        aria-hidden="true"
        className="h-40 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800"
      />
    ),
  },
);

export function DeviceTimelineSlot({ deviceId }: { deviceId: string }) {
  return <DeviceTimeline deviceId={deviceId} />;
}
