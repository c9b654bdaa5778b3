import 'server-only';
// The Request Service's callbacks (POST /api/verified-id/callback), outside the agent's sign-in: a callback proves
// itself with the api key this request was created with (the `api-key` header, compared by hash in constant time)
// and the request's state. It may conclude a request once; any later concluding callback (a replay) is refused and
// recorded nowhere. presentation_verified verifies only when the credential names the device's user (its
// revocationId, which Microsoft's VerifiedEmployee fills from the userPrincipalName) and Face Check scored at least
// the threshold; anything else is recorded as a failed verification, for the agent who started the request.
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { VerificationStore } from '@/lib/server/store/verifications';
import type {
  VerifiedIdRequests,
  VerifiedIdRequestRow,
} from '@/lib/server/store/verified-id-requests';
import type { VerifiedIdFailure } from '@/lib/shared/trust/verification';
import { VERIFIED_EMPLOYEE } from './request-service';
import { hashApiKey } from './start';

/** The callback's body, as Microsoft documents it (only what the console reads). */
export const CallbackBody = z.object({
  requestId: z.string().min(1).max(100),
  requestStatus: z.string().min(1).max(100),
  state: z.string().max(200).optional(),
  subject: z.string().optional(),
  verifiedCredentialsData: z
    .array(
      z.object({
        issuer: z.string().optional(),
        type: z.array(z.string()),
        claims: z.record(z.string(), z.unknown()).default({}),
        faceCheck: z.object({ matchConfidenceScore: z.number() }).optional(),
      }),
    )
    .optional(),
  error: z.object({ code: z.string(), message: z.string().optional() }).optional(),
});
export type CallbackBody = z.infer<typeof CallbackBody>;

export type CallbackVerdict =
  | { status: 200; outcome: 'retrieved' | 'ignored' }
  | { status: 200; outcome: 'concluded'; verified: boolean; failure: VerifiedIdFailure | null }
  | { status: 400; outcome: 'invalidCallback' }
  | { status: 401; outcome: 'unknownRequest' | 'wrongKey' | 'wrongState' }
  | { status: 409; outcome: 'replay' };

export interface CallbackDeps {
  requests: VerifiedIdRequests;
  verifications: VerificationStore;
  now?: () => Date;
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};

export async function handleCallback(
  apiKey: string | null,
  raw: unknown,
  deps: CallbackDeps,
): Promise<CallbackVerdict> {
  const parsed = CallbackBody.safeParse(raw);
  if (!parsed.success) return { status: 400, outcome: 'invalidCallback' };
  const body = parsed.data;
  const row = await deps.requests.get(body.requestId);
  if (!row) return { status: 401, outcome: 'unknownRequest' };
  // Hashes of equal length, compared in constant time: the key's length and bytes leak nothing.
  if (!apiKey || !sameSecret(hashApiKey(apiKey), row.api_key_hash))
    return { status: 401, outcome: 'wrongKey' };
  if (!sameSecret(body.state ?? '', row.state)) return { status: 401, outcome: 'wrongState' };
  if (row.concluded_at !== null) return { status: 409, outcome: 'replay' };

  switch (body.requestStatus) {
    case 'request_retrieved':
      await deps.requests.markRetrieved(row.request_id);
      return { status: 200, outcome: 'retrieved' };
    case 'presentation_verified': {
      const { failure, score } = judge(row, body, deps.now?.() ?? new Date());
      return conclude(row, failure, score, deps);
    }
    case 'presentation_error':
      return conclude(
        row,
        body.error?.code === 'presentation_expired' ? 'expired' : 'presentationError',
        null,
        deps,
      );
    default:
      // A status the console does not act on (Microsoft may add some): acknowledged, nothing recorded.
      return { status: 200, outcome: 'ignored' };
  }
}

/** Whether a presentation verifies the device's user: in time, the right person, a good enough Face Check. */
export function judge(
  row: VerifiedIdRequestRow,
  body: CallbackBody,
  now: Date,
): { failure: VerifiedIdFailure | null; score: number | null } {
  const credential = body.verifiedCredentialsData?.find((c) => c.type.includes(VERIFIED_EMPLOYEE));
  const score = credential?.faceCheck?.matchConfidenceScore ?? null;
  if (now.getTime() > Date.parse(row.expires_at)) return { failure: 'expired', score };
  const named = credential?.claims.revocationId;
  const expected = row.subject_upn?.toLowerCase();
  if (!expected || typeof named !== 'string' || named.toLowerCase() !== expected)
    return { failure: 'subjectMismatch', score };
  if (score === null || score < row.threshold) return { failure: 'lowScore', score };
  return { failure: null, score };
}

async function conclude(
  row: VerifiedIdRequestRow,
  failure: VerifiedIdFailure | null,
  score: number | null,
  deps: CallbackDeps,
): Promise<CallbackVerdict> {
  const claimed = await deps.requests.conclude(row.request_id, {
    status: failure === null ? 'verified' : 'failed',
    failure,
    score,
  });
  // Another callback concluded it between our read and our write: this one is the replay.
  if (!claimed) return { status: 409, outcome: 'replay' };
  const verification = await deps.verifications.record({
    agent: {
      oid: row.agent_oid,
      upn: row.agent_upn,
      name: row.agent_name,
      tenant: row.agent_tenant,
    },
    subject: { id: row.subject_user_id, upn: row.subject_upn, name: row.subject_name },
    deviceId: row.device_id,
    evidence: {
      method: 'verifiedId',
      requestId: row.request_id,
      score,
      threshold: row.threshold,
      failure,
    },
    verified: failure === null,
  });
  await deps.requests.attachVerification(row.request_id, verification.id);
  return { status: 200, outcome: 'concluded', verified: failure === null, failure };
}
