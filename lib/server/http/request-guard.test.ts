// Writes the console refuses before any of its code reads them: server actions from another origin or without one,
// and bodies over the action's limit, which next.config.js states for Next's own check too.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { SERVER_ACTION_BODY_LIMIT_BYTES } from '@/lib/shared/actions/limits';
import { refuseRequest } from './request-guard';

describe('requests refused before the console reads them', () => {
  const headers = (h: Record<string, string>) => new Headers({ host: 'desk.contoso.com', ...h });

  it('lets reads through from anywhere', () => {
    expect(refuseRequest('GET', headers({ origin: 'https://evil.example' }))).toBeNull();
  });

  it('refuses a write from another origin, from an opaque origin, or without an Origin', () => {
    expect(refuseRequest('POST', headers({ origin: 'https://evil.example' }))).toEqual({
      status: 403,
      reason: 'foreignOrigin',
    });
    expect(refuseRequest('POST', headers({ origin: 'null' }))).toEqual({
      status: 403,
      reason: 'foreignOrigin',
    });
    expect(refuseRequest('POST', headers({}))).toEqual({ status: 403, reason: 'foreignOrigin' });
    expect(
      refuseRequest('POST', headers({ origin: 'https://desk.contoso.com.evil.example' })),
    ).toEqual({ status: 403, reason: 'foreignOrigin' });
  });

  it("accepts a write from the console's own origin, the public host behind a reverse proxy included", () => {
    expect(refuseRequest('POST', headers({ origin: 'https://desk.contoso.com' }))).toBeNull();
    expect(
      refuseRequest(
        'POST',
        new Headers({
          host: '10.0.0.5:3000',
          'x-forwarded-host': 'desk.contoso.com',
          origin: 'https://desk.contoso.com',
        }),
      ),
    ).toBeNull();
  });

  it("refuses a body over the server action's limit", () => {
    const own = { origin: 'https://desk.contoso.com' };
    expect(
      refuseRequest(
        'POST',
        headers({ ...own, 'content-length': String(SERVER_ACTION_BODY_LIMIT_BYTES) }),
      ),
    ).toBeNull();
    expect(
      refuseRequest(
        'POST',
        headers({ ...own, 'content-length': String(SERVER_ACTION_BODY_LIMIT_BYTES + 1) }),
      ),
    ).toEqual({ status: 413, reason: 'requestTooLarge' });
  });

  it("uses the same body limit as Next's own, and allows server actions from no other origin", () => {
    const config = createRequire(import.meta.url)('../../../next.config.js') as {
      experimental: { serverActions: { bodySizeLimit: number; allowedOrigins: string[] } };
    };
    expect(config.experimental.serverActions.bodySizeLimit).toBe(SERVER_ACTION_BODY_LIMIT_BYTES);
    expect(config.experimental.serverActions.allowedOrigins).toEqual([]);
  });
});

describe('the Verified ID callback, which the Request Service posts without an Origin', () => {
  const headers = (h: Record<string, string>) => new Headers({ host: 'desk.contoso.com', ...h });

  it('is let through to its own authentication, on that one path only', () => {
    expect(refuseRequest('POST', headers({}), '/api/verified-id/callback')).toBeNull();
    expect(refuseRequest('POST', headers({}), '/api/verified-id/callback/x')).toEqual({
      status: 403,
      reason: 'foreignOrigin',
    });
    expect(refuseRequest('POST', headers({}), '/')).toEqual({
      status: 403,
      reason: 'foreignOrigin',
    });
  });

  it('never carries a server action', () => {
    expect(
      refuseRequest('POST', headers({ 'next-action': 'abc' }), '/api/verified-id/callback'),
    ).toEqual({ status: 403, reason: 'foreignOrigin' });
  });
});
