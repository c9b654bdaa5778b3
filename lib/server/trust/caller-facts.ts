import 'server-only';
// What GET /api/devices/{id}/caller answers: the device read with the agent's token names its user; then the
// user's profile, manager, registered phone methods and risk are read in parallel with the same token, each a part
// that is its value or why it is not there; the device's own risk signals; the console's own passcode actions on
// the user's devices in the last 30 days; and the server's verification policy for that user (verification-policy.ts).
import {
  asPart,
  getManager,
  getPhoneMethods,
  getUserProfile,
  getUserRisk,
} from '@/lib/server/graph/directory';
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import type { AuditStore } from '@/lib/server/store/audit-store';
import { StoreUnavailableError } from '@/lib/server/store/database-errors';
import type { CallerFacts, Part, RecentUserActions } from '@/lib/shared/trust/caller';
import { verificationPolicy, verificationPolicyFor, type PolicyEnv } from './verification-policy';

const RECENT_ACTION_DAYS = 30;
const DAY_MS = 86_400_000;
const NONE = { unavailable: 'none' } as const;

export async function readCallerFacts(
  token: string,
  deviceId: string,
  deps: {
    store: () => Promise<AuditStore>;
    env: PolicyEnv;
    signal?: AbortSignal;
    now?: number;
  },
): Promise<CallerFacts> {
  const { signal } = deps;
  // A device this agent may not read ends the answer here (GraphError → the route's error answer).
  const device = await getManagedDevice(token, deviceId, 'caller', { signal });
  const base = { deviceId: device.id, device: device.risk };
  if (!device.userId)
    return {
      ...base,
      policy: verificationPolicy(deps.env),
      user: null,
      profile: NONE,
      manager: NONE,
      phoneMethods: NONE,
      risk: NONE,
      recentActions: NONE,
    };
  const userId = device.userId;
  const since = new Date((deps.now ?? Date.now()) - RECENT_ACTION_DAYS * DAY_MS);
  const [profile, manager, phoneMethods, risk, recentActions, policy] = await Promise.all([
    asPart('profile', token, () => getUserProfile(token, userId, signal)),
    asPart('manager', token, () => getManager(token, userId, signal)),
    asPart('phoneMethods', token, () => getPhoneMethods(token, userId, signal)),
    asPart('risk', token, () => getUserRisk(token, userId, signal)),
    recentActionsOn(device.userPrincipalName, since, deps.store),
    // For this user (a VERIFY_REQUIRED_GROUPS member is held to `required`); the action kind is the plan's, later.
    verificationPolicyFor(deps.env, { token, userId, kind: null }, { signal }),
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
  };
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
