// The security headers of security.md on every answer of the console, as the browser receives and enforces them:
// the nonce'd Content-Security-Policy on every page (each script carrying the request's nonce), and the console
// refused inside another site's frame. (That no page violates the policy is checked in every test: fixtures.ts.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIResponse } from '@playwright/test';
import { E2E } from '../playwright.config';
import { emulator } from './emulator';
import { expect, test } from './fixtures';
import { postServerAction } from './server-action';

const GUID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;
const NONCE_SOURCE = /'nonce-([A-Za-z0-9+/=]+)'/;

/** Every route the build has (pages and route handlers), so a route added later is covered without editing this test. */
function builtRoutes(): string[] {
  const manifest = JSON.parse(
    readFileSync(join('.next', 'app-path-routes-manifest.json'), 'utf8'),
  ) as Record<string, string>;
  return [...new Set(Object.values(manifest))].sort();
}

function expectSecurityHeaders(res: APIResponse, path: string): void {
  const h = res.headers();
  const csp = h['content-security-policy'] ?? '';
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([n, ...v]) => [n ?? '', v.join(' ')]),
  );
  const where = `${res.status()} ${path}`;
  expect(directives.get('script-src'), where).toMatch(
    /^'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'$/,
  );
  expect(csp, where).not.toContain("unsafe-inline' 'strict"); // never for scripts (styles may)
  expect(directives.get('script-src'), where).not.toContain('unsafe-inline');
  expect(directives.get('object-src'), where).toBe("'none'");
  expect(directives.get('base-uri'), where).toBe("'self'");
  expect(directives.get('form-action'), where).toBe("'self'");
  expect(directives.get('connect-src'), where).toBe(`'self' ${E2E.emulatorOrigin}`);
  expect(directives.get('frame-ancestors'), where).toBe(path === '/redirect' ? "'self'" : "'none'");
  expect(
    Number(/max-age=(\d+)/.exec(h['strict-transport-security'] ?? '')?.[1]),
    where,
  ).toBeGreaterThanOrEqual(31_536_000);
  expect(h['x-content-type-options'], where).toBe('nosniff');
  expect(h['referrer-policy'], where).toBe('no-referrer');
  expect(h['permissions-policy'], where).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  if (path === '/redirect') expect(h['cross-origin-opener-policy'], where).toBeUndefined();
  else expect(h['cross-origin-opener-policy'], where).toBe('same-origin-allow-popups');
  if (path.startsWith('/api/')) {
    expect(h['cache-control'], where).toMatch(/(^|,\s*)no-store(\s*,|$)/);
    // The route handlers' answers are not gzipped by the console (issue 11/11: compression cost more than it
    // saved). Next's own 404 page for an unknown path is not one of them.
    if (res.status() !== 404 || path !== '/api/no-such-route')
      expect(h['content-encoding'], where).toBeUndefined();
  }
  expect(h['client-request-id'], where).toMatch(GUID);
}

test("21: every route's answer carries the security headers, whatever its status", async ({
  request,
}) => {
  const [device] = await emulator.devices({ scopeTag: 'EMEA', limit: '1' });
  const id = device?.id ?? '';
  const paths = builtRoutes().map((r) => r.replace(/\[id\]/g, id));
  expect(paths).toEqual(
    expect.arrayContaining([
      '/',
      '/redirect',
      '/devices/' + id,
      '/api/devices',
      `/api/actions/${id}/passcode`,
    ]),
  );
  // The pages and the route handlers, with and without a token; a page that does not exist; the console's static
  // files; and a server action, accepted for parsing or refused.
  const probes: [string, Promise<APIResponse>][] = [];
  for (const path of paths) {
    probes.push([path, request.get(path)]);
    if (path.startsWith('/api/'))
      probes.push([path, request.get(path, { headers: { Authorization: 'Bearer not-a-token' } })]);
  }
  probes.push(
    ['/no-such-page', request.get('/no-such-page')],
    ['/api/no-such-route', request.get('/api/no-such-route')],
  );
  for (const path of ['/favicon.ico', '/icon.svg', '/manifest.webmanifest'])
    probes.push([path, request.get(path)]);
  const chunk =
    /src="(\/_next\/static\/[^"]+\.js)"/.exec(await (await request.get('/')).text())?.[1] ?? '';
  expect(chunk).not.toBe('');
  probes.push([chunk, request.get(chunk)]);
  probes.push(
    ['/', postServerAction(request, '[{},null]')],
    ['/', postServerAction(request, '[]', 'http://evil.example')],
  );

  const statuses = new Set<number>();
  for (const [path, answer] of probes) {
    const res = await answer;
    statuses.add(res.status());
    expectSecurityHeaders(res, path);
  }
  expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 401, 403, 404]));
});

