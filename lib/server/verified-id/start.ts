import 'server-only';
// "Verify with Verified ID": the agent (as Graph vouches for their token) asks for a presentation of the device's
// user's VerifiedEmployee credential with Face Check. The device's user is read from Graph with the agent's token
// now, and kept with the request, so the callback compares the credential with what Graph said, not with anything
// the browser sent. The callback authenticates with a fresh random api key per request, stored only as a hash.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ServerEnv } from '@/lib/server/config/server-env';
import { claimsOfAcceptedToken } from '@/lib/server/auth/verified-caller';
import { GraphError } from '@/lib/server/graph/errors';
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { logger } from '@/lib/server/log/logger';
import { StoreUnavailableError } from '@/lib/server/store/database-errors';
import type { VerifiedIdRequests } from '@/lib/server/store/verified-id-requests';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';
import type { VerifiedIdStartResult } from '@/lib/shared/trust/verified-id';
import { AppTokenError, appToken, forgetAppToken } from './app-token';
import { verifiedIdConfig } from './config';
import { createPresentationRequest, RequestServiceError } from './request-service';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('base64url');
}

export interface StartDeps {
  env: ServerEnv;
  requests: () => Promise<VerifiedIdRequests>;
  now?: () => Date;
}

export async function startVerifiedIdCheck(
  deviceIdInput: unknown,
  accessToken: unknown,
  deps: StartDeps,
): Promise<VerifiedIdStartResult> {
  const config = verifiedIdConfig(deps.env);
  if (!config) return { status: 'refused', code: 'notConfigured' };
  const deviceId = DeviceIdSchema.safeParse(deviceIdInput);
  if (!deviceId.success) return { status: 'refused', code: 'invalidDevice' };
  if (typeof accessToken !== 'string' || accessToken.length === 0 || accessToken.length > 20_000)
    return { status: 'refused', code: 'signInRequired' };
  const now = deps.now ?? (() => new Date());

  let agent;
  let owner;
  try {
    // The device read is Graph's word on the token too: no separate proof of it first.
    owner = await getManagedDevice(accessToken, deviceId.data, 'caller');
    agent = await claimsOfAcceptedToken(accessToken);
    if (!agent) return { status: 'refused', code: 'signInRequired' };
  } catch (e) {
    if (e instanceof GraphError) {
      logger.warn(
        { source: 'verified-id', status: e.status, code: e.code, requestId: e.requestId },
        'verified id: the device could not be read with the agent token',
      );
      return { status: 'refused', code: e.status === 401 ? 'signInRequired' : 'deviceNotReadable' };
    }
    throw e;
  }
  if (!owner.userId) return { status: 'refused', code: 'noDeviceUser' };

  const state = randomUUID();
  const apiKey = randomBytes(32).toString('base64url');
  let created;
  try {
    created = await createPresentationRequest(config, await appToken(config), { state, apiKey });
  } catch (e) {
    if (e instanceof RequestServiceError && e.status === 401) forgetAppToken();
    if (e instanceof AppTokenError || e instanceof RequestServiceError) {
      logger.error(
        { source: 'verified-id', status: e.status, reason: e.reason },
        e instanceof AppTokenError
          ? 'verified id: Entra refused the app credential'
          : 'verified id: the Request Service refused the presentation request',
      );
      return { status: 'refused', code: 'serviceFailed' };
    }
    throw e;
  }

  const expiresAt = new Date(created.expiry * 1000).toISOString();
  try {
    const requests = await deps.requests();
    await requests.create({
      request_id: created.requestId,
      state,
      api_key_hash: hashApiKey(apiKey),
      agent_oid: agent.oid,
      agent_upn: agent.upn,
      agent_name: agent.name,
      agent_tenant: agent.tid,
      subject_user_id: owner.userId,
      subject_upn: owner.userPrincipalName || null,
      subject_name: owner.userDisplayName || null,
      device_id: deviceId.data,
      threshold: config.threshold,
      created_at: now().toISOString(),
      expires_at: expiresAt,
    });
  } catch (e) {
    if (e instanceof StoreUnavailableError) return { status: 'refused', code: 'storeUnavailable' };
    throw e;
  }
  logger.info(
    { source: 'verified-id', requestId: created.requestId, deviceId: deviceId.data },
    'verified id: presentation request started',
  );
  return {
    status: 'started',
    requestId: created.requestId,
    qrCode: created.qrCode,
    url: created.url,
    expiresAt,
    threshold: config.threshold,
  };
}
