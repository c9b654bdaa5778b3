import 'server-only';
// Records how an agent verified the person calling about a device (the server action recordCallerVerification).
// Nothing the browser asserts is trusted: the device is read again with the agent's token (which also proves the
// token to Graph, so its claims name the agent), the device's user comes from that read, and a number is named by
// its ref only and looked up among the numbers of record Graph shows this agent now; only its last digits are kept.
import { auditActor } from '@/lib/server/auth/audit-actor';
import { checkTokenShape } from '@/lib/server/auth/token-claims';
import { claimsOfAcceptedToken } from '@/lib/server/auth/verified-caller';
import type { ServerEnv } from '@/lib/server/config/server-env';
import { GraphError } from '@/lib/server/graph/errors';
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { StoreUnavailableError } from '@/lib/server/store/database-errors';
import type { VerificationStore } from '@/lib/server/store/verifications';
import { VerificationInputSchema } from '@/lib/shared/trust/verification-input-schema';
import type {
  RecordVerificationResult,
  VerificationInput,
} from '@/lib/shared/trust/verification-input';
import type { VerificationEvidence } from '@/lib/shared/trust/verification';
import { lastDigits, readNumbersOfRecord, resolveRef } from './numbers-of-record';

export interface RecordVerificationDeps {
  store: () => Promise<VerificationStore>;
  env: Pick<ServerEnv, 'AUTH_TENANT_ID'>;
}

export async function recordCallerVerification(
  input: unknown,
  token: unknown,
  deps: RecordVerificationDeps,
): Promise<RecordVerificationResult> {
  const parsed = VerificationInputSchema.safeParse(input);
  if (!parsed.success)
    return {
      status: 'invalid',
      fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'form')))],
    };
  const shape = checkTokenShape(token, { tenantId: deps.env.AUTH_TENANT_ID });
  if (typeof token !== 'string' || (!shape.ok && shape.reason !== 'malformed'))
    return { status: 'signInAgain' };
  const v = parsed.data;
  try {
    const device = await getManagedDevice(token, v.deviceId, 'caller');
    // Graph has accepted the token: its claims (or, for a token the console cannot read, Graph's /me) name the agent.
    const agent = await claimsOfAcceptedToken(token);
    if (!agent) return { status: 'signInAgain' };
    if (!device.userId) return { status: 'noUser' };
    const evidence = await evidenceOf(v, token, device.userId);
    if (!evidence) return { status: 'unknownNumber' };
    const verification = await (
      await deps.store()
    ).record({
      agent: auditActor(agent),
      subject: {
        id: device.userId,
        upn: device.userPrincipalName || null,
        name: device.userDisplayName || null,
      },
      deviceId: device.id,
      evidence,
      verified: evidence.method !== 'notVerified',
    });
    return { status: 'recorded', verification };
  } catch (e) {
    if (e instanceof GraphError)
      return e.status === 401 && !e.intuneRealm
        ? { status: 'signInAgain' }
        : { status: 'failed', failure: e.info() };
    if (e instanceof StoreUnavailableError) return { status: 'storeUnavailable' };
    throw e;
  }
}

/** The evidence for the input, from Graph's answers; null when a call-back's ref names no number of record. */
async function evidenceOf(
  v: VerificationInput,
  token: string,
  userId: string,
): Promise<VerificationEvidence | null> {
  switch (v.method) {
    case 'callBack':
    case 'managerCallBack': {
      const found = resolveRef(await readNumbersOfRecord(token, userId), v.phoneRef);
      if (!found) return null;
      const phone = {
        phoneLast: lastDigits(found.number.number),
        phoneSource: found.number.source,
        phoneType: found.number.phoneType,
      };
      if (v.method === 'callBack')
        return found.whose === 'user' ? { method: 'callBack', ...phone } : null;
      return found.whose === 'manager'
        ? {
            method: 'managerCallBack',
            managerId: found.manager.id,
            managerName: found.manager.displayName ?? '',
            ...phone,
          }
        : null;
    }
    case 'inPerson':
      return { method: 'inPerson', idType: v.idType, statement: v.statement };
    case 'notVerified':
      return { method: 'notVerified', reason: v.reason };
  }
}
