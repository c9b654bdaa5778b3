// The emulated Verified ID service as the console meets it: the client-credentials grant with Entra's answers for a
// wrong secret or scope, createPresentationRequest's checks and answer (QR as a PNG data URL), and the wallet's
// callbacks (request_retrieved, then presentation_verified with the VerifiedEmployee claims and the Face Check score,
// or presentation_error), with the api-key header the console asked for; and the control API's replay.
import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Emulator } from '../app';
import { TEST_ORIGIN, createTestEmulator } from '../testing';
import {
  DEMO_VERIFIED_ID_CLIENT_ID,
  DEMO_VERIFIED_ID_CLIENT_SECRET,
  DEMO_VERIFIER_DID,
  REQUEST_SERVICE_RESOURCE,
  UNGRANTED_VERIFIED_ID_CLIENT_ID,
  UNGRANTED_VERIFIED_ID_CLIENT_SECRET,
  VERIFIED_ID_PERMISSION,
} from './constants';
import { verifiedIdRoutes } from './routes';

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

let emu: Emulator;
let service: Hono;
const sent: Sent[] = [];
let verifierStatus = 200;

beforeAll(async () => {
  emu = await createTestEmulator();
  service = verifiedIdRoutes(emu.ctx, {
    fetch: async (url, init) => {
      sent.push({
        url: String(url),
        headers: Object.fromEntries(new Headers(init?.headers).entries()),
        body: JSON.parse(String(init?.body)) as Record<string, unknown>,
      });
      return new Response(null, { status: verifierStatus });
    },
  });
});

const tokenUrl = () => `${TEST_ORIGIN}/${emu.ctx.tenant.tenantId}/oauth2/v2.0/token`;

async function appToken(
  fields: Record<string, string> = {},
  app: { request: Hono['request'] } = service,
): Promise<Response> {
  return app.request(tokenUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: DEMO_VERIFIED_ID_CLIENT_ID,
      client_secret: DEMO_VERIFIED_ID_CLIENT_SECRET,
      scope: `${REQUEST_SERVICE_RESOURCE}/.default`,
      ...fields,
    }),
  });
}

async function bearer(fields: Record<string, string> = {}): Promise<string> {
  const res = await appToken(fields);
  const body = (await res.json()) as { access_token: string };
  return body.access_token;
}

const requestBody = (overrides: Record<string, unknown> = {}) => ({
  authority: DEMO_VERIFIER_DID,
  includeQRCode: true,
  registration: { clientName: 'Passcode Desk' },
  callback: {
    url: 'http://console.test/api/verified-id/callback',
    state: 'state-123',
    headers: { 'api-key': 'key-abc' },
  },
  requestedCredentials: [
    {
      type: 'VerifiedEmployee',
      acceptedIssuers: [DEMO_VERIFIER_DID],
      configuration: {
        validation: { faceCheck: { sourcePhotoClaimName: 'photo', matchConfidenceThreshold: 70 } },
      },
    },
  ],
  ...overrides,
});

async function create(body: unknown, token?: string): Promise<Response> {
  return service.request(
    `${TEST_ORIGIN}/verifiedid/v1.0/verifiableCredentials/createPresentationRequest`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(body),
    },
  );
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields),
});

