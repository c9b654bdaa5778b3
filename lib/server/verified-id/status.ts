import 'server-only';
// Where a presentation request stands, for the agent who started it and nobody else (object ids compared in lower
// case). An open request past its expiry reads as expired; the verification is the one the server wrote.
import type { VerificationStore } from '@/lib/server/store/verifications';
import type { VerifiedIdRequests } from '@/lib/server/store/verified-id-requests';
import type { VerifiedIdFailure } from '@/lib/shared/trust/verification';
import type { VerifiedIdStatus, VerifiedIdStatusName } from '@/lib/shared/trust/verified-id';

const FAILURES: readonly string[] = ['subjectMismatch', 'lowScore', 'expired', 'presentationError'];
const asFailure = (f: string | null): VerifiedIdFailure | null =>
  f !== null && FAILURES.includes(f) ? (f as VerifiedIdFailure) : null;

export async function verifiedIdStatus(
  requestId: string,
  agentOid: string,
  deps: { requests: VerifiedIdRequests; verifications: VerificationStore; now?: () => Date },
): Promise<VerifiedIdStatus | null> {
  const row = await deps.requests.get(requestId);
  // Another agent's request reads as no request at all.
  if (!row || row.agent_oid !== agentOid.toLowerCase()) return null;
  const now = (deps.now?.() ?? new Date()).getTime();
  const failure = asFailure(row.failure);
  let status: VerifiedIdStatusName = row.status;
  if (row.concluded_at === null && now > Date.parse(row.expires_at)) status = 'expired';
  if (failure === 'expired') status = 'expired';
  return {
    requestId: row.request_id,
    status,
    failure,
    score: row.score,
    threshold: row.threshold,
    expiresAt: row.expires_at,
    subject: { id: row.subject_user_id, upn: row.subject_upn, name: row.subject_name },
    verification: row.verification_id ? await deps.verifications.get(row.verification_id) : null,
  };
}
