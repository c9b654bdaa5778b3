// Remote passcode actions queued on devices (resetPasscode, recoverPasscode), and how each moves through
// Intune's action states on the emulator's clock, as the device's enrollment mode and scenario decide. States
// are derived when read, so moving the clock moves every action.
import { randomInt } from 'node:crypto';
import type { ActionTimings } from '../settings';
import {
  ENROLLMENT_MODES,
  PASSCODE_VISIBLE_MS,
  type ResetPasscodeEffect,
} from '../tenant/enrollment';
import type { ActionState, DeviceActionResult, StoredDevice } from '../tenant/types';

export const PASSCODE_ACTIONS = ['resetPasscode', 'recoverPasscode'] as const;
export type PasscodeActionName = (typeof PASSCODE_ACTIONS)[number];

export interface ActionRecord {
  seq: number;
  deviceId: string;
  actionName: PasscodeActionName;
  requestedAt: number;
  clientRequestId: string;
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

/** What an action does on a device of this mode. */
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
    actionName: PasscodeActionName,
    at: number,
    clientRequestId: string,
  ): ActionRecord {
    const effect = effectOf(device, actionName);
    const generates =
      actionName === 'resetPasscode' && (effect === 'deviceReset' || effect === 'workProfileReset');
    const rec: ActionRecord = {
      seq: ++this.seq,
      deviceId: device.graph.id,
      actionName,
      requestedAt: at,
      clientRequestId,
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
    for (const rec of this.forDevice(device.graph.id))
      if (now - rec.requestedAt >= delayMs) newest.set(rec.actionName, rec);
    return [...newest.values()].map((rec) => {
      const p = this.progress(device, rec, now, t);
      const base = {
        actionName: rec.actionName,
        actionState: p.state,
        startDateTime: graphTime(rec.requestedAt),
        lastUpdatedDateTime: graphTime(p.since),
      };
      if (rec.actionName !== 'resetPasscode')
        return { '@odata.type': '#microsoft.graph.deviceActionResult', ...base };
      // Intune shows a generated passcode once the device has reset it, for seven days.
      const visible =
        p.state === 'done' && rec.passcode !== null && now < p.since + PASSCODE_VISIBLE_MS;
      return {
        '@odata.type': '#microsoft.graph.resetPasscodeActionResult',
        ...base,
        passcode: visible ? rec.passcode : null,
        errorCode: p.errorCode,
      };
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

/** Graph's action times carry seven fractional digits (`2026-11-28T10:42:07.1230000Z`). */
export function graphTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

/** Intune's temporary passcode: digits, as Android's keypad takes them (its exact format is undocumented). */
function temporaryPasscode(): string {
  return Array.from({ length: 8 }, () => String(randomInt(10))).join('');
}
