import 'server-only';
// The headers every answer of the console carries, decided in one place for every route (proxy.ts applies them):
// a Content-Security-Policy with a fresh nonce per request, and the headers that keep the console out of frames,
// caches, other windows and browser features. Built from run-time configuration, so one build serves the
// emulator and any tenant.
import type { ServerEnv } from '@/lib/server/config/server-env';

/** MSAL 5's redirect bridge: the identity provider sends the browser back here, and MSAL loads it in its hidden iframe. */
export const REDIRECT_BRIDGE_PATH = '/redirect';

/**
 * Every browser feature the console does not use is switched off; writing to the clipboard is the copy buttons'.
 * Only features Chromium recognises: it logs "Unrecognized feature" on every page for one it does not know
 * (Chromium 156 on Linux: `bluetooth`, `web-share`), and the console calls neither API.
 */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=()',
  'gamepad=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'local-fonts=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'picture-in-picture=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'storage-access=()',
  'usb=()',
  'xr-spatial-tracking=()',
  'clipboard-read=()',
  'clipboard-write=(self)',
].join(', ');

const ORIGIN = /^https?:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

/**
 * The identity provider's origin, the only one besides the console that the browser talks to (MSAL's token
 * requests, its hidden iframe for silent renewal). The browser never calls Graph directly. Against the emulator MSAL
 * is handed the endpoints of AUTH_ENDPOINTS_ORIGIN and contacts nothing else; otherwise the Entra ID instance.
 */
export function identityProviderOrigins(
  env: Pick<ServerEnv, 'AUTH_AUTHORITY' | 'AUTH_ENDPOINTS_ORIGIN'>,
): string[] {
  const origin = new URL(env.AUTH_ENDPOINTS_ORIGIN ?? env.AUTH_AUTHORITY).origin;
  // URL parsing leaves no space or semicolon in an origin; checked anyway, because it becomes part of a policy.
  if (!ORIGIN.test(origin))
    throw new Error(`Not an origin that can go into a Content-Security-Policy: ${origin}`);
  return [origin];
}

export interface PolicyInput {
  nonce: string;
  pathname: string;
  identityOrigins: readonly string[];
  /** `next dev` needs eval for React's debugging aids; production never does. */
  development: boolean;
}

export function contentSecurityPolicy({
  nonce,
  pathname,
  identityOrigins,
  development,
}: PolicyInput): string {
  const idp = identityOrigins.join(' ');
  return [
    "default-src 'self'",
    // Next.js gives its own scripts the nonce; 'strict-dynamic' extends trust to the chunks they load ('self' is the
    // fallback for browsers without CSP level 3). No 'unsafe-inline': an injected inline script does not run.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // Inline styles stay allowed: React's style attributes (the virtualised table) and the toast library's injected
    // stylesheet carry no nonce, and a nonce in style-src would switch 'unsafe-inline' off. Styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // data: for the Verified ID QR code, which the Request Service answers as a PNG data URL (images cannot run code).
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${idp}`.trim(),
    `frame-src 'self' ${idp}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // Nobody frames the console; the redirect bridge only by the console itself (MSAL's hidden iframe).
    `frame-ancestors ${pathname === REDIRECT_BRIDGE_PATH ? "'self'" : "'none'"}`,
  ].join('; ');
}

/** The response headers for one request, the Content-Security-Policy included. */
export function securityHeaders(input: PolicyInput): Record<string, string> {
  const bridge = input.pathname === REDIRECT_BRIDGE_PATH;
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(input),
    'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': PERMISSIONS_POLICY,
    // For browsers that predate frame-ancestors.
    'X-Frame-Options': bridge ? 'SAMEORIGIN' : 'DENY',
  };
  // MSAL 5's redirect bridge must not get one: it hands the answer to the window that opened it.
  // same-origin-allow-popups, not same-origin: pages opened from elsewhere stay cut off, while the consent popup the
  // console opens keeps its handle, so the console can tell when the agent closes it (MSAL 5 waits 60 s otherwise;
  // where the identity provider's own COOP severs the handle anyway, popup-watch.ts falls back to focus).
  if (!bridge) headers['Cross-Origin-Opener-Policy'] = 'same-origin-allow-popups';
  // API answers (the passcode reveal among them) are never kept by a browser or a proxy, and are not compressed
  // by the console: most are a few hundred bytes, where gzip costs more time on both ends than it saves (a reverse
  // proxy in front may compress; README "Performance").
  if (input.pathname === '/api' || input.pathname.startsWith('/api/'))
    headers['Cache-Control'] = API_CACHE_CONTROL;
  return headers;
}

/** no-store: never kept; no-transform: not compressed by Next (its compression skips such answers) nor by proxies. */
export const API_CACHE_CONTROL = 'no-store, no-transform';

/** The request header the proxy hands a page's nonce on in, for the console's own inline script. */
export const NONCE_HEADER = 'x-nonce';

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
