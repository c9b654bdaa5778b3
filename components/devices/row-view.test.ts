// A row's words are worked out once per device: a further page leaves the rows already shown as they were (the same
// objects, so memoised rows are not drawn again), while new data or another language starts afresh.
import { describe, expect, it, vi } from 'vitest';
import { passcodeActionFor } from '@/lib/shared/devices/passcode-plan';
import type { ListedDevice } from '@/lib/shared/devices/types';
import { RowViewCache, rowView, type RowWords } from './row-view';

const at = (iso: string) => Date.parse(iso);

function device(id: string, over: Partial<ListedDevice> = {}): ListedDevice {
  const base = {
    twins: null,
    listedFor: null,
    id,
    deviceName: `iPhone ${id}`,
    userId: 'u1',
    userPrincipalName: 'zoe@contoso.com',
    userDisplayName: 'Zoe',
    emailAddress: '',
    operatingSystem: 'iOS',
    osVersion: '18.1',
    managementAgent: 'mdm',
    model: 'iPhone 15',
    manufacturer: 'Apple',
    serialNumber: `S${id}`,
    imei: '',
    managedDeviceOwnerType: 'company' as const,
    deviceEnrollmentType: 'appleBulkWithUser',
    isSupervised: true,
    managementState: 'managed',
    complianceState: 'compliant' as const,
    lastSyncDateTime: '2026-11-20T09:00:00Z',
    ...over,
  };
  return { ...base, passcodePlan: passcodeActionFor(base) };
}

const words = (): RowWords => ({
  compliance: (state) => `compliance:${state}`,
  warning: (w) => ({ text: `text:${w.kind}`, short: `short:${w.kind}` }),
  neverSynced: 'never',
  syncDate: (date) => date.toISOString().slice(0, 10),
  syncTime: (date) => date.toISOString(),
  ago: (date, now) => `${Math.round((now - date.getTime()) / 86_400_000)} days ago`,
  actionLabel: (plan) => `label:${plan.kind}`,
  actionName: (d, label) => `${label} for ${d.deviceName}`,
  noActionReason: (plan) => `reason:${plan.reason}`,
  noActionShortReason: (plan) => `short:${plan.reason}`,
});

describe('a row in words', () => {
  it('says the warnings, the sync and the action as the data stood when it arrived', () => {
    const view = rowView(
      device('1', { listedFor: 'ann@contoso.com' }),
      at('2026-11-28T10:00:00Z'),
      words(),
    );
    expect(view.href).toBe('/devices/1?for=ann%40contoso.com');
    expect(view.tags.map((t) => t.short)).toEqual(['short:otherPrimaryUser', 'short:stale']);
    expect(view.warnings).toEqual([
      { kind: 'otherPrimaryUser', listedFor: 'ann@contoso.com', primary: 'Zoe' },
      { kind: 'stale', days: 8 },
    ]);
    expect(view.compliance).toBe('compliance:compliant');
    expect(view.sync).toEqual({
      synced: true,
      iso: '2026-11-20T09:00:00Z',
      date: '2026-11-20',
      time: '2026-11-20T09:00:00.000Z',
      ago: '8 days ago',
    });
    expect(view.action).toMatchObject({
      available: true,
      name: 'label:removePasscode for iPhone 1',
    });
  });

  it('says never synced, and why a device has no passcode action', () => {
    const view = rowView(
      device('2', { operatingSystem: 'macOS', osVersion: '15.1', lastSyncDateTime: null }),
      at('2026-11-28T10:00:00Z'),
      words(),
    );
    expect(view.sync).toEqual({ synced: false, text: 'never' });
    expect(view.tags).toEqual([]);
    expect(view.action).toMatchObject({
      available: false,
      reason: 'reason:macos',
      short: 'short:macos',
    });
  });
});

describe('the rows’ views', () => {
  const page1 = { devices: [device('1'), device('2')] };
  const page2 = { devices: [device('3')] };
  const first = at('2026-11-28T10:00:00Z');
  const later = at('2026-11-28T10:01:00Z');

  it('keeps the shown rows’ views when a page is appended, and judges only the new rows at the new time', () => {
    const build = vi.fn(words().ago);
    const cache = new RowViewCache({ ...words(), ago: build });
    const before = cache.views([page1], page1.devices, first);
    const after = cache.views([page1, page2], [...page1.devices, ...page2.devices], later);
    expect(after.slice(0, 2)).toEqual(before);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(build).toHaveBeenCalledTimes(3);
    expect(build).toHaveBeenLastCalledWith(expect.any(Date), later);
  });

  it('keeps the views when the rows are only sorted anew', () => {
    const cache = new RowViewCache(words());
    const before = cache.views([page1], page1.devices, first);
    const sorted = cache.views([page1], [...page1.devices].reverse(), first);
    expect(sorted[0]).toBe(before[1]);
    expect(sorted[1]).toBe(before[0]);
  });

  it('judges every row again when the same data arrives anew (a refetch), and for another search', () => {
    const cache = new RowViewCache(words());
    const before = cache.views([page1], page1.devices, first);
    const refetched = cache.views([page1], page1.devices, later);
    expect(refetched[0]).not.toBe(before[0]);
    const other = { devices: [device('9')] };
    expect(cache.views([other], other.devices, later)[0]?.device.id).toBe('9');
    // Back to the first search's pages (from the cache, at their time): worked out again, not mixed with the other's.
    expect(cache.views([page1], page1.devices, first)[0]).not.toBe(refetched[0]);
  });
});
