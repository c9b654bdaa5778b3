// What a result row (or card) shows of a device, in words, worked out once per device when its page of data arrives
// rather than on every render: a row then only draws strings, so scrolling and arrowing cost no formatting.
import type { ListedDevice } from '@/lib/shared/devices/types';
import type { PasscodePlan } from '@/lib/shared/devices/passcode-plan';
import { deviceHref } from '@/lib/shared/devices/device-href';
import { deviceWarnings, type DeviceWarning } from '@/lib/shared/devices/warnings';

type AvailablePlan = Extract<PasscodePlan, { available: true }>;
type UnavailablePlan = Extract<PasscodePlan, { available: false }>;

/** The list's words and formats, in the agent's language (use-row-words.ts builds them). */
export interface RowWords {
  compliance: (state: ListedDevice['complianceState']) => string;
  warning: (w: DeviceWarning) => { text: string; short: string };
  neverSynced: string;
  /** The date a row shows, the full time on hover, and how long before `now`. */
  syncDate: (date: Date) => string;
  syncTime: (date: Date) => string;
  ago: (date: Date, now: number) => string;
  actionLabel: (plan: AvailablePlan) => string;
  /** The button's accessible name: the action and the device it acts on. */
  actionName: (device: ListedDevice, label: string) => string;
  noActionReason: (plan: UnavailablePlan) => string;
  noActionShortReason: (plan: UnavailablePlan) => string;
}

export interface RowTag {
  kind: DeviceWarning['kind'];
  short: string;
  text: string;
}

export type RowAction =
  | { available: true; plan: AvailablePlan; label: string; name: string }
  | { available: false; plan: UnavailablePlan; reason: string; short: string };

export interface RowView {
  device: ListedDevice;
  href: string;
  /** As data, for the confirm dialog; `tags` are the same in words. */
  warnings: DeviceWarning[];
  tags: RowTag[];
  compliance: string;
  sync:
    | { synced: true; iso: string; date: string; time: string; ago: string }
    | { synced: false; text: string };
  action: RowAction;
}

/** A device's row in words; warnings and "how long ago" are judged at `now`, when its data arrived. */
export function rowView(device: ListedDevice, now: number, words: RowWords): RowView {
  const warnings = deviceWarnings(device, now);
  const iso = device.lastSyncDateTime;
  const date = iso === null ? null : new Date(iso);
  const plan = device.passcodePlan;
  let action: RowAction;
  if (plan.available) {
    const label = words.actionLabel(plan);
    action = { available: true, plan, label, name: words.actionName(device, label) };
  } else {
    action = {
      available: false,
      plan,
      reason: words.noActionReason(plan),
      short: words.noActionShortReason(plan),
    };
  }
  return {
    device,
    href: deviceHref(device),
    warnings,
    tags: warnings.map((w) => ({ kind: w.kind, ...words.warning(w) })),
    compliance: words.compliance(device.complianceState),
    sync:
      iso === null || date === null
        ? { synced: false, text: words.neverSynced }
        : {
            synced: true,
            iso,
            date: words.syncDate(date),
            time: words.syncTime(date),
            ago: words.ago(date, now),
          },
    action,
  };
}

/**
 * Keeps each device's view while its data stays: when a further page is appended, the rows already shown keep theirs
 * (same objects, so the memoised rows do not draw again) and only the new devices are worked out, at the new page's
 * time. New words (another language), or data that arrived anew (a refetch, another search), start afresh.
 */
export class RowViewCache {
  #views = new WeakMap<ListedDevice, RowView>();
  #pages: readonly unknown[] = [];
  #now = Number.NaN;
  readonly #words: RowWords;

  constructor(words: RowWords) {
    this.#words = words;
  }

  /** The views of `devices` (all of them from `pages`), whose data arrived at `now`. */
  views(pages: readonly unknown[], devices: readonly ListedDevice[], now: number): RowView[] {
    const appended =
      pages.length > this.#pages.length &&
      this.#pages.length > 0 &&
      this.#pages.every((p, i) => pages[i] === p);
    if (now !== this.#now && !appended) this.#views = new WeakMap();
    this.#pages = pages;
    this.#now = now;
    return devices.map((d) => {
      const known = this.#views.get(d);
      if (known) return known;
      const view = rowView(d, now, this.#words);
      this.#views.set(d, view);
      return view;
    });
  }
}
