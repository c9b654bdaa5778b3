import 'server-only';
// The temporary passcode of an Android reset, handed from Intune to one agent for one caller: read from Graph
// with the agent's own token on an explicit click (so Intune's RBAC decides), only for the agent who requested
// the action or someone the configuration names, and audited without the passcode. It is returned to the
// route handler and nowhere else: never logged, stored, cached or put into an error.
import type { RateLimits } from '@/lib/server/store/rate-limits';
import type { AuditStore } from '@/lib/server/store/audit-store';
import { auditActor } from '@/lib/server/auth/audit-actor';
import { checkTokenShape } from '@/lib/server/auth/token-claims';
import { RATE_LIMIT_WINDOW_MS, type ServerEnv } from '@/lib/server/config/server-env';
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { REVEALS_PASSCODE, PASSCODE_VISIBLE_DAYS } from '@/lib/shared/devices/passcode-plan';
import { entryFor } from './action-entry';
import { isRequester } from './requester';
import { visibleRecords } from './status';
import { summarize } from './summarize';

const DAY_MS = 86_400_000;

export type RevealResult =
  | { ok: true; passcode: string; expiresAt: string | null }
  | {
      ok: false;
      status: 403 | 404 | 409 | 410;
      code:
        | 'actionNotFound'
        | 'notYourAction'
        | 'noPasscodeForAction'
        | 'passcodeNotReady'
        | 'passcodeExpired'
        | 'passcodeNotShown';
    }
  | { ok: false; status: 429; code: 'tooManyReveals'; retryAfterSeconds: number };

export async function revealPasscode(
  actionId: string,
  token: string,
  deps: {
    store: AuditStore;
    limits: RateLimits;
    env: Pick<ServerEnv, 'AUTH_TENANT_ID' | 'PASSCODE_REVEAL_ALSO' | 'REVEAL_RATE_LIMIT'>;
    now?: () => number;
  },
): Promise<RevealResult> {
  const { store, env } = deps;
  const now = (deps.now ?? Date.now)();
  const records = await visibleRecords(actionId, token, store);
  const action = records ? summarize(records, now) : null;
  if (!records || !action) return { ok: false, status: 404, code: 'actionNotFound' };

  // Graph reads the device with the agent's token first: its RBAC decides, and its acceptance makes the token's
  // claims the verified caller.
  const device = await getManagedDevice(token, action.deviceId, 'actionResults');
  const shape = checkTokenShape(token, { tenantId: env.AUTH_TENANT_ID });
  const caller = shape.ok ? shape.claims : null;
  const audit = (outcome: 'accepted' | 'denied', detail: string) =>
    store.record({
      actionId,
      kind: 'reveal',
      actionName: action.graphAction,
      actionKind: action.kind,
      deviceId: action.deviceId,
      deviceName: action.deviceName,
      ticket: action.ticket,
      outcome,
      detail,
      actor: caller ? { value: auditActor(caller), verified: true } : null,
    });
  const mayReveal = (oid: string, upn: string) =>
    isRequester(records, oid) ||
    env.PASSCODE_REVEAL_ALSO.includes(oid.toLowerCase()) ||
    env.PASSCODE_REVEAL_ALSO.includes(upn.toLowerCase());
  if (caller === null || !mayReveal(caller.oid, caller.upn)) {
    await audit('denied', 'passcode reveal refused: not the requesting agent');
    return { ok: false, status: 403, code: 'notYourAction' };
  }
  if (!action.kind || !REVEALS_PASSCODE.has(action.kind))
    return { ok: false, status: 409, code: 'noPasscodeForAction' };

  const entry = entryFor(device.deviceActionResults, action.graphAction, action.requestedAt);
  if (!entry || entry.actionState !== 'done')
    return { ok: false, status: 409, code: 'passcodeNotReady' };
  const doneAt = entry.lastUpdatedDateTime ? Date.parse(entry.lastUpdatedDateTime) : null;
  if (entry.passcode === null) {
    const expired = doneAt !== null && now - doneAt > PASSCODE_VISIBLE_DAYS * DAY_MS;
    return expired
      ? { ok: false, status: 410, code: 'passcodeExpired' }
      : { ok: false, status: 404, code: 'passcodeNotShown' };
  }
  // Each passcode shown counts against the agent's limit, on every instance alike.
  const limit = await deps.limits.hit(
    caller.oid,
    'reveal',
    env.REVEAL_RATE_LIMIT,
    RATE_LIMIT_WINDOW_MS,
  );
  if (!limit.allowed) {
    await audit(
      'denied',
      `passcode reveal refused: more than ${env.REVEAL_RATE_LIMIT} reveals in 10 minutes`,
    );
    return {
      ok: false,
      status: 429,
      code: 'tooManyReveals',
      retryAfterSeconds: limit.retryAfterSeconds,
    };
  }
  await audit('accepted', `passcode shown to ${caller.upn}`);
  return {
    ok: true,
    passcode: entry.passcode,
    expiresAt:
      doneAt === null ? null : new Date(doneAt + PASSCODE_VISIBLE_DAYS * DAY_MS).toISOString(),
  };
}
