import { describe, expect, it } from 'vitest';
import type { DeviceListItem } from './types';
import { countSameNames, deviceWarnings } from './warnings';

const now = Date.parse('2026-11-28T10:00:00Z');
const d = (over: Partial<DeviceListItem>): DeviceListItem => ({
  id: 'x',
  deviceName: 'iPhone',
  userId: 'u1',
  userPrincipalName: 'a@contoso.com',
  userDisplayName: 'A',
  emailAddress: '',
  operatingSystem: 'iOS',
  osVersion: '18',
  managementAgent: 'mdm',
  model: '',
  manufacturer: 'Apple',
  serialNumber: 'S',
  imei: '',
  managedDeviceOwnerType: 'company',
  deviceEnrollmentType: 'appleBulkWithUser',
  isSupervised: true,
  managementState: 'managed',
  complianceState: 'compliant',
  lastSyncDateTime: '2026-11-28T09:00:00Z',
  ...over,
});

describe('device warnings', () => {
  it('warns about two devices of the same name for one user, not across users', () => {
    const list = [
      d({ id: '1' }),
      d({ id: '2', deviceName: 'IPHONE' }),
      d({ id: '3', userId: 'u2' }),
    ];
    const counts = countSameNames(list);
    expect(deviceWarnings(list[0] as DeviceListItem, counts, now)).toEqual([
      { kind: 'sameName', count: 2, name: 'iPhone' },
    ]);
    expect(deviceWarnings(list[2] as DeviceListItem, counts, now)).toEqual([]);
  });

  it('warns after 7 days without sync, and when a wipe or retire is pending', () => {
    const stale = d({ lastSyncDateTime: '2026-11-20T09:00:00Z' });
    expect(deviceWarnings(stale, countSameNames([stale]), now)).toEqual([
      { kind: 'stale', days: 8 },
    ]);
    const recent = d({ lastSyncDateTime: '2026-11-21T10:00:01Z' }); // 6 days and 23:59:59 ago
    expect(deviceWarnings(recent, countSameNames([recent]), now)).toEqual([]);
    const wiping = d({ managementState: 'wipePending' });
    expect(deviceWarnings(wiping, countSameNames([wiping]), now)).toEqual([
      { kind: 'managementPending', what: 'wipe' },
    ]);
    const retiring = d({ managementState: 'retirePending' });
    expect(deviceWarnings(retiring, countSameNames([retiring]), now)).toEqual([
      { kind: 'managementPending', what: 'retire' },
    ]);
    const fine = d({
      operatingSystem: 'Android',
      managementAgent: 'googleCloudDevicePolicyController',
    });
    expect(deviceWarnings(fine, countSameNames([fine]), now)).toEqual([]);
  });
});
