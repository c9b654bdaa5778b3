// CommonJS on purpose: package.json has no "type", and `next build` rejects a mismatched module format.
// The security headers are not here: proxy.ts sets them per request (the Content-Security-Policy needs a fresh nonce
// and the identity provider's origin from run-time configuration), in one place for every route.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this file is CommonJS (above), so require it is
const createNextIntlPlugin = require('next-intl/plugin');

// next-intl reads each request's locale and catalog from here (no locale in the URL; see the file).
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/server/i18n/request.ts',
  experimental: {
    // The catalogs are compiled when the console is built (next-intl's catalog loader, icu-minify), so neither the
    // browser nor the server ships or runs an ICU parser: only the formatter (17/17).
    messages: {
      path: './lib/shared/i18n/messages',
      format: 'json',
      locales: ['en', 'de'],
      precompile: true,
    },
  },
});

/** @type {import('next').NextConfig} */
module.exports = withNextIntl({
  output: 'standalone',
  // Native and server-only database drivers stay outside the bundle (better-sqlite3 is a native addon).
  serverExternalPackages: ['better-sqlite3', 'pg'],
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` type-checks the whole project (tsc, `npm run build:checked`) just before it builds, and says so with
  // PASSCODE_DESK_TYPECHECKED; the build's own second pass over the same code is skipped then (about 30 s of a CI
  // run). Any other build, `npm run build` included, still type-checks.
  typescript: { ignoreBuildErrors: process.env.PASSCODE_DESK_TYPECHECKED === '1' },
  experimental: {
    serverActions: {
      // Fixed at build time (the standalone server carries this configuration frozen), so it cannot come from a
      // deployment's environment: no extra origins. Next then runs an action only when the Origin's host equals the
      // host the request was addressed to (X-Forwarded-Host, else Host); behind a reverse proxy, forward the public
      // host. proxy.ts refuses a write without an Origin too.
      allowedOrigins: [],
      // The passcode action needs a few KB (lib/shared/actions/limits.ts explains the figure; keep the two equal).
      bodySizeLimit: 16 * 1024,
    },
  },
});
