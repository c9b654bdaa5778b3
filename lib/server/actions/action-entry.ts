import 'server-only';
// Finding our action among a device's deviceActionResults: Graph keeps one entry per action name, typed by
// @odata.type, with times from clocks not ours. Used to track an action and to look before ever sending it again.
import type { WaitBudget } from '@/lib/server/graph/client';
import { getManagedDevice, type TrackedActionResult } from '@/lib/server/graph/managed-devices';
import type { GraphPasscodeAction } from '@/lib/shared/devices/passcode-plan';

/** An entry this much older than our request still counts as ours (Graph's and our clocks differ). */
const CLOCK_TOLERANCE_MS = 60_000;
const ODATA_TYPE: Readonly<Record<GraphPasscodeAction, string>> = {
  resetPasscode: '#microsoft.graph.resetPasscodeActionResult',
  recoverPasscode: '#microsoft.graph.deviceActionResult',
};

/** Graph's entry for our action: its name and subtype, started no earlier than our request (give or take). */
export function entryFor(
  results: readonly TrackedActionResult[],
  action: GraphPasscodeAction,
  requestedAt: string,
): TrackedActionResult | undefined {
  const requested = Date.parse(requestedAt);
  return results.find(
    (r) =>
      r.actionName === action &&
      (r.odataType === null || r.odataType === ODATA_TYPE[action]) &&
      r.startDateTime !== null &&
      Date.parse(r.startDateTime) >= requested - CLOCK_TOLERANCE_MS,
  );
}

/**
 * Whether the device already shows our action, read with the agent's token (within the action's budget). Only a
 * yes is proof: Graph shows a queued action after a delay nobody documents, so a no proves nothing.
 */
export async function shownOnDevice(
  token: string,
  deviceId: string,
  action: GraphPasscodeAction,
  requestedAt: string,
  budget?: WaitBudget,
): Promise<boolean> {
  const { deviceActionResults } = await getManagedDevice(token, deviceId, 'actionResults', {
    budget,
  });
  return entryFor(deviceActionResults, action, requestedAt) !== undefined;
}
