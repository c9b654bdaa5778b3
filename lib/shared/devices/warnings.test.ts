import { describe, expect, it } from 'vitest';
import type { DeviceListItem, ListingFacts } from './types';
import { deviceWarnings } from './warnings';

const now = Date.parse('2026-11-28T10:00:00Z');
const d = (over: Partial<DeviceListItem & ListingFacts>): DeviceListItem & ListingFacts => ({
  twins: null,
  listedFor: null,
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
  it("words the server's twins: how many, and whether this one synced last", () => {
    const other = { id: '2', serialNumber: 'T', lastSyncDateTime: '2026-10-01T09:00:00Z' };
    expect(deviceWarnings(d({ twins: { newest: true, others: [other] } }), now)).toEqual([
      { kind: 'sameName', count: 2, name: 'iPhone', newest: true },
    ]);
    expect(deviceWarnings(d({ twins: { newest: false, others: [other] } }), now)).toEqual([
      { kind: 'sameName', count: 2, name: 'iPhone', newest: false },
    ]);
  });

  it('says when the device is listed for someone who is not its primary user', () => {
    expect(deviceWarnings(d({ listedFor: 'zoe@contoso.com' }), now)).toEqual([
      { kind: 'otherPrimaryUser', listedFor: 'zoe@contoso.com', primary: 'A' },
    ]);
    expect(
      deviceWarnings(
        d({ listedFor: 'zoe@contoso.com', userDisplayName: '', userPrincipalName: '' }),
        now,
      ),
    ).toEqual([{ kind: 'otherPrimaryUser', listedFor: 'zoe@contoso.com', primary: null }]);
  });

  it('warns after 7 days without sync, and when a wipe or retire is pending', () => {
    const stale = d({ lastSyncDateTime: '2026-11-20T09:00:00Z' });
    expect(deviceWarnings(stale, now)).toEqual([{ kind: 'stale', days: 8 }]);
    const recent = d({ lastSyncDateTime: '2026-11-21T10:00:01Z' }); // 6 days and 23:59:59 ago
    expect(deviceWarnings(recent, now)).toEqual([]);
    expect(deviceWarnings(d({ managementState: 'wipePending' }), now)).toEqual([
      { kind: 'managementPending', what: 'wipe' },
    ]);
    expect(deviceWarnings(d({ managementState: 'retirePending' }), now)).toEqual([
      { kind: 'managementPending', what: 'retire' },
    ]);
    const fine = d({
      operatingSystem: 'Android',
      managementAgent: 'googleCloudDevicePolicyController',
    });
    expect(deviceWarnings(fine, now)).toEqual([]);
  });
});
