'use server';
// The caller verification's server action: a public POST endpoint, so everything is checked again inside
// (lib/server/trust/record-verification.ts). A failing database is answered in words, never thrown.
import { serverEnv } from '@/lib/server/config/server-env';
import { withActionLog } from '@/lib/server/http/request-log';
import { getVerificationStore } from '@/lib/server/store';
import { recordCallerVerification as record } from '@/lib/server/trust/record-verification';
import type { RecordVerificationResult } from '@/lib/shared/trust/verification-input';

export async function recordCallerVerification(
  input: unknown,
  accessToken: unknown,
): Promise<RecordVerificationResult> {
  return withActionLog(
    'recordCallerVerification',
    () => record(input, accessToken, { store: getVerificationStore, env: serverEnv() }),
    (result) => (result.status === 'recorded' ? { verificationId: result.verification.id } : {}),
  );
}
