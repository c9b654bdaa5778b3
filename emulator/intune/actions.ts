// Remote actions queued on devices: the console's passcode actions (resetPasscode, recoverPasscode) and what other
// admins start in the admin center (wipe, retire, sync, lock, …), and how each moves through Intune's action
// states on the emulator's clock, as the device's enrollment mode and scenario decide. States are derived when
// read, so moving the clock moves every action. One record per action feeds deviceActionResults and
// remoteActionAudits alike.
import type * as Beta from '@microsoft/microsoft-graph-types-beta';
import { randomInt, randomUUID } from 'node:crypto';
import { exactly, type ActionResultDeclared } from '../graph/versions';
import type { ActionTimings } from '../settings';
import {
  ENROLLMENT_MODES,
  PASSCODE_VISIBLE_MS,
  type ResetPasscodeEffect,
} from '../tenant/enrollment';
import type {
  ActionState,
  DeviceActionResult,
  DeviceActionResultType,
  StoredDevice,
} from '../tenant/types';

export const PASSCODE_ACTIONS = ['resetPasscode', 'recoverPasscode'] as const;
export type PasscodeActionName = (typeof PASSCODE_ACTIONS)[number];

/**
 * The remote actions the emulator knows, by Graph's name of the action (its bound action, and deviceActionResults'
 * actionName): what beta's remoteActionAudits calls it (`remoteAction`) and which deviceActionResult subtype
 * reports it. Beta's remoteAction enum has no member for a sync; the emulator records one as unknownFutureValue,
 * as Graph sends a value the version does not declare (whether Intune audits a sync at all is undocumented).
 */
export const REMOTE_ACTIONS = {
  wipe: { remoteAction: 'factoryReset', resultType: '#microsoft.graph.deviceActionResult' },
  retire: { remoteAction: 'removeCompanyData', resultType: '#microsoft.graph.deviceActionResult' },
  syncDevice: {
    remoteAction: 'unknownFutureValue',
    resultType: '#microsoft.graph.deviceActionResult',
  },
  remoteLock: { remoteAction: 'remoteLock', resultType: '#microsoft.graph.remoteLockActionResult' },
  rebootNow: { remoteAction: 'rebootNow', resultType: '#microsoft.graph.deviceActionResult' },
  shutDown: { remoteAction: 'shutDown', resultType: '#microsoft.graph.deviceActionResult' },
  resetPasscode: {
    remoteAction: 'resetPasscode',
    resultType: '#microsoft.graph.resetPasscodeActionResult',
  },
  recoverPasscode: {
    remoteAction: 'recoverPasscode',
    resultType: '#microsoft.graph.deviceActionResult',
  },
} as const satisfies Record<
  string,
  { remoteAction: Beta.RemoteAction; resultType: DeviceActionResultType }
>;
export type RemoteActionName = keyof typeof REMOTE_ACTIONS;
export const REMOTE_ACTION_NAMES = Object.keys(REMOTE_ACTIONS) as RemoteActionName[];

export interface ActionRecord {
  seq: number;
  /** The remoteActionAudit's id. */
  id: string;
  deviceId: string;
  actionName: RemoteActionName;
  requestedAt: number;
  clientRequestId: string;
  /** Who started it (UPN): the caller of the Graph POST, or the admin in the admin center. */
  initiatedBy: string;
  /** Where: a POST to Graph, or the admin center (the control API's stand-in for another admin). */
  origin: 'graph' | 'adminCenter';
  /** A state the admin-center action was created in and keeps (a test's choice); null follows the device. */
  pinnedState: ActionState | null;
  /** Whether the device's platform supports it; an unsupported one was accepted only by the 204 switch. */
  supported: boolean;
  /** The temporary passcode Intune generated for an Android reset; null where none is generated. */
  passcode: string | null;
}

export interface ActionProgress {
  state: ActionState;
  /** When the state last changed. */
  since: number;
  /** When the device picked the action up, if it has. */
  activeAt: number | null;
  errorCode: number;
}

