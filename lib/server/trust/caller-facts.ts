import 'server-only';
// What GET /api/devices/{id}/caller answers: the device read with the agent's token names its user; then the
// user's profile, manager, registered phone methods and risk are read in parallel with the same token, each a part
// that is its value or why it is not there; the device's own risk signals; the console's own passcode actions on
// the user's devices in the last 30 days; the server's verification policy for that user (verification-policy.ts);
// and whether a passcode action on this device needs a second agent's approval (approval-policy.ts), so the dialog
// says so before Confirm.
import {
  asPart,
  getManager,
  getPhoneMethods,
  getUserProfile,
  getUserRisk,
} from '@/lib/server/graph/directory';
import { getManagedDevice, type DeviceOfCaller } from '@/lib/server/graph/managed-devices';
import type { AuditStore } from '@/lib/server/store/audit-store';
import { StoreUnavailableError } from '@/lib/server/store/database-errors';
import type { CallerFacts, Part, RecentUserActions } from '@/lib/shared/trust/caller';
import { verificationPolicy, verificationPolicyFor, type PolicyEnv } from './verification-policy';
import { approvalPolicyFor, type ApprovalPolicyEnv } from './approval-policy';
import { passcodePolicy, type ServerEnv } from '@/lib/server/config/server-env';
import { decidePasscodePlan } from '@/lib/server/devices/passcode-decision';
import { GraphError } from '@/lib/server/graph/errors';
import type { PasscodeActionKind } from '@/lib/shared/devices/passcode-plan';

const RECENT_ACTION_DAYS = 30;
const DAY_MS = 86_400_000;
const NONE = { unavailable: 'none' } as const;

export async function readCallerFacts(
  token: string,
  deviceId: string,
  deps: {
    store: () => Promise<AuditStore>;
    env: PolicyEnv &
      ApprovalPolicyEnv &
      Pick<ServerEnv, 'PASSCODE_ACTIONS' | 'RECOVER_PASSCODE_EVERYWHERE'>;
    signal?: AbortSignal;
    now?: number;
  },
): Promise<CallerFacts> {
  const { signal } = deps;
  // A device this agent may not read ends the answer here (GraphError → the route's error answer).
  const device = await getManagedDevice(token, deviceId, 'caller', { signal });
  const base = { deviceId: device.id, device: device.risk };
  // The kind the device supports now decides a kind rule; asked with the user (their groups) for the whole answer.
  // Only a rule that names kinds needs it: deciding it may cost a beta read the dialog makes anyway.
  const kindMatters =
    deps.env.APPROVAL_REQUIRED.kinds.length > 0 && !deps.env.APPROVAL_REQUIRED.all;
  const approval = async (userId: string | null) =>
    approvalPolicyFor(
      deps.env,
      {
        token,
        userId,
        kind: kindMatters
          ? await supportedKind(token, device.id, device.plan, deps.env, signal)
          : null,
        subject: 'action',
      },
      { signal },
    );
  if (!device.userId)
    return {
      ...base,
      policy: verificationPolicy(deps.env),
      approval: await approval(null),
      user: null,
      profile: NONE,
      manager: NONE,
      phoneMethods: NONE,
      risk: NONE,
      recentActions: NONE,
    };
  const userId = device.userId;
  const since = new Date((deps.now ?? Date.now()) - RECENT_ACTION_DAYS * DAY_MS);
  const [profile, manager, phoneMethods, risk, recentActions, policy, approvalPolicy] =
    await Promise.all([
      asPart('profile', token, () => getUserProfile(token, userId, signal)),
      asPart('manager', token, () => getManager(token, userId, signal)),
      asPart('phoneMethods', token, () => getPhoneMethods(token, userId, signal)),
      asPart('risk', token, () => getUserRisk(token, userId, signal)),
      recentActionsOn(device.userPrincipalName, since, deps.store),
      // For this user (a VERIFY_REQUIRED_GROUPS member is held to `required`); the action kind is the plan's, later.
      verificationPolicyFor(deps.env, { token, userId, kind: null }, { signal }),
      approval(userId),
    ]);
  return {
    ...base,
    user: {
      id: userId,
      upn: device.userPrincipalName || null,
      displayName: device.userDisplayName || null,
    },
    profile,
    manager,
    phoneMethods,
    risk,
    recentActions,
    policy,
    approval: approvalPolicy,
  };
}

/**
 * The passcode action the device supports now, as the one rule decides it (a beta read where v1.0 leaves the mode
 * open); null when none, or when that read fails: the action decides again on Confirm, and answers approvalPending
 * there if the kind asks for approval after all.
 */
async function supportedKind(
  token: string,
  id: string,
  plan: DeviceOfCaller['plan'],
  env: Pick<ServerEnv, 'PASSCODE_ACTIONS' | 'RECOVER_PASSCODE_EVERYWHERE'>,
  signal: AbortSignal | undefined,
): Promise<PasscodeActionKind | null> {
  try {
    const decided = await decidePasscodePlan(token, { ...plan, id }, passcodePolicy(env), {
      signal,
    });
    return decided.available ? decided.kind : null;
  } catch (e) {
    if (e instanceof GraphError) return null;
    throw e;
  }
}

/** A failing audit database costs the panel this one signal, said as "failed", not the whole answer. */
async function recentActionsOn(
  upn: string,
  since: Date,
  store: () => Promise<AuditStore>,
): Promise<Part<RecentUserActions>> {
  if (!upn) return NONE;
  try {
    return await (await store()).actionsOnUserSince(upn, since);
  } catch (e) {
    if (e instanceof StoreUnavailableError) return { unavailable: 'failed' };
    throw e;
  }
}
