// CommonJS on purpose: package.json has no "type", and `next build` rejects a mismatched module format.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this file is CommonJS (above), so require it is
const createNextIntlPlugin = require('next-intl/plugin');

// next-intl reads each request's locale and catalog from here (no locale in the URL; see the file).
const withNextIntl = createNextIntlPlugin('./lib/server/i18n/request.ts');

/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

module.exports = withNextIntl({
  output: 'standalone',
  // Native and server-only database drivers stay outside the bundle (better-sqlite3 is a native addon).
  serverExternalPackages: ['better-sqlite3', 'pg'],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // The redirect bridge is loaded in MSAL's hidden iframe for silent renewal, so it may be framed by us only.
      { source: '/redirect', headers: [{ key: 'X-Frame-Options', value: 'SAMEORIGIN' }] },
      { source: '/((?!redirect$).*)', headers: [{ key: 'X-Frame-Options', value: 'DENY' }] },
      // MSAL 5's redirect bridge must not get a Cross-Origin-Opener-Policy, or the popup/iframe loses its opener.
      // same-origin-allow-popups, not same-origin: pages opened from elsewhere stay cut off, while the consent popup
      // the console opens keeps its handle, so the console can tell when the agent closes it (MSAL 5 waits 60 s).
      // Where the identity provider's own COOP severs the handle anyway, popup-watch.ts falls back to focus.
      { source: '/((?!redirect$).*)', headers: [{ key: 'Cross-Origin-Opener-Policy', value: 'same-origin-allow-popups' }] },
      { source: '/api/:path*', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
    ];
  },
});
