// Microsoft Entra Verified ID for the console's caller check: Entra's client-credentials grant for the console's
// Verified ID app registration (answered on the tenant's token endpoint before the SPA's grants), the Request
// Service's createPresentationRequest under /verifiedid (standing for https://verifiedid.did.msidentity.com), a demo
// wallet page that presents a VerifiedEmployee credential with a Face Check score, the callbacks that follow, and
// (test and demo modes) a control endpoint that replays the last callback.
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import QRCode from 'qrcode';
import type { EmulatorContext } from '../context';
import { entraErrorBody, ENTRA_ERRORS, type EntraError } from '../entra/errors';
import { accessTokenIssuer } from '../entra/tokens';
import {
  DEMO_VERIFIED_ID_CLIENT_ID,
  DEMO_VERIFIED_ID_CLIENT_SECRET,
  DEMO_VERIFIER_DID,
  REQUEST_SERVICE_RESOURCE,
  UNGRANTED_VERIFIED_ID_CLIENT_ID,
  UNGRANTED_VERIFIED_ID_CLIENT_SECRET,
  VERIFIED_ID_BASE_PATH,
  VERIFIED_ID_PERMISSION,
} from './constants';
import { CLIENT_CREDENTIAL_ERRORS, requestServiceError } from './errors';
import {
  errorBody,
  fieldProblem,
  PresentationRequestBody,
  REQUEST_LIFETIME_MS,
  retrievedBody,
  verifiedBody,
  type CallbackDelivery,
  type PresentationRequest,
} from './presentation';
import { walletDonePage, walletErrorPage, walletListPage, walletRequestPage } from './wallet-page';

/** Confidential clients of the tenant that may use the client-credentials grant, and the app roles granted to each. */
const CONFIDENTIAL_APPS = new Map([
  [
    DEMO_VERIFIED_ID_CLIENT_ID,
    {
      secret: DEMO_VERIFIED_ID_CLIENT_SECRET,
      displayName: 'Passcode Desk Verified ID',
      servicePrincipalId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
      roles: [VERIFIED_ID_PERMISSION],
    },
  ],
  [
    UNGRANTED_VERIFIED_ID_CLIENT_ID,
    {
      secret: UNGRANTED_VERIFIED_ID_CLIENT_SECRET,
      displayName: 'Passcode Desk Verified ID (no admin consent)',
      servicePrincipalId: 'd2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f60',
      roles: [] as string[],
    },
  ],
]);

const APP_TOKEN_LIFETIME_SECONDS = 3599;
const CALLBACK_TIMEOUT_MS = 10_000;

export interface VerifiedIdOptions {
  /** How callbacks leave the emulator (tests pass a fake). */
  fetch?: typeof fetch;
}

