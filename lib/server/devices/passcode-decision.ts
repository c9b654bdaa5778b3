import 'server-only';
// Where the server decides a device's passcode action: the one rule on v1.0's answer, plus the device's beta read
// where v1.0 leaves the mode open (one extra GET per device decision, never per list row). The list decides from
// v1.0 alone; the device page, the confirm dialog and the server action decide exactly.
import type { WaitBudget } from '@/lib/server/graph/client';
import { readBetaPlanFacts } from '@/lib/server/graph/beta-plan-facts';
import {
  passcodeActionFor,
  v1LeavesModeOpen,
  type PasscodePlan,
  type PasscodePolicy,
  type PlanFields,
} from '@/lib/shared/devices/passcode-plan';
import type { DeviceListItem } from '@/lib/shared/devices/types';

/** A list row's plan: v1.0's fields alone (neutral words where they cannot tell). */
export function withV1Plan<T extends DeviceListItem>(
  device: T,
  policy: PasscodePolicy,
): T & { passcodePlan: PasscodePlan } {
  return { ...device, passcodePlan: passcodeActionFor(device, policy) };
}

/** The exact plan for one device: v1.0's answer, and beta's where v1.0 cannot tell the mode. */
export async function decidePasscodePlan(
  token: string,
  device: PlanFields & { id: string },
  policy: PasscodePolicy,
  /** A passcode action's wait budget: the beta read waits for a closed throttle gate within it, like its other calls. */
  opts: { signal?: AbortSignal; budget?: WaitBudget } = {},
): Promise<PasscodePlan> {
  if (!v1LeavesModeOpen(device)) return passcodeActionFor(device, policy);
  const beta = await readBetaPlanFacts(token, device.id, opts);
  return passcodeActionFor(device, policy, beta.facts);
}
