import 'server-only';
// The passcode action when the console's own database fails. The action writes the device's guard, its intent and
// its outcome around the POST; a failing write must not become a thrown server action (the agent saw React's
// "Minified React error #441" and could not tell whether anything had reached Intune). Where the failure falls
// decides the answer: until the intent of a claimed device is written, nothing was sent to Graph; after it, the POST
// may have gone out, and the outcome being written (or written last) says what Graph answered. This wraps
// requestPasscodeActionOnce without changing it, by watching the store calls it makes.
import type { AuditStore, ClaimResult, NewRecord } from '@/lib/server/store/audit-store';
import {
  failingAsStoreUnavailable,
  StoreUnavailableError,
} from '@/lib/server/store/database-errors';
import { logger } from '@/lib/server/log/logger';
import type { PasscodeActionResult, StoreFailureSent } from '@/lib/shared/actions/types';
import { PASSCODE_ACTION_KINDS } from '@/lib/shared/devices/passcode-plan';
import { requestPasscodeActionOnce, type PasscodeActionDeps } from './request-passcode-action';

type ClaimRequest = Parameters<AuditStore['claimDevice']>[0];

/**
 * requestPasscodeActionOnce, with every failure of the store (loading it included) answered as `storeUnavailable`:
 * before the POST, "nothing was sent"; after it, what Graph answered, logged at error level because the trail now
 * lacks it.
 */
export async function requestPasscodeActionOrExplain(
  rawInput: unknown,
  token: unknown,
  loadDeps: () => Promise<PasscodeActionDeps>,
  run: typeof requestPasscodeActionOnce = requestPasscodeActionOnce,
): Promise<PasscodeActionResult> {
  const progress = new ActionProgress();
  let store: AuditStore | null = null;
  try {
    const deps = await loadDeps();
    store = deps.store;
    return await run(rawInput, token, {
      ...deps,
      store: progress.watch(failingAsStoreUnavailable(deps.store)),
      limits: failingAsStoreUnavailable(deps.limits),
      approvals: failingAsStoreUnavailable(deps.approvals),
    });
  } catch (e) {
    if (!(e instanceof StoreUnavailableError)) throw e;
    return progress.answer(e, store);
  }
}

/** How far an action got, as its store calls tell. */
class ActionProgress {
  private claim: { deviceId: string; actionId: string } | null = null;
  /** The claimed device's intent is written: from here on the POST may have gone out. */
  private posting = false;
  /** The record of Graph's answer to the POST, whether or not it could be written. */
  private outcome: NewRecord | null = null;

  watch(store: AuditStore): AuditStore {
    return new Proxy(store, {
      get: (target, prop, receiver): unknown => {
        if (prop === 'claimDevice')
          return async (g: ClaimRequest): Promise<ClaimResult> => {
            const claim = await target.claimDevice(g);
            if (claim.acquired) this.claim = { deviceId: g.deviceId, actionId: g.actionId };
            return claim;
          };
        if (prop === 'record')
          return async (r: NewRecord): Promise<void> => {
            if (this.posting && r.kind === 'outcome') this.outcome = r;
            await target.record(r);
            if (r.kind === 'intent' && r.actionId === this.claim?.actionId) this.posting = true;
          };
        return Reflect.get(target, prop, receiver);
      },
    });
  }

  answer(e: StoreUnavailableError, store: AuditStore | null): PasscodeActionResult {
    const failure = { source: 'audit-db', code: e.code, error: e.reason };
    const claim = this.claim;
    if (!this.posting || claim === null) {
      // A device claimed just before the database failed is let go, where the database still lets us: otherwise
      // its guard holds it for an action that never was (until RECOVERY_GUARD_MINUTES lapse).
      if (claim && store) release(store, claim);
      logger.warn(
        failure,
        'passcode action refused before any POST: the audit database failed, so nothing was sent to Graph',
      );
      return { status: 'storeUnavailable', sent: 'nothing' };
    }
    const o = this.outcome;
    const sent: Exclude<StoreFailureSent, 'nothing'> =
      o === null || o.outcome === 'unknown'
        ? 'unknownFate'
        : o.outcome === 'accepted'
          ? 'accepted'
          : 'refused';
    // Graph refused it: nothing holds the device, as after a recorded refusal.
    if (sent === 'refused' && store) release(store, claim);
    const requestId = o?.graphRequestId ?? null;
    logger.error(
      { ...failure, actionId: claim.actionId, graphRequestId: requestId, sent },
      `passcode action sent to Graph (${sent}) but not recorded: the audit database failed, and the audit trail lacks its outcome`,
    );
    return {
      status: 'storeUnavailable',
      sent,
      actionId: claim.actionId,
      requestId,
      kind: PASSCODE_ACTION_KINDS.find((k) => k === o?.actionKind) ?? null,
    };
  }
}

function release(store: AuditStore, claim: { deviceId: string; actionId: string }): void {
  void store.releaseDevice(claim.deviceId, claim.actionId).catch(() => undefined);
}
