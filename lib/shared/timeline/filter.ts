// What the timeline shows for the kinds the agent picked: their entries, and which of their sources could not be
// read (so a filtered view never reads as "nothing happened"). The pinned wipe or retire is shown whatever is
// picked: it changes what the agent may do on the device.
import type { DeviceTimeline, SourceStatus, TimelineEntry, TimelineKind } from './types';

export interface TimelineView {
  pinned: DeviceTimeline['pinned'];
  entries: TimelineEntry[];
  unavailable: Extract<SourceStatus, { available: false }>[];
  /** The device never checked in, and check-ins are shown. */
  neverCheckedIn: boolean;
}

export function timelineView(
  timeline: DeviceTimeline,
  shown: ReadonlySet<TimelineKind>,
): TimelineView {
  return {
    pinned: timeline.pinned,
    entries: timeline.entries.filter((e) => shown.has(e.kind)),
    unavailable: timeline.sources.filter(
      (s): s is Extract<SourceStatus, { available: false }> => !s.available && shown.has(s.kind),
    ),
    neverCheckedIn: shown.has('checkIn') && timeline.neverCheckedIn === true,
  };
}
