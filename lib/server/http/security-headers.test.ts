// The headers every answer carries, as a browser enforces them: a policy that runs only the console's own nonce'd
// scripts, talks only to the console and its identity provider, and keeps the console out of other sites' frames.
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  identityProviderOrigins,
  newNonce,
  securityHeaders,
} from './security-headers';

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name ?? '', values]),
  );
const base = {
  nonce: 'bm9uY2U=',
  identityOrigins: ['https://login.microsoftonline.com'],
  development: false,
};

describe('Content-Security-Policy', () => {
  it("runs only scripts with the request's nonce, and nothing inline", () => {
    const d = directives(contentSecurityPolicy({ ...base, pathname: '/' }));
    expect(d.get('script-src')).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
  });

  it('lets the browser reach the console and the identity provider, and nothing else', () => {
    const d = directives(contentSecurityPolicy({ ...base, pathname: '/' }));
    expect(d.get('connect-src')).toEqual(["'self'", 'https://login.microsoftonline.com']);
    expect(d.get('frame-src')).toEqual(["'self'", 'https://login.microsoftonline.com']);
  });

  it('shows images from the console and data: URLs (the Verified ID QR code) only', () => {
    const d = directives(contentSecurityPolicy({ ...base, pathname: '/' }));
    expect(d.get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('is framed by nobody, except the redirect bridge by the console itself', () => {
    expect(
      directives(contentSecurityPolicy({ ...base, pathname: '/' })).get('frame-ancestors'),
    ).toEqual(["'none'"]);
    expect(
      directives(contentSecurityPolicy({ ...base, pathname: '/devices/x' })).get('frame-ancestors'),
    ).toEqual(["'none'"]);
    expect(
      directives(contentSecurityPolicy({ ...base, pathname: '/redirect' })).get('frame-ancestors'),
    ).toEqual(["'self'"]);
  });

  it('allows eval only under `next dev`', () => {
    expect(contentSecurityPolicy({ ...base, pathname: '/' })).not.toContain('unsafe-eval');
    expect(
      directives(contentSecurityPolicy({ ...base, pathname: '/', development: true })).get(
        'script-src',
      ),
    ).toContain("'unsafe-eval'");
  });

  it("takes the identity provider from run-time configuration: the emulator's endpoints, or the Entra ID instance", () => {
    expect(
      identityProviderOrigins({
        AUTH_AUTHORITY: 'https://login.microsoftonline.us/',
        AUTH_ENDPOINTS_ORIGIN: undefined,
      }),
    ).toEqual(['https://login.microsoftonline.us']);
    expect(
      identityProviderOrigins({
        AUTH_AUTHORITY: 'https://localhost:4010',
        AUTH_ENDPOINTS_ORIGIN: 'http://localhost:4010/',
      }),
    ).toEqual(['http://localhost:4010']);
  });

  it('gets a fresh 128-bit nonce for every request', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(Buffer.from(n, 'base64')).toHaveLength(16);
  });
});

describe('the other security headers', () => {
  it('are on every answer: HSTS for at least a year, nosniff, no referrer, features off, no opener', () => {
    const h = securityHeaders({ ...base, pathname: '/' });
    expect(
      Number(/max-age=(\d+)/.exec(h['Strict-Transport-Security'] ?? '')?.[1]),
    ).toBeGreaterThanOrEqual(31_536_000);
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Referrer-Policy']).toBe('no-referrer');
    expect(h['Permissions-Policy']).toMatch(
      /camera=\(\), .*geolocation=\(\), .*microphone=\(\), .*usb=\(\)/,
    );
    expect(h['Permissions-Policy']?.split(', ').filter((p) => !p.endsWith('=()'))).toEqual([
      'clipboard-write=(self)',
    ]);
    // Features Chromium does not know make it log "Unrecognized feature" on every page.
    expect(h['Permissions-Policy']).not.toMatch(/(^|, )(bluetooth|web-share)=/);
    expect(h['Cross-Origin-Opener-Policy']).toBe('same-origin-allow-popups');
    expect(h['X-Frame-Options']).toBe('DENY');
  });

  it('leave the redirect bridge without Cross-Origin-Opener-Policy, as MSAL 5 requires', () => {
    const h = securityHeaders({ ...base, pathname: '/redirect' });
    expect(h).not.toHaveProperty('Cross-Origin-Opener-Policy');
    expect(h['X-Frame-Options']).toBe('SAMEORIGIN');
  });

  it('forbid caching of every API answer, the passcode reveal included, and only of those', () => {
    expect(
      securityHeaders({
        ...base,
        pathname: '/api/actions/0f6e2a4b-1c3d-4e5f-8a9b-0c1d2e3f4a5b/passcode',
      })['Cache-Control'],
    ).toBe('no-store, no-transform');
    expect(securityHeaders({ ...base, pathname: '/api/devices' })['Cache-Control']).toBe(
      'no-store, no-transform',
    );
    expect(securityHeaders({ ...base, pathname: '/_next/static/chunks/a.js' })).not.toHaveProperty(
      'Cache-Control',
    );
  });
});