describe('client-credentials grant', () => {
  it('issues an app token for the Request Service carrying VerifiableCredential.Create.All', async () => {
    const res = await appToken();
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
    expect(decodeJwt(String(body.access_token))).toMatchObject({
      aud: REQUEST_SERVICE_RESOURCE,
      appid: DEMO_VERIFIED_ID_CLIENT_ID,
      idtyp: 'app',
      roles: [VERIFIED_ID_PERMISSION],
      tid: emu.ctx.tenant.tenantId,
    });
  });

  it('answers a wrong secret as Entra does: 401 invalid_client, AADSTS7000215', async () => {
    const res = await appToken({ client_secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
    expect(String(body.error_description)).toMatch(/^AADSTS7000215: Invalid client secret/);
  });

  it('refuses a scope without /.default (AADSTS1002012) and a resource it does not know', async () => {
    const named = await appToken({
      scope: `${REQUEST_SERVICE_RESOURCE}/${VERIFIED_ID_PERMISSION}`,
    });
    expect(named.status).toBe(400);
    expect(await named.json()).toMatchObject({ error: 'invalid_scope', error_codes: [1002012] });
    const other = await appToken({ scope: 'https://example.test/.default' });
    expect(await other.json()).toMatchObject({ error: 'invalid_resource', error_codes: [500011] });
  });

  it('leaves the SPA grants to the Entra routes when mounted in the emulator', async () => {
    const res = await emu.app.request(tokenUrl(), {
      ...form({ grant_type: 'refresh_token', client_id: 'someone-else', refresh_token: 'x' }),
    });
    // The SPA token endpoint's own answer: an unknown client, not a client-credentials error.
    expect(await res.json()).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
  });
});

describe('createPresentationRequest', () => {
  it('answers 201 with the request id, an openid-vc URL, the expiry and a PNG QR code', async () => {
    const token = await bearer();
    const before = Math.floor(emu.ctx.clock.now() / 1000);
    const res = await create(requestBody(), token);
    const after = Math.floor(emu.ctx.clock.now() / 1000);
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(String(body.url)).toMatch(
      /^openid-vc:\/\/\?request_uri=http:\/\/localhost:4999\/verifiedid\/v1\.0\/.+\/presentationRequests\//,
    );
    expect(String(body.qrCode)).toMatch(/^data:image\/png;base64,iVBOR/);
    // Five minutes from when it was made (Unix seconds).
    expect(Number(body.expiry)).toBeGreaterThanOrEqual(before + 300);
    expect(Number(body.expiry)).toBeLessThanOrEqual(after + 300);
  });

  it('refuses a call without a token, and an app whose permission was never granted', async () => {
    const none = await create(requestBody());
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({
      error: { code: 'unauthorized', innererror: { code: 'tokenError' } },
    });
    const ungranted = await bearer({
      client_id: UNGRANTED_VERIFIED_ID_CLIENT_ID,
      client_secret: UNGRANTED_VERIFIED_ID_CLIENT_SECRET,
    });
    const forbidden = await create(requestBody(), ungranted);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('names a bad or missing field in the documented error shape', async () => {
    const token = await bearer();
    const noAuthority = await create({ ...requestBody(), authority: undefined }, token);
    expect(noAuthority.status).toBe(400);
    const body = (await noAuthority.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      error: {
        code: 'badRequest',
        message: 'The request is invalid.',
        innererror: { code: 'badOrMissingField', target: 'authority' },
      },
    });
    expect(typeof body.requestId).toBe('string');
    expect(typeof body.date).toBe('string');
    const lowThreshold = requestBody();
    const credential = lowThreshold.requestedCredentials[0];
    if (credential) credential.configuration.validation.faceCheck.matchConfidenceThreshold = 10;
    const low = await create(lowThreshold, token);
    expect(await low.json()).toMatchObject({
      error: {
        innererror: {
          target:
            'requestedCredentials.0.configuration.validation.faceCheck.matchConfidenceThreshold',
        },
      },
    });
  });
});

describe('the wallet and its callbacks', () => {
  async function openRequest(): Promise<string> {
    const res = await create(requestBody(), await bearer());
    const { requestId } = (await res.json()) as { requestId: string };
    sent.length = 0;
    const page = await service.request(`${TEST_ORIGIN}/verifiedid/wallet/${requestId}`);
    expect(page.status).toBe(200);
    return requestId;
  }
  const subjectUser = () => emu.ctx.tenant.users[20]!;

  it('posts request_retrieved, then presentation_verified with the claims and score, with the api-key header', async () => {
    const id = await openRequest();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      url: 'http://console.test/api/verified-id/callback',
      headers: { 'api-key': 'key-abc', 'content-type': 'application/json' },
      body: { requestId: id, requestStatus: 'request_retrieved', state: 'state-123' },
    });
    const user = subjectUser();
    const res = await service.request(
      `${TEST_ORIGIN}/verifiedid/wallet/${id}/present`,
      form({ upn: user.userPrincipalName.toUpperCase(), score: '88.5' }),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/data-testid="verifier-status"\s*>200</);
    expect(sent[1]?.body).toMatchObject({
      requestId: id,
      requestStatus: 'presentation_verified',
      state: 'state-123',
      subject: expect.stringMatching(/^did:ion:/) as unknown,
      verifiedCredentialsData: [
        {
          issuer: DEMO_VERIFIER_DID,
          type: ['VerifiableCredential', 'VerifiedEmployee'],
          claims: {
            displayName: user.displayName,
            givenName: user.givenName,
            surname: user.surname,
            mail: user.mail,
            revocationId: user.userPrincipalName,
          },
          faceCheck: { matchConfidenceScore: 88.5 },
        },
      ],
    });
    // Answered once: a second presentation of the same request is refused by the service.
    const again = await service.request(
      `${TEST_ORIGIN}/verifiedid/wallet/${id}/present`,
      form({ upn: user.userPrincipalName, score: '90' }),
    );
    expect(again.status).toBe(410);
    expect(sent).toHaveLength(2);
  });

  it('posts presentation_error (presentation_expired) when the request expires', async () => {
    const id = await openRequest();
    emu.ctx.clock.advance(5 * 60_000 + 1000);
    const res = await service.request(
      `${TEST_ORIGIN}/verifiedid/wallet/${id}/present`,
      form({ upn: subjectUser().userPrincipalName, score: '95' }),
    );
    expect(res.status).toBe(410);
    expect(sent.at(-1)?.body).toMatchObject({
      requestId: id,
      requestStatus: 'presentation_error',
      error: { code: 'presentation_expired' },
    });
  });

  it('lists open requests, and replays the last callback byte for byte on the control API', async () => {
    const id = await openRequest();
    const list = await service.request(`${TEST_ORIGIN}/verifiedid/wallet`);
    expect(await list.text()).toContain(id);
    await service.request(
      `${TEST_ORIGIN}/verifiedid/wallet/${id}/present`,
      form({ upn: subjectUser().userPrincipalName, score: '91' }),
    );
    verifierStatus = 409;
    const replay = await service.request(
      `${TEST_ORIGIN}/_emulator/verified-id/replay-last-callback`,
      {
        method: 'POST',
      },
    );
    verifierStatus = 200;
    expect(await replay.json()).toEqual({
      requestId: id,
      requestStatus: 'presentation_verified',
      status: 409,
    });
    expect(sent.at(-1)).toEqual(sent.at(-2));
  });
});
