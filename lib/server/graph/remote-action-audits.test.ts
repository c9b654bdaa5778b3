// Reading beta's remoteActionAudits for one device, on stubbed Graph answers: the beta URL with the device filter,
// nextLinks followed within a bound, and an audit of another device (a filter Graph did not apply) never kept.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

const DEVICE = '0f8fad5b-d9cb-469f-a165-70867728950e';
const OTHER = '1f8fad5b-d9cb-469f-a165-70867728950f';
let read: typeof import('./remote-action-audits');

beforeAll(async () => {
  vi.stubEnv('GRAPH_BASE_URL', 'https://graph.example');
  read = await import('./remote-action-audits');
});
afterEach(() => vi.unstubAllGlobals());

const audit = (n: number, device = DEVICE) => ({
  id: `a-${n}`,
  action: 'remoteLock',
  actionState: 'done',
  initiatedByUserPrincipalName: 'admin@contoso.com',
  requestDateTime: `2026-12-01T09:${String(n).padStart(2, '0')}:00Z`,
  managedDeviceId: device,
  deviceDisplayName: 'Phone',
  bulkDeviceActionId: null,
  deviceActionCategory: 'single',
});

/** A Graph that answers every page with one audit and a nextLink to the next page, for ever. */
function endlessGraph() {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: URL | string) => {
      urls.push(String(url));
      const n = urls.length;
      return Promise.resolve(
        Response.json({
          value: [audit(n), audit(100 + n, OTHER)],
          '@odata.nextLink': `https://graph.example/beta/deviceManagement/remoteActionAudits?$skiptoken=${n}`,
        }),
      );
    }),
  );
  return urls;
}

describe('getRemoteActionAudits', () => {
  it("asks beta for the device's audits, follows nextLinks up to the bound, and keeps this device's only", async () => {
    const urls = endlessGraph();
    const audits = await read.getRemoteActionAudits('token', DEVICE);
    expect(urls).toHaveLength(read.REMOTE_ACTION_AUDIT_MAX_PAGES);
    const first = new URL(urls[0] ?? '');
    expect(first.pathname).toBe('/beta/deviceManagement/remoteActionAudits');
    expect(first.searchParams.get('$filter')).toBe(`managedDeviceId eq '${DEVICE}'`);
    expect(urls[1]).toBe(
      'https://graph.example/beta/deviceManagement/remoteActionAudits?$skiptoken=1',
    );
    expect(audits.map((a) => a.id)).toEqual(['a-1', 'a-2', 'a-3', 'a-4', 'a-5']);
  });

  it("keeps an action beta names with a value the console does not know, and reads an unknown state as 'none'", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          Response.json({
            value: [{ ...audit(1), action: 'pauseConfigurationRefresh', actionState: 'queued' }],
          }),
        ),
      ),
    );
    expect(await read.getRemoteActionAudits('token', DEVICE)).toEqual([
      expect.objectContaining({ action: 'pauseConfigurationRefresh', actionState: 'none' }),
    ]);
  });
});
