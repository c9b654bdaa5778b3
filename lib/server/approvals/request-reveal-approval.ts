import 'server-only';
// A reveal request (four-eyes for showing a temporary passcode, APPROVAL_REQUIRED `reveal`): the agent who may
// reveal a done Android reset's passcode asks an approver first, with a reason. Written by the server only, from
// what the audit trail and Graph (with the agent's token) say of the action and its device; the browser names the
// action and gives the reason. An open request of this agent for the action is answered again, not doubled.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { auditActor } from '@/lib/server/auth/audit-actor';
import { verifiedCaller } from '@/lib/server/auth/verified-caller';
import type { ServerEnv } from '@/lib/server/config/server-env';
import { GraphError } from '@/lib/server/graph/errors';
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import type { AuditStore } from '@/lib/server/store/audit-store';
import type { ApprovalRow, ApprovalStore } from '@/lib/server/store/approvals';
import type { VerificationStore } from '@/lib/server/store/verifications';
import { openRevealRequest } from '@/lib/server/actions/reveal';
import { isRequester } from '@/lib/server/actions/requester';
import { visibleRecords } from '@/lib/server/actions/status';
import { summarize } from '@/lib/server/actions/summarize';
import { approvalPolicyFor, type ApprovalPolicyEnv } from '@/lib/server/trust/approval-policy';
import { checkVerificationId } from '@/lib/shared/actions/types';
import { by } from '@/lib/shared/checked-schema';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';
import { REVEALS_PASSCODE } from '@/lib/shared/devices/passcode-plan';
import { messageKey } from '@/lib/shared/i18n/catalogs';
import type { ApprovalView } from '@/lib/shared/trust/approval';
import { checkApprovalReason } from '@/lib/shared/trust/approval-input';
import { approvalView } from './view';
import { recordApprovalStep } from './trail';

export type RevealApprovalResult =
  | { status: 'approvalPending'; approval: ApprovalView }
  | {
      status: 'refused';
      /** actionNotFound, notYourAction, noPasscodeForAction, approvalNotRequired, signInAgain, or Graph's code. */
      code: string;
    }
  | {
      status: 'invalid';
      fieldErrors: Partial<Record<'actionId' | 'reason' | 'verificationId' | 'form', string>>;
    };

const INVALID = messageKey('validation.invalid');
const InputSchema = z.strictObject(
  {
    actionId: DeviceIdSchema,
    reason: z.string(INVALID).transform(by(checkApprovalReason)),
    verificationId: z.string(INVALID).transform(by(checkVerificationId)).optional(),
  },
  INVALID,
);

export interface RevealApprovalDeps {
  store: AuditStore;
  approvals: Pick<ApprovalStore, 'create' | 'get' | 'ofRequester'>;
  verifications: Pick<VerificationStore, 'get'>;
  env: Pick<ServerEnv, 'PASSCODE_REVEAL_ALSO'> & ApprovalPolicyEnv;
  /** E-mails the approvers about a request just written (never throws); none: no e-mail. */
  notifyApprovers?: (row: ApprovalRow, token: string) => Promise<unknown>;
  now?: () => Date;
}

export async function requestRevealApprovalOnce(
  rawInput: unknown,
  token: unknown,
  deps: RevealApprovalDeps,
): Promise<RevealApprovalResult> {
  const parsed = InputSchema.safeParse(rawInput);
  if (!parsed.success) {
    const fieldErrors: Extract<RevealApprovalResult, { status: 'invalid' }>['fieldErrors'] = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      const field =
        key === 'actionId' || key === 'reason' || key === 'verificationId' ? key : 'form';
      fieldErrors[field] ??= issue.message;
    }
    return { status: 'invalid', fieldErrors };
  }
  if (typeof token !== 'string' || token === '') return { status: 'refused', code: 'signInAgain' };
  const input = parsed.data;
  const now = (deps.now ?? (() => new Date()))();

  try {
    // The action as the trail has it, for an agent Graph lets see it; then its device with the agent's token, which
    // proves the token (so its claims name the requester) and names the device's user now.
    const records = await visibleRecords(input.actionId, token, deps.store);
    const action = records ? summarize(records, now.getTime()) : null;
    if (!records || !action) return { status: 'refused', code: 'actionNotFound' };
    const device = await getManagedDevice(token, action.deviceId, 'summary');
    const caller = await verifiedCaller(token);
    if (!caller.ok) return { status: 'refused', code: 'signInAgain' };
    const claims = caller.claims;
    const reveals =
      isRequester(records, claims.oid) ||
      deps.env.PASSCODE_REVEAL_ALSO.includes(claims.oid.toLowerCase()) ||
      deps.env.PASSCODE_REVEAL_ALSO.includes(claims.upn.toLowerCase());
    if (!reveals) return { status: 'refused', code: 'notYourAction' };
    if (!action.kind || !REVEALS_PASSCODE.has(action.kind))
      return { status: 'refused', code: 'noPasscodeForAction' };
    const who = { oid: claims.oid, upn: claims.upn };
    const verificationId = input.verificationId ?? action.verificationId ?? null;
    const verification = verificationId ? await deps.verifications.get(verificationId) : null;

    const open = await openRevealRequest(deps.approvals, who, input.actionId, now);
    if (open)
      return {
        status: 'approvalPending',
        approval: approvalView(open, { caller: who, approver: false }, verification, now),
      };
    const policy = await approvalPolicyFor(deps.env, {
      token,
      userId: device.userId || null,
      kind: action.kind,
      subject: 'reveal',
    });
    if (!policy.required) return { status: 'refused', code: 'approvalNotRequired' };

    const actor = auditActor(claims);
    const row = await deps.approvals.create({
      id: randomUUID(),
      subject: 'reveal',
      requester: actor,
      device: {
        id: action.deviceId,
        name: device.deviceName || null,
        serialNumber: device.serialNumber || null,
        userId: device.userId || null,
        userUpn: device.userPrincipalName || null,
        userName: device.userDisplayName || null,
      },
      actionKind: action.kind,
      graphAction: action.graphAction,
      revealOf: input.actionId,
      ticket: action.ticket ?? '',
      reason: input.reason,
      verificationId: verification?.id ?? null,
      because: policy.because,
      ttlMinutes: policy.ttlMinutes,
    });
    await recordApprovalStep(deps.store, row, 'approvalRequested', actor, input.reason);
    if (deps.notifyApprovers) await deps.notifyApprovers(row, token);
    const latest = (await deps.approvals.get(row.id)) ?? row;
    return {
      status: 'approvalPending',
      approval: approvalView(latest, { caller: who, approver: false }, verification, now),
    };
  } catch (e) {
    if (!(e instanceof GraphError)) throw e;
    if (e.status === 401) return { status: 'refused', code: 'signInAgain' };
    if (e.status === 403 || e.status === 404) return { status: 'refused', code: 'actionNotFound' };
    return { status: 'refused', code: e.code || 'graphFailed' };
  }
}
