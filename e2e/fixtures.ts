// Every end-to-end test runs inside a guard that lets the browser reach only this machine: any request to
// another host is aborted, recorded, and fails the test.
import { test as base, expect } from '@playwright/test';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    return LOCAL_HOSTS.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

export const test = base.extend<{ offLocalhost: string[] }>({
  offLocalhost: [
    async ({ context }, use) => {
      const leaks: string[] = [];
      context.on('request', (req) => {
        if (!isLocal(req.url())) leaks.push(`${req.method()} ${req.url()}`);
      });
      await context.route((url) => !isLocal(url.toString()), (route) => route.abort('blockedbyclient'));
      await use(leaks);
      expect(leaks, 'requests that tried to leave localhost').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
