import 'server-only';
// Which caller verification a passcode action or a reveal needs (VERIFY_CALLER, VERIFY_MAX_AGE_MINUTES), decided
// on the server per device user; the dialog shows what this answers and never decides it itself.
import type { ServerEnv } from '@/lib/server/config/server-env';
import type { VerificationPolicy } from '@/lib/shared/trust/verification';

export function verificationPolicy(
  env: Pick<ServerEnv, 'VERIFY_CALLER' | 'VERIFY_MAX_AGE_MINUTES'>,
): VerificationPolicy {
  return { mode: env.VERIFY_CALLER, maxAgeMinutes: env.VERIFY_MAX_AGE_MINUTES };
}
