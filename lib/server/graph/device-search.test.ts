// The query builder: what each kind of search asks Graph for, hostile input included, and the cursor checks.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeviceSearch } from '@/lib/shared/devices/search';
import { InputError } from '@/lib/shared/errors';

let build: typeof import('./device-search');
beforeAll(async () => {
  vi.stubEnv('AUTH_CLIENT_ID', '2c6f4d8e-3b1a-4f5c-9d7e-8a0b1c2d3e4f');
  vi.stubEnv('AUTH_TENANT_ID', 'contoso.com');
  vi.stubEnv('GRAPH_BASE_URL', 'https://graph.example');
  build = await import('./device-search');
});

const requests = (search: DeviceSearch) => build.buildSearchRequests(search, 100);

describe('buildSearchRequests', () => {
  it('lists one user\'s devices through /users/{upn}/managedDevices, the UPN percent-encoded', () => {
    const [req, ...rest] = requests({ q: "o'brien+test@contoso.com" });
    expect(rest).toEqual([]);
    expect(req?.path).toBe("/users/o'brien%2Btest%40contoso.com/managedDevices");
    expect(req?.query.$filter).toBeUndefined();
  });

  it('finds a serial number or IMEI with one eq clause, plus the filters', () => {
    expect(requests({ q: 'F2LXK1ABCD', os: 'ios' })[0]?.query.$filter).toBe("(serialNumber eq 'F2LXK1ABCD') and (operatingSystem eq 'iOS')");
    expect(requests({ q: '35 209900 176148 1' })[0]?.query.$filter).toBe("imei eq '352099001761481'");
  });

  it('searches names in two requests, device name and UPN stem, because Intune drops the second of an or', () => {
    const reqs = requests({ q: "Zoë O'Brien", compliance: 'compliant' });
    expect(reqs.map((r) => r.query.$filter)).toEqual([
      "(startswith(deviceName,'Zoë O''Brien')) and (complianceState eq 'compliant')",
      "(startswith(userPrincipalName,'zoe.obrien')) and (complianceState eq 'compliant')",
    ]);
  });

  it('selects only the list fields and asks for one page', () => {
    const [req] = requests({ q: '' });
    expect(req?.query.$top).toBe('100');
    expect(req?.query.$select?.split(',')).toContain('serialNumber');
    expect(req?.query.$select?.split(',')).not.toContain('deviceActionResults');
  });

  it('keeps hostile text inside literals, whatever it is', () => {
    for (const q of ["x') or true or startswith(deviceName,'", "' or 1 eq 1 or deviceName eq '", 'a)(b', '%27%20or%20true']) {
      const filter = requests({ q, by: 'name' })[0]?.query.$filter ?? '';
      const outside = filter.replace(/'([^']|'')*'/g, "''");
      expect(outside, q).toBe("startswith(deviceName,'')");
    }
  });

  it('never sends the last-sync age to Graph, which cannot filter on it', () => {
    expect(requests({ q: '', stale: 30 })[0]?.query.$filter).toBeUndefined();
  });
});

describe('cursors', () => {
  it('round-trips nextLinks that continue the same search', () => {
    const reqs = requests({ q: 'Zoe' });
    const next = `https://graph.example/v1.0/deviceManagement/managedDevices?$filter=${encodeURIComponent(reqs[0]?.query.$filter ?? '')}&$skiptoken=abc`;
    const cursor = build.encodeCursor([next, null]);
    expect(cursor).not.toBeNull();
    expect(build.decodeCursor(cursor ?? '', reqs)).toEqual([next, null]);
    expect(build.encodeCursor([null, null])).toBeNull();
  });

  it('refuses cursors for another search, another path, or garbage', () => {
    const reqs = requests({ q: 'Zoe' });
    const other = build.encodeCursor([`https://graph.example/v1.0/deviceManagement/managedDevices?$filter=${encodeURIComponent("deviceName eq 'x'")}`, null]) ?? '';
    expect(() => build.decodeCursor(other, reqs)).toThrow(InputError);
    const path = build.encodeCursor(['https://graph.example/v1.0/users/x/managedDevices', null]) ?? '';
    expect(() => build.decodeCursor(path, reqs)).toThrow(InputError);
    expect(() => build.decodeCursor('not base64 json', reqs)).toThrow(InputError);
    expect(() => build.decodeCursor(build.encodeCursor(['https://graph.example/v1.0/deviceManagement/managedDevices']) ?? '', reqs)).toThrow(InputError);
  });
});
