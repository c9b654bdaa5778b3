// GET /api/actions/{id}/passcode[?verificationId=…][&approvalId=…]: the temporary passcode of an Android reset,
// fetched from Graph on the agent's explicit click, answered with no-store, and audited without the passcode. The
// only answer that carries one. Under the caller policy it rests on the action's verification, or on the one named
// here. Where four-eyes covers reveals, it needs the agent's approved reveal request, named here and used up by this
// one reveal; without one it answers 403 approvalRequired with the agent's open request for it, if any.
import { NextResponse } from 'next/server';
import { revealPasscode } from '@/lib/server/actions/reveal';
import {
  getApprovalStore,
  getAuditStore,
  getRateLimits,
  getVerificationStore,
} from '@/lib/server/store';
import { serverEnv } from '@/lib/server/config/server-env';
import { apiText } from '@/lib/server/i18n/api-text';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { checkVerificationId } from '@/lib/shared/actions/types';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';
import { API_CACHE_CONTROL } from '@/lib/server/http/security-headers';
import { errorInfo } from '@/lib/shared/errors';

export const GET = graphRoute<{ id: string }>(async ({ req, token, params }) => {
  const id = DeviceIdSchema.safeParse(params.id); // action ids are GUIDs too
  if (!id.success) return apiError(400, 'invalidActionId', apiText('invalidActionId'));
  const query = new URL(req.url).searchParams;
  const named = query.get('verificationId');
  const verificationId = named === null ? null : checkVerificationId(named);
  if (verificationId && !verificationId.ok)
    return apiError(400, 'invalidVerificationId', apiText('invalidVerificationId'));
  // An approval's id is a server-issued UUID like a verification's: the same check.
  const namedApproval = query.get('approvalId');
  const approvalId = namedApproval === null ? null : checkVerificationId(namedApproval);
  if (approvalId && !approvalId.ok)
    return apiError(400, 'approvalRefused', `${apiText('approvalRefused')} (unknown)`);
  const result = await revealPasscode(id.data, token, {
    store: await getAuditStore(),
    limits: await getRateLimits(),
    verifications: await getVerificationStore(),
    approvals: await getApprovalStore(),
    env: serverEnv(),
    verificationId: verificationId?.ok ? verificationId.value : null,
    approvalId: approvalId?.ok ? approvalId.value : null,
  });
  if (!result.ok && result.status === 429) {
    return apiError(429, result.code, apiText(result.code), {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  }
  if (!result.ok && result.code === 'verificationRequired') {
    // The refusal's reason (never the evidence) rides beside the text, so the browser can word it.
    return apiError(403, result.code, `${apiText(result.code)} (${result.problem})`);
  }
  if (!result.ok && result.code === 'approvalRequired') {
    // The console's error body, with the code and the agent's open request beside it for the reveal dialog.
    return NextResponse.json(
      {
        error: errorInfo(403, result.code, apiText(result.code)),
        code: result.code,
        approval: result.approval,
      },
      { status: 403, headers: { 'Cache-Control': API_CACHE_CONTROL } },
    );
  }
  if (!result.ok && result.code === 'approvalRefused') {
    return apiError(403, result.code, `${apiText(result.code)} (${result.problem})`);
  }
  if (!result.ok) return apiError(result.status, result.code, apiText(result.code));
  return jsonOk({ passcode: result.passcode, expiresAt: result.expiresAt });
});
