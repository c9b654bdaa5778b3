// Remote actions queued on devices (recoverPasscode), and how each moves through Intune's action states on
// the emulator's clock. States are derived when read, so moving the clock moves every action.
import type { ActionTimings } from '../settings';
import type { ActionState, DeviceActionResult, StoredDevice } from '../tenant/types';

export interface ActionRecord {
  seq: number;
  deviceId: string;
  actionName: string;
  requestedAt: number;
  clientRequestId: string;
}

export interface ActionProgress {
  state: ActionState;
  /** When the state last changed. */
  since: number;
  /** When the device picked the action up, if it has. */
  activeAt: number | null;
}

export class ActionStore {
  private readonly byDevice = new Map<string, ActionRecord[]>();
  private readonly checkIns = new Map<string, number>();
  private seq = 0;

  /** Every POST queues a new action (Graph documents no idempotency); the newest one is what Graph shows. */
  record(deviceId: string, actionName: string, at: number, clientRequestId: string): ActionRecord {
    const rec: ActionRecord = { seq: ++this.seq, deviceId, actionName, requestedAt: at, clientRequestId };
    const list = this.byDevice.get(deviceId) ?? [];
    list.push(rec);
    this.byDevice.set(deviceId, list);
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
    let start = Math.max(rec.requestedAt, device.scenarioSince);
    if (device.scenario === 'offline') {
      const checkIn = this.checkIns.get(device.graph.id);
      if (checkIn === undefined || checkIn < rec.requestedAt) return { state: 'pending', since: rec.requestedAt, activeAt: null };
      start = checkIn;
    }
    const pickup = start + t.pickupMs;
    if (now < pickup) return { state: 'pending', since: rec.requestedAt, activeAt: null };
    if (device.scenario === 'notSupported') return { state: 'notSupported', since: pickup, activeAt: null };
    const end = pickup + t.completeMs;
    if (now < end) return { state: 'active', since: pickup, activeAt: pickup };
    return { state: device.scenario === 'failing' ? 'failed' : 'done', since: end, activeAt: pickup };
  }

  /** deviceActionResults as Graph returns them: one entry per action name, for its newest action. */
  results(device: StoredDevice, now: number, t: ActionTimings): DeviceActionResult[] {
    const newest = new Map<string, ActionRecord>();
    for (const rec of this.forDevice(device.graph.id)) newest.set(rec.actionName, rec);
    return [...newest.values()].map((rec) => {
      const p = this.progress(device, rec, now, t);
      return {
        actionName: rec.actionName, actionState: p.state,
        startDateTime: isoSeconds(rec.requestedAt), lastUpdatedDateTime: isoSeconds(p.since),
      };
    });
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
    return isoSeconds(latest);
  }
}

export const TERMINAL_STATES: ReadonlySet<ActionState> = new Set(['done', 'failed', 'canceled', 'notSupported']);

function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