/** A pending wipe, retire or delete takes precedence: Intune ignores other pending actions on the device. */
const PRECEDING_STATES = new Set([
  'wipePending',
  'retirePending',
  'deletePending',
  'wipeIssued',
  'retireIssued',
]);
/** What a device that failed an action for a reason outside the table reports (undocumented). */
const GENERIC_ERROR_CODE = 1;

/** What a passcode action does on a device of this mode. */
export function effectOf(device: StoredDevice, action: PasscodeActionName): ResetPasscodeEffect {
  const mode = ENROLLMENT_MODES[device.mode];
  if (action === 'recoverPasscode')
    return mode.recoverPasscode === 'supported' ? 'deviceReset' : 'unsupported';
  return mode.resetPasscode;
}

export class ActionStore {
  private readonly byDevice = new Map<string, ActionRecord[]>();
  private readonly checkIns = new Map<string, number>();
  private seq = 0;

  /** Every POST queues a new action (Graph documents no idempotency); the newest one is what Graph shows. */
  record(
    device: StoredDevice,
    actionName: RemoteActionName,
    at: number,
    clientRequestId: string,
    by: { initiatedBy: string; origin: ActionRecord['origin']; pinnedState?: ActionState | null },
  ): ActionRecord {
    // Other actions than the passcode ones are taken as supported everywhere (the admin center offers each only
    // where it applies).
    const effect = isPasscodeAction(actionName) ? effectOf(device, actionName) : null;
    const generates =
      actionName === 'resetPasscode' && (effect === 'deviceReset' || effect === 'workProfileReset');
    const rec: ActionRecord = {
      seq: ++this.seq,
      id: randomUUID(),
      deviceId: device.graph.id,
      actionName,
      requestedAt: at,
      clientRequestId,
      initiatedBy: by.initiatedBy,
      origin: by.origin,
      pinnedState: by.pinnedState ?? null,
      supported: effect !== 'unsupported',
      passcode: generates ? temporaryPasscode() : null,
    };
    const list = this.byDevice.get(rec.deviceId) ?? [];
    list.push(rec);
    this.byDevice.set(rec.deviceId, list);
    return rec;
  }

  /** An offline device contacts Intune: what it had pending starts now. */
  checkIn(deviceId: string, at: number): void {
    this.checkIns.set(deviceId, at);
  }

  all(): ActionRecord[] {
    return [...this.byDevice.values()].flat().sort((a, b) => a.seq - b.seq);
  }

  forDevice(deviceId: string): ActionRecord[] {
    return this.byDevice.get(deviceId) ?? [];
  }

  clear(): void {
    this.byDevice.clear();
    this.checkIns.clear();
    this.seq = 0;
  }

  progress(device: StoredDevice, rec: ActionRecord, now: number, t: ActionTimings): ActionProgress {
    if (rec.pinnedState !== null)
      return { state: rec.pinnedState, since: rec.requestedAt, activeAt: null, errorCode: 0 };
    const pending = {
      state: 'pending' as const,
      since: rec.requestedAt,
      activeAt: null,
      errorCode: 0,
    };
    let start = Math.max(rec.requestedAt, device.scenarioSince);
    if (device.scenario === 'offline') {
      const checkIn = this.checkIns.get(device.graph.id);
      if (checkIn === undefined || checkIn < rec.requestedAt) return pending;
      start = checkIn;
    }
    const pickup = start + t.pickupMs;
    const outcome = this.outcome(device, rec, pickup, t);
    // A wipe or retire pending since before the action settled keeps it pending: Intune ignores it.
    if (
      PRECEDING_STATES.has(device.graph.managementState) &&
      device.managementStateSince <= outcome.since
    )
      return pending;
    if (now < pickup) return pending;
    if (outcome.state === 'done' || outcome.state === 'failed') {
      if (now < outcome.since)
        return { state: 'active', since: pickup, activeAt: pickup, errorCode: 0 };
    }
    return outcome;
  }

