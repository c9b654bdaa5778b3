'use server';
// The recoverPasscode server action: a public POST endpoint, so everything is checked again inside.
import { getAuditStore } from '@/lib/server/audit';
import { recoverPasscodeOnce } from '@/lib/server/actions/recover';
import type { RecoverResult } from '@/lib/shared/actions/types';
import { serverEnv } from '@/lib/server/config/server-env';

export async function recoverPasscode(input: unknown, accessToken: unknown): Promise<RecoverResult> {
  return recoverPasscodeOnce(input, accessToken, { store: await getAuditStore(), env: serverEnv() });
}