export function verifiedIdRoutes(ctx: EmulatorContext, options: VerifiedIdOptions = {}): Hono {
  const app = new Hono();
  const send = options.fetch ?? fetch;
  const requests = new Map<string, PresentationRequest>();
  const deliveries: CallbackDelivery[] = [];
  const base = () => `${ctx.origin}${VERIFIED_ID_BASE_PATH}`;
  const isTenant = (t: string) =>
    t === ctx.tenant.tenantId || t.toLowerCase() === ctx.tenant.domain;

  // --- Entra: the client-credentials grant (every other grant goes on to the SPA's token endpoint) ---------------
  app.post('/:tenant/oauth2/v2.0/token', async (c, next) => {
    const form = await c.req.parseBody();
    if (form.grant_type !== 'client_credentials') return next();
    const correlationId = c.req.header('client-request-id') ?? randomUUID();
    const reject = (e: EntraError, status: 400 | 401 = 400) =>
      c.json(entraErrorBody(e, correlationId), status);
    const tenant = c.req.param('tenant');
    if (!isTenant(tenant))
      return reject({
        error: 'invalid_tenant',
        aadsts: 90002,
        description: `Tenant '${tenant}' not found.`,
      });
    const field = (name: string) => (typeof form[name] === 'string' ? form[name] : '');
    const clientId = field('client_id');
    if (!clientId) return reject(ENTRA_ERRORS.missingParameter('client_id'));
    // The SPA is a public client: Entra knows it, but it has no secret, so any secret is wrong for it.
    const registration = CONFIDENTIAL_APPS.get(clientId);
    if (!registration && clientId !== ctx.app.clientId)
      return reject(ENTRA_ERRORS.unknownClient(clientId), 401);
    const secret = field('client_secret');
    if (!secret) return reject(CLIENT_CREDENTIAL_ERRORS.secretRequired(), 401);
    if (!registration || secret !== registration.secret)
      return reject(CLIENT_CREDENTIAL_ERRORS.invalidSecret(clientId), 401);
    const scope = field('scope').trim();
    if (!scope) return reject(ENTRA_ERRORS.missingParameter('scope'));
    if (!scope.endsWith('/.default') || scope.includes(' '))
      return reject(CLIENT_CREDENTIAL_ERRORS.scopeNotDefault(scope));
    const resource = scope.slice(0, -'/.default'.length).replace(/^api:\/\//, '');
    if (resource !== REQUEST_SERVICE_RESOURCE)
      return reject(CLIENT_CREDENTIAL_ERRORS.resourceNotFound(resource, ctx.tenant.tenantId));
    const iat = Math.floor(ctx.clock.now() / 1000);
    const token = await new SignJWT({
      ver: '1.0',
      appid: clientId,
      app_displayname: registration.displayName,
      idtyp: 'app',
      oid: registration.servicePrincipalId,
      tid: ctx.tenant.tenantId,
      // Application permissions arrive as roles; an app without admin consent gets a token without any.
      ...(registration.roles.length > 0 ? { roles: registration.roles } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: ctx.key.kid })
      .setIssuer(accessTokenIssuer(ctx))
      .setAudience(REQUEST_SERVICE_RESOURCE)
      .setSubject(registration.servicePrincipalId)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + APP_TOKEN_LIFETIME_SECONDS)
      .sign(ctx.key.privateKey);
    return c.json({
      token_type: 'Bearer',
      expires_in: APP_TOKEN_LIFETIME_SECONDS,
      ext_expires_in: APP_TOKEN_LIFETIME_SECONDS,
      access_token: token,
    });
  });

  // --- the Request Service --------------------------------------------------------------------------------------
  async function appCaller(c: Context): Promise<{ ok: true; claims: JWTPayload } | Response> {
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    if (!match?.[1])
      return requestServiceError(c, 401, {
        code: 'tokenError',
        message: 'The request does not contain an access token in the Authorization header.',
      });
    try {
      const { payload } = await jwtVerify(match[1], ctx.key.publicKey, {
        issuer: accessTokenIssuer(ctx),
        audience: REQUEST_SERVICE_RESOURCE,
        currentDate: new Date(ctx.clock.now()),
      });
      if (payload.tid !== ctx.tenant.tenantId)
        return requestServiceError(c, 401, {
          code: 'tokenError',
          message: 'The access token was issued for another tenant.',
        });
      const roles = Array.isArray(payload.roles) ? payload.roles : [];
      if (!roles.includes(VERIFIED_ID_PERMISSION))
        return requestServiceError(c, 403, {
          code: 'tokenError',
          message: `The access token does not carry the application permission ${VERIFIED_ID_PERMISSION}; grant it to the app and give admin consent.`,
        });
      return { ok: true, claims: payload };
    } catch (e) {
      const expired = e instanceof joseErrors.JWTExpired;
      return requestServiceError(c, 401, {
        code: 'tokenError',
        message: expired
          ? 'The access token has expired.'
          : `The access token is not valid for ${REQUEST_SERVICE_RESOURCE}.`,
      });
    }
  }

  app.post(
    `${VERIFIED_ID_BASE_PATH}/v1.0/verifiableCredentials/createPresentationRequest`,
    async (c) => {
      const caller = await appCaller(c);
      if (caller instanceof Response) return caller;
      if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json'))
        return requestServiceError(c, 415, {
          code: 'unsupportedMediaType',
          message: 'The request must have Content-Type application/json.',
        });
      const raw: unknown = await c.req.json().catch(() => undefined);
      if (raw === undefined)
        return requestServiceError(c, 400, {
          code: 'badOrMissingField',
          message: 'The request body is not valid JSON.',
          target: 'body',
        });
      const parsed = PresentationRequestBody.safeParse(raw);
      if (!parsed.success) return requestServiceError(c, 400, fieldProblem(parsed.error));
      const id = randomUUID();
      const now = ctx.clock.now();
      const request: PresentationRequest = {
        id,
        tenantId: ctx.tenant.tenantId,
        appId: typeof caller.claims.appid === 'string' ? caller.claims.appid : '',
        body: parsed.data,
        createdAt: now,
        expiresAt: now + REQUEST_LIFETIME_MS,
        state: 'created',
      };
      requests.set(id, request);
      const url = `openid-vc://?request_uri=${base()}/v1.0/${ctx.tenant.tenantId}/verifiableCredentials/presentationRequests/${id}`;
      return c.json(
        {
          requestId: id,
          url,
          expiry: Math.floor(request.expiresAt / 1000),
          ...(parsed.data.includeQRCode
            ? { qrCode: await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2 }) }
            : {}),
        },
        201,
      );
    },
  );

  // The QR code's request_uri: Authenticator fetches the signed request from it; a person's browser goes to the wallet.
  app.get(
    `${VERIFIED_ID_BASE_PATH}/v1.0/:tenant/verifiableCredentials/presentationRequests/:id`,
    (c) => c.redirect(`${base()}/wallet/${encodeURIComponent(c.req.param('id'))}`, 302),
  );

  // --- callbacks --------------------------------------------------------------------------------------------------
  async function deliver(
    requestId: string,
    url: string,
    headers: Record<string, string>,
    body: string,
    requestStatus: string,
  ): Promise<CallbackDelivery> {
    let status: number | null = null;
    try {
      const res = await send(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body,
        signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
      });
      status = res.status;
      await res.body?.cancel();
    } catch {
      status = null;
    }
    const delivery = { requestId, requestStatus, url, headers, body, status, at: ctx.clock.now() };
    deliveries.push(delivery);
    if (deliveries.length > 200) deliveries.shift();
    return delivery;
  }

  const callback = (r: PresentationRequest, payload: { requestStatus: string }) =>
    deliver(
      r.id,
      r.body.callback.url,
      r.body.callback.headers ?? {},
      JSON.stringify(payload),
      payload.requestStatus,
    );

  /** The request if it is still open; past its expiry it is expired, whatever it was. */
  function open(id: string): PresentationRequest | undefined {
    const r = requests.get(id);
    if (!r) return undefined;
    if (r.state !== 'presented' && r.state !== 'expired' && r.expiresAt <= ctx.clock.now())
      r.state = 'expired';
    return r;
  }

  // --- the demo wallet -------------------------------------------------------------------------------------------
  app.get(`${VERIFIED_ID_BASE_PATH}/wallet`, (c) => {
    const wanted = c.req.query('requestId')?.trim();
    if (wanted) return c.redirect(`${base()}/wallet/${encodeURIComponent(wanted)}`, 302);
    const list = [...requests.keys()]
      .map(open)
      .filter((r): r is PresentationRequest => r !== undefined)
      .filter((r) => r.state === 'created' || r.state === 'retrieved')
      .sort((a, b) => b.createdAt - a.createdAt);
    return c.html(walletListPage(list, base()));
  });

  app.get(`${VERIFIED_ID_BASE_PATH}/wallet/:id`, async (c) => {
    const r = open(c.req.param('id'));
    if (!r)
      return c.html(walletErrorPage('Request not found', 'No such presentation request.'), 404);
    if (r.state === 'expired' || r.state === 'presented')
      return c.html(
        walletErrorPage('Request closed', `This presentation request is ${r.state}.`),
        410,
      );
    // Opening the request is what Authenticator's fetch of the request_uri is: the verifier hears of it.
    if (r.state === 'created') {
      r.state = 'retrieved';
      await callback(r, retrievedBody(r));
    }
    return c.html(walletRequestPage(r, base()));
  });

  app.post(`${VERIFIED_ID_BASE_PATH}/wallet/:id/present`, async (c) => {
    const r = open(c.req.param('id'));
    if (!r)
      return c.html(walletErrorPage('Request not found', 'No such presentation request.'), 404);
    if (r.state === 'expired') {
      const sent = await callback(
        r,
        errorBody(r, 'presentation_expired', 'The presentation request has expired.'),
      );
      return c.html(
        walletDonePage('Request expired', 'The presentation request had expired.', sent.status),
        410,
      );
    }
    if (r.state === 'presented')
      return c.html(walletErrorPage('Request closed', 'This request was already answered.'), 410);
    const form = await c.req.parseBody();
    const login = typeof form.upn === 'string' ? form.upn.trim().toLowerCase() : '';
    const user = ctx.index.userByKey.get(login);
    if (!user)
      return c.html(
        walletRequestPage(r, base(), `No credential in this wallet for ${login || '(empty)'}.`),
        400,
      );
    const score = Number(typeof form.score === 'string' ? form.score : '');
    if (!Number.isFinite(score) || score < 0 || score > 100)
      return c.html(
        walletRequestPage(r, base(), 'The Face Check score must be a number from 0 to 100.'),
        400,
      );
    r.state = 'presented';
    const issuer = r.body.requestedCredentials[0]?.acceptedIssuers?.[0] ?? r.body.authority;
    const sent = await callback(
      r,
      verifiedBody(r, user, { score, issuer, domain: ctx.tenant.domain, now: ctx.clock.now() }),
    );
    return c.html(
      walletDonePage(
        'Credential shared',
        `Shared ${user.displayName}'s VerifiedEmployee credential.`,
        sent.status,
      ),
    );
  });

  app.post(`${VERIFIED_ID_BASE_PATH}/wallet/:id/expire`, async (c) => {
    const r = open(c.req.param('id'));
    if (!r)
      return c.html(walletErrorPage('Request not found', 'No such presentation request.'), 404);
    if (r.state === 'presented')
      return c.html(walletErrorPage('Request closed', 'This request was already answered.'), 410);
    r.state = 'expired';
    r.expiresAt = Math.min(r.expiresAt, ctx.clock.now());
    const sent = await callback(
      r,
      errorBody(r, 'presentation_expired', 'The presentation request has expired.'),
    );
    return c.html(
      walletDonePage('Request expired', 'The request was left to expire.', sent.status),
    );
  });

  // --- control (tests and demos only) ----------------------------------------------------------------------------
  if (ctx.mode !== 'standalone') {
    // What a launcher sets in the console to use this emulated service (npm run demo): demo values only.
    app.get('/_emulator/verified-id/settings', (c) =>
      c.json({
        clientId: DEMO_VERIFIED_ID_CLIENT_ID,
        clientSecret: DEMO_VERIFIED_ID_CLIENT_SECRET,
        authority: DEMO_VERIFIER_DID,
        endpoint: base(),
        wallet: `${base()}/wallet`,
      }),
    );
    app.get('/_emulator/verified-id/callbacks', (c) =>
      c.json({
        callbacks: deliveries.map(({ requestId, requestStatus, url, status, at }) => ({
          requestId,
          requestStatus,
          url,
          status,
          at: new Date(at).toISOString(),
        })),
      }),
    );
    // The same bytes and headers again, as an attacker who captured one would send them.
    app.post('/_emulator/verified-id/replay-last-callback', async (c) => {
      const last = deliveries.at(-1);
      if (!last) return c.json({ error: 'no callback has been sent yet' }, 404);
      const again = await deliver(
        last.requestId,
        last.url,
        last.headers,
        last.body,
        last.requestStatus,
      );
      return c.json({
        requestId: again.requestId,
        requestStatus: again.requestStatus,
        status: again.status,
      });
    });
  }

  return app;
}
