import { describe, expect, it } from 'vitest';
import {
  checkQuery,
  checkStaleDays,
  classifyQuery,
  matchesGraphQuery,
  matchesRefinement,
  searchFromParams,
  searchToParams,
  upnStem,
} from './search';
import { parseSearchParams } from './search-schema';
import type { DeviceListItem } from './types';

const device = (over: Partial<DeviceListItem> = {}): DeviceListItem => ({
  id: '1',
  deviceName: "Zoë's iPhone",
  userId: 'u1',
  userPrincipalName: 'zoe.obrien@contoso.com',
  userDisplayName: "Zoë O'Brien",
  emailAddress: 'zoe.obrien@contoso.com',
  operatingSystem: 'iOS',
  osVersion: '18.1',
  managementAgent: 'mdm',
  model: 'iPhone 15',
  manufacturer: 'Apple',
  serialNumber: 'F2LXK1ABCD',
  imei: '352099001761481',
  managedDeviceOwnerType: 'company',
  deviceEnrollmentType: 'appleBulkWithUser',
  isSupervised: true,
  managementState: 'managed',
  complianceState: 'compliant',
  lastSyncDateTime: '2026-11-28T09:00:00Z',
  ...over,
});

describe('classifyQuery', () => {
  it.each([
    ['zoe.obrien@contoso.com', 'user'],
    ['352099001761481', 'imei'],
    ['35 209900 176148 1', 'imei'],
    ['F2LXK1ABCD', 'serial'],
    ['R58N123ABCD', 'serial'],
    ["Zoë's iPhone", 'name'],
    ['iPhone', 'name'],
    ['CONTOSO-KY8J57Y', 'name'],
    ["O'Brien", 'name'],
  ])('%s is a %s search', (q, kind) => expect(classifyQuery(q)).toBe(kind));
});

describe('matching what Graph returned', () => {
  it('keeps name matches by device name, display name or UPN, and drops the rest', () => {
    expect(matchesGraphQuery(device(), { q: 'iphone' })).toBe(true);
    expect(matchesGraphQuery(device(), { q: "O'Brien" })).toBe(true);
    expect(matchesGraphQuery(device(), { q: 'Zoe OBrien' })).toBe(true);
    expect(
      matchesGraphQuery(
        device({
          deviceName: 'CONTOSO-1',
          userDisplayName: 'Ann Lee',
          userPrincipalName: 'ann.lee@contoso.com',
        }),
        { q: "O'Brien" },
      ),
    ).toBe(false);
  });

  it('drops a device whose serial, IMEI or platform is not what was asked', () => {
    expect(matchesGraphQuery(device(), { q: 'f2lxk1abcd' })).toBe(true);
    expect(matchesGraphQuery(device({ serialNumber: 'OTHER12345' }), { q: 'F2LXK1ABCD' })).toBe(
      false,
    );
    expect(matchesGraphQuery(device({ imei: '111111111111111' }), { q: '352099001761481' })).toBe(
      false,
    );
    expect(matchesGraphQuery(device(), { q: '', os: 'windows' })).toBe(false);
    expect(matchesGraphQuery(device(), { q: '', compliance: 'noncompliant' })).toBe(false);
  });

  it('refines Android Enterprise from device administrator and by last-sync age', () => {
    const now = Date.parse('2026-11-28T10:00:00Z');
    const ae = device({
      operatingSystem: 'Android',
      managementAgent: 'googleCloudDevicePolicyController',
    });
    expect(matchesRefinement(ae, { q: '', os: 'androidEnterprise' }, now)).toBe(true);
    expect(matchesRefinement(ae, { q: '', os: 'androidDeviceAdmin' }, now)).toBe(false);
    expect(matchesRefinement(device(), { q: '', stale: 7 }, now)).toBe(false);
    expect(
      matchesRefinement(
        device({ lastSyncDateTime: '2026-10-01T00:00:00Z' }),
        { q: '', stale: 30 },
        now,
      ),
    ).toBe(true);
  });
});

describe('search in the URL', () => {
  it('round-trips through URL parameters and rejects what it does not know', () => {
    const params = searchToParams({ q: "Zoë O'Brien", os: 'ios', stale: 30 });
    expect(params.toString()).toBe('q=Zo%C3%AB+O%27Brien&os=ios&stale=30');
    const back = searchFromParams(params);
    expect(back.ok && back.value).toEqual({ q: "Zoë O'Brien", os: 'ios', stale: 30 });
    expect(searchFromParams(new URLSearchParams('os=palm')).ok).toBe(false);
  });

  it('makes UPN stems from names', () => {
    expect(upnStem("Zoë O'Brien")).toBe('zoe.obrien');
    expect(upnStem('Jürgen Weiß')).toBe('jurgen.weiss');
  });
});

describe('the search in the URL, checked without zod', () => {
  /** The browser's reading and the route handler's (zod) reading of the same query string. */
  const both = (qs: string) => {
    const browser = searchFromParams(new URLSearchParams(qs));
    const server = parseSearchParams(new URLSearchParams(qs));
    return {
      browser,
      server: server.success
        ? { ok: true, value: server.data }
        : { ok: false, errors: server.error.issues.map((i) => i.message) },
    };
  };

  it.each([
    ['', { q: '' }],
    ['q=', { q: '' }],
    ['q=%20%20zoe%20%20&by=user', { q: 'zoe', by: 'user' }],
    [
      'q=x&os=androidEnterprise&compliance=noncompliant&owner=personal&stale=90',
      { q: 'x', os: 'androidEnterprise', compliance: 'noncompliant', owner: 'personal', stale: 90 },
    ],
    ['stale=7&cursor=abc&ticket=INC-1&unknown=1', { q: '', stale: 7 }],
    ['os=&by=&stale=', { q: '' }],
    [`q=${'a'.repeat(100)}`, { q: 'a'.repeat(100) }],
  ])('reads %j', (qs, value) => {
    const { browser, server } = both(qs);
    expect(browser).toEqual({ ok: true, value });
    expect(server).toEqual(browser);
  });

  it.each([
    [`q=${'a'.repeat(101)}`, ['validation.searchTooLong']],
    ['q=a%00b', ['validation.searchControl']],
    ['q=tab%09inside', ['validation.searchControl']],
    ['q=del%7F', ['validation.searchControl']],
    [`q=${'a'.repeat(101)}%1B`, ['validation.searchTooLong', 'validation.searchControl']],
    ['by=owner', ['validation.invalid']],
    ['os=palm', ['validation.invalid']],
    ['os=IOS', ['validation.invalid']],
    ['compliance=great', ['validation.invalid']],
    ['owner=shared', ['validation.invalid']],
    ['stale=8', ['validation.staleChoice']],
    ['stale=7.5', ['validation.staleChoice']],
    ['stale=-7', ['validation.staleChoice']],
    ['stale=seven', ['validation.invalid']],
    ['os=palm&stale=8', ['validation.invalid', 'validation.staleChoice']],
  ])('refuses %j with the keys the route handler gives', (qs, errors) => {
    const { browser, server } = both(qs);
    expect(browser).toEqual({ ok: false, errors });
    expect(server).toEqual(browser);
  });

  it('checks the text and the day count alone', () => {
    expect(checkQuery('  Zoë  ')).toEqual({ ok: true, value: 'Zoë' });
    expect(checkQuery(`  ${'a'.repeat(100)}  `).ok).toBe(true);
    expect(checkStaleDays('30')).toEqual({ ok: true, value: 30 });
    expect(checkStaleDays(' ')).toEqual({ ok: false, errors: ['validation.invalid'] });
  });
});
