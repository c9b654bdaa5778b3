import 'server-only';
// What the approver's and the requester's server actions on an approval share: who is calling (Graph vouches for
// the token first), the trail of a refused attempt, and the view answered. The actions are public POST endpoints,
// so nothing the browser sends is trusted beyond its shape.
import { randomUUID } from 'node:crypto';
import { auditActor } from '@/lib/server/auth/audit-actor';
import { checkTokenShape, type TokenClaims } from '@/lib/server/auth/token-claims';
import { verifiedCaller } from '@/lib/server/auth/verified-caller';
import type { ServerEnv } from '@/lib/server/config/server-env';
import { GraphError } from '@/lib/server/graph/errors';
import { logger } from '@/lib/server/log/logger';
import type { ApprovalRow, ApprovalStore } from '@/lib/server/store/approvals';
import type { AuditStore } from '@/lib/server/store/audit-store';
import type { VerificationStore } from '@/lib/server/store/verifications';
import type { ApprovalProblem, ApprovalView } from '@/lib/shared/trust/approval';
import { approvalView } from './view';

export interface ApprovalCallDeps {
  approvals: () => Promise<ApprovalStore>;
  audit: () => Promise<Pick<AuditStore, 'record'>>;
  verifications: () => Promise<Pick<VerificationStore, 'many'>>;
  env: Pick<ServerEnv, 'AUTH_TENANT_ID' | 'APPROVAL_TTL_MINUTES'>;
  /** Who the token belongs to once Graph has accepted it (verifiedCaller by default; tests give their own). */
  caller?: (token: string) => Promise<TokenClaims | null>;
  now?: () => Date;
}

/** The caller as Graph vouches for the token; null for a token to sign in again for (missing, refused by Graph). */
export async function provenCaller(
  token: unknown,
  deps: Pick<ApprovalCallDeps, 'env' | 'caller'>,
): Promise<TokenClaims | null> {
  if (typeof token !== 'string') return null;
  const shape = checkTokenShape(token, { tenantId: deps.env.AUTH_TENANT_ID });
  if (!shape.ok && shape.reason !== 'malformed') return null;
  if (deps.caller) return deps.caller(token);
  try {
    const check = await verifiedCaller(token);
    return check.ok ? check.claims : null;
  } catch (e) {
    // Graph refused the token itself: the agent signs in again. Any other failure of Graph is not the agent's.
    if (e instanceof GraphError && e.status === 401 && !e.intuneRealm) return null;
    throw e;
  }
}

/**
 * A refused decide or withdraw, in the trail. Not a `decision` record: those are the request's steps, each a
 * change that happened, and the request's own trail (its id, later its action's) must read as what happened to it.
 * A refusal is what every other refused attempt in this console is: an intent and an outcome `refused` under a
 * fresh action id, naming the approval in its detail (`approval <id>: <problem>`), so the activity page lists it
 * beside refused actions (the outcome filter finds it) and an auditor sees who tried what, on which device. The
 * caller is verified here (Graph accepted their token), so these records need no anonymous budget.
 */
export async function recordRefusal(
  audit: Pick<AuditStore, 'record'>,
  attempt: 'decide' | 'withdraw',
  approvalId: string,
  row: ApprovalRow | null,
  caller: TokenClaims,
  problem: ApprovalProblem,
): Promise<void> {
  const actionId = randomUUID();
  const common = {
    actionId,
    actionName: row?.graph_action ?? 'unknown',
    actionKind: row?.action_kind ?? null,
    // A forged id names no request, and so no device: the record says so rather than echoing anything sent.
    deviceId: row?.device_id ?? 'unknown',
    deviceName: row?.device_name ?? null,
    ticket: row?.ticket ?? null,
    actor: { value: auditActor(caller), verified: true },
    clientRequestId: actionId,
  };
  await audit.record({ ...common, kind: 'intent' });
  await audit.record({
    ...common,
    kind: 'outcome',
    outcome: 'refused',
    detail: `approval ${approvalId}: ${problem}`,
  });
  logger.info({ approvalId, attempt, problem }, `approval ${attempt} refused: ${problem}`);
}

/** The row as the caller sees it, with the caller verification it rests on. */
export async function viewFor(
  row: ApprovalRow,
  caller: TokenClaims,
  approver: boolean,
  deps: Pick<ApprovalCallDeps, 'verifications'>,
  now: Date,
): Promise<ApprovalView> {
  const verification = row.verification_id
    ? ((await (await deps.verifications()).many([row.verification_id])).get(row.verification_id) ??
      null)
    : null;
  return approvalView(
    row,
    { caller: { oid: caller.oid, upn: caller.upn }, approver },
    verification,
    now,
  );
}
