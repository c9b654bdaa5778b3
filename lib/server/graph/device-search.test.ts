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

const requests = (search: DeviceSearch, via: 'upn' | 'email' = 'upn') =>
  build.buildSearchRequests(search, via, 100);

describe('buildSearchRequests', () => {
  it("lists one user's devices through /users/{upn}/managedDevices, the UPN percent-encoded", () => {
    const [req, ...rest] = requests({ q: "o'brien+test@contoso.com" });
    expect(rest).toEqual([]);
    expect(req?.path).toBe("/users/o'brien%2Btest%40contoso.com/managedDevices");
    expect(req?.query.$filter).toBeUndefined();
  });

  it('finds a serial number with one eq clause, plus the filters', () => {
    expect(requests({ q: 'F2LXK1ABCD', os: 'ios' })[0]?.query.$filter).toBe(
      "(serialNumber eq 'F2LXK1ABCD') and (operatingSystem eq 'iOS')",
    );
  });

  it('IMEI search finds iOS devices whose imei has spaces: both spellings are asked for', () => {
    for (const q of ['35 209900 176148 1', '352099001761481']) {
      expect(requests({ q }).map((r) => r.query.$filter)).toEqual([
        "imei eq '352099001761481'",
        "imei eq '35 209900 176148 1'",
      ]);
    }
  });

  it('an e-mail address that is not the UPN falls back to emailAddress eq', () => {
    const [req] = requests({ q: 'sean.oconnor@contoso.ie' }, 'email');
    expect(req?.path).toBe('/deviceManagement/managedDevices');
    expect(req?.query.$filter).toBe("emailAddress eq 'sean.oconnor@contoso.ie'");
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
    for (const q of [
      "x') or true or startswith(deviceName,'",
      "' or 1 eq 1 or deviceName eq '",
      'a)(b',
      '%27%20or%20true',
    ]) {
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
  const search = { q: 'Zoe' };
  const cursorOf = (links: (string | null)[], via: 'upn' | 'email' = 'upn') =>
    build.encodeCursor(links, via) ?? '';

  it('round-trips nextLinks that continue the same search', () => {
    const reqs = requests(search);
    const next = `https://graph.example/v1.0/deviceManagement/managedDevices?$filter=${encodeURIComponent(reqs[0]?.query.$filter ?? '')}&$skiptoken=abc`;
    expect(build.decodeCursor(cursorOf([next, null]), search).links).toEqual([next, null]);
    expect(build.encodeCursor([null, null])).toBeNull();
  });

  it('paging: a nextLink is followed as given even when Intune re-serialises its $filter or names the user by id', () => {
    const respelled = `https://graph.example/v1.0/deviceManagement/managedDevices?$filter=${encodeURIComponent("startswith(deviceName, 'Zoe')")}&$skiptoken=x`;
    expect(build.decodeCursor(cursorOf([respelled, null]), search).links[0]).toBe(respelled);
    const byId =
      'https://graph.example/v1.0/users/4a1f7c52-9e3b-4d8a-b6c1-2f5e8d9a0b11/managedDevices?$skiptoken=y';
    expect(build.decodeCursor(cursorOf([byId]), { q: 'hanna.berger@contoso.com' }).links).toEqual([
      byId,
    ]);
  });

  it('refuses cursors for another path root, another list shape, or garbage', () => {
    expect(() =>
      build.decodeCursor(
        cursorOf(['https://graph.example/v1.0/users/x/managedDevices', null]),
        search,
      ),
    ).toThrow(InputError);
    expect(() =>
      build.decodeCursor(
        cursorOf(['https://graph.example/v1.0/deviceManagement/detectedApps', null]),
        search,
      ),
    ).toThrow(InputError);
    expect(() =>
      build.decodeCursor(
        cursorOf(['https://graph.example/v1.0/deviceManagement/managedDevices/x/wipe', null]),
        search,
      ),
    ).toThrow(InputError);
    expect(() => build.decodeCursor('not base64 json', search)).toThrow(InputError);
    expect(() =>
      build.decodeCursor(
        cursorOf(['https://graph.example/v1.0/deviceManagement/managedDevices']),
        search,
      ),
    ).toThrow(InputError);
  });
});