test("21: every script tag of every page carries the request's nonce, a new one each time", async ({
  request,
}) => {
  const [device] = await emulator.devices({ scopeTag: 'EMEA', limit: '1' });
  const seen = new Set<string>();
  for (const path of [
    '/',
    `/devices/${device?.id ?? ''}`,
    '/redirect',
    '/no-such-page',
    '/?q=zoe.obrien%40contoso.com',
  ]) {
    const res = await request.get(path);
    const nonce = NONCE_SOURCE.exec(res.headers()['content-security-policy'] ?? '')?.[1] ?? '';
    expect(nonce, path).not.toBe('');
    expect(seen.has(nonce), `${path}: nonce reused`).toBe(false);
    seen.add(nonce);
    const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(2);
    for (const tag of scripts) expect(tag, path).toContain(` nonce="${nonce}"`);
  }
});

test('16/17: Chromium recognises every feature of the Permissions-Policy (no "Unrecognized feature" in the console)', async ({
  page,
}) => {
  const complaints: string[] = [];
  page.on('console', (m) => {
    if (/Permissions-Policy|Unrecognized feature/i.test(m.text())) complaints.push(m.text());
  });
  const res = await page.goto('/');
  expect(res?.headers()['permissions-policy']).toMatch(/camera=\(\)/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.goto('/redirect');
  await expect(page.getByText(/Sign-in did not complete|Signing you in/)).toBeVisible();
  expect(complaints).toEqual([]);
});

test('20: the console inside a cross-origin iframe is refused by frame-ancestors', async ({
  page,
}) => {
  const refusals: string[] = [];
  page.on('console', (m) => {
    if (/frame-ancestors/.test(m.text())) refusals.push(m.text());
  });
  // A page of another origin (the emulator's) that frames the console, its redirect bridge, and, to show that
  // framing as such works there, a page of its own origin.
  await page.goto(`${E2E.emulatorOrigin}/_emulator/health`);
  await page.evaluate(
    ([console]) => {
      for (const [name, src] of [
        ['console', `${console}/`],
        ['bridge', `${console}/redirect`],
        ['own', '/_emulator/health'],
      ]) {
        const frame = document.createElement('iframe');
        frame.name = name ?? '';
        frame.src = src ?? '';
        document.body.append(frame);
      }
    },
    [E2E.consoleOrigin],
  );
  await expect(page.frameLocator('iframe[name=own]').locator('body')).toContainText('ok');
  await expect.poll(() => refusals.length).toBe(2);
  for (const name of ['console', 'bridge']) {
    await expect(
      page
        .frameLocator(`iframe[name=${name}]`)
        .getByText(/Passcode Desk|Signing you in|Sign-in did not complete/),
    ).toHaveCount(0);
    expect(page.frame({ name })?.url()).not.toMatch(/^http:\/\/localhost/);
  }
  expect(refusals.join('\n')).toContain("frame-ancestors 'none'");
  expect(refusals.join('\n')).toContain("frame-ancestors 'self'");
});

test("20: the console frames its own redirect bridge (MSAL's silent renewal), and nothing else of its own", async ({
  page,
}) => {
  const refusals: string[] = [];
  page.on('console', (m) => {
    if (/frame-ancestors/.test(m.text())) refusals.push(m.text());
  });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.evaluate(() => {
    for (const [name, src] of [
      ['bridge', '/redirect'],
      ['console', '/'],
    ]) {
      const frame = document.createElement('iframe');
      frame.name = name ?? '';
      frame.src = src ?? '';
      document.body.append(frame);
    }
  });
  // The bridge loads (and, with no answer from the identity provider to hand on, says sign-in did not complete).
  await expect(
    page.frameLocator('iframe[name=bridge]').getByText(/Sign-in did not complete|Signing you in/),
  ).toBeVisible();
  await expect.poll(() => refusals.length).toBe(1);
  expect(refusals[0]).toContain("frame-ancestors 'none'");
  await expect(
    page.frameLocator('iframe[name=console]').getByRole('button', { name: 'Sign in' }),
  ).toHaveCount(0);
});