  /** Where the action ends once the device has picked it up at `pickup`. */
  private outcome(
    device: StoredDevice,
    rec: ActionRecord,
    pickup: number,
    t: ActionTimings,
  ): ActionProgress {
    if (!rec.supported)
      return { state: 'notSupported', since: pickup, activeAt: null, errorCode: 0 };
    const end = pickup + t.completeMs;
    if (device.scenario === 'failing') {
      const errorCode = ENROLLMENT_MODES[device.mode].failsWithout?.errorCode ?? GENERIC_ERROR_CODE;
      return { state: 'failed', since: end, activeAt: pickup, errorCode };
    }
    return { state: 'done', since: end, activeAt: pickup, errorCode: 0 };
  }

  /**
   * deviceActionResults as Graph returns them: one entry per action name, for its newest action that Intune shows
   * already (an action requested less than `delayMs` ago is not shown yet; the one before it still is).
   */
  results(device: StoredDevice, now: number, t: ActionTimings, delayMs = 0): DeviceActionResult[] {
    const newest = new Map<string, ActionRecord>();
    for (const rec of this.forDevice(device.graph.id)) {
      const shown = newest.get(rec.actionName);
      if (now - rec.requestedAt >= delayMs && (!shown || rec.requestedAt >= shown.requestedAt))
        newest.set(rec.actionName, rec);
    }
    return [...newest.values()].map((rec) => {
      const p = this.progress(device, rec, now, t);
      const base = {
        actionName: rec.actionName,
        actionState: p.state,
        startDateTime: graphTime(rec.requestedAt),
        lastUpdatedDateTime: graphTime(p.since),
      };
      // Each entry is checked against what v1.0 and beta declare for its subtype, keys included.
      switch (REMOTE_ACTIONS[rec.actionName].resultType) {
        case '#microsoft.graph.resetPasscodeActionResult': {
          // Intune shows a generated passcode once the device has reset it, for seven days.
          const visible =
            p.state === 'done' && rec.passcode !== null && now < p.since + PASSCODE_VISIBLE_MS;
          return exactly<ActionResultDeclared<'#microsoft.graph.resetPasscodeActionResult'>>()({
            '@odata.type': '#microsoft.graph.resetPasscodeActionResult',
            ...base,
            passcode: visible ? rec.passcode : null,
            errorCode: p.errorCode,
          });
        }
        case '#microsoft.graph.remoteLockActionResult':
          // unlockPin is a Windows 10 lock's PIN; phones get none.
          return exactly<ActionResultDeclared<'#microsoft.graph.remoteLockActionResult'>>()({
            '@odata.type': '#microsoft.graph.remoteLockActionResult',
            ...base,
            unlockPin: null,
          });
        case '#microsoft.graph.deviceActionResult':
          return exactly<ActionResultDeclared<'#microsoft.graph.deviceActionResult'>>()({
            '@odata.type': '#microsoft.graph.deviceActionResult',
            ...base,
          });
      }
    });
  }

  /** The passcode a reset generated, for the control API only (tests compare it with what the console shows). */
  passcodeOf(rec: ActionRecord): string | null {
    return rec.passcode;
  }

  /** A device that carried out an action, or checked in, has synced since. */
  lastSync(device: StoredDevice, now: number, t: ActionTimings): string {
    let latest = Date.parse(device.graph.lastSyncDateTime);
    const checkIn = this.checkIns.get(device.graph.id);
    if (checkIn !== undefined && checkIn <= now) latest = Math.max(latest, checkIn);
    for (const rec of this.forDevice(device.graph.id)) {
      const active = this.progress(device, rec, now, t).activeAt;
      if (active !== null && active <= now) latest = Math.max(latest, active);
    }
    return new Date(Math.floor(latest / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  }
}

export const TERMINAL_STATES: ReadonlySet<ActionState> = new Set([
  'done',
  'failed',
  'canceled',
  'notSupported',
]);

export function isPasscodeAction(name: RemoteActionName): name is PasscodeActionName {
  return name === 'resetPasscode' || name === 'recoverPasscode';
}

/** Graph's action times carry seven fractional digits (`2026-11-28T10:42:07.1230000Z`). */
export function graphTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

/** Intune's temporary passcode: digits, as Android's keypad takes them (its exact format is undocumented). */
function temporaryPasscode(): string {
  return Array.from({ length: 8 }, () => String(randomInt(10))).join('');
}
