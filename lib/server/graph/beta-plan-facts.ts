import 'server-only';
// The one beta read of the console: the two fields that tell Android Enterprise's modes, AOSP and Apple's
// account-driven User Enrollment apart, which v1.0 does not declare. The schema is checked at compile time against
// Microsoft's beta types (@microsoft/microsoft-graph-types-beta). Beta is not supported in production and may answer
// differently or not at all: every failure, and every value that says nothing, is "no fact", never an error.
import type { ManagedDevice as BetaManagedDevice } from '@microsoft/microsoft-graph-types-beta';
import { z } from 'zod';
import {
  BETA_DEVICE_ENROLLMENT_TYPES,
  BETA_MANAGEMENT_AGENTS,
} from '@/lib/shared/devices/graph-enums';
import { NO_BETA_FACTS, type BetaFacts } from '@/lib/shared/devices/passcode-plan';
import { graphGet, type WaitBudget } from './client';
import { GraphError } from './errors';
import { declaredMember } from './managed-devices';

const BetaPlanFields = z.object({
  id: z.string(),
  deviceEnrollmentType: declaredMember(BETA_DEVICE_ENROLLMENT_TYPES, 'unknownFutureValue'),
  managementAgent: declaredMember(BETA_MANAGEMENT_AGENTS, 'unknownFutureValue'),
}) satisfies z.ZodType<BetaManagedDevice>;

const SAYS_NOTHING = new Set(['unknown', 'unknownFutureValue']);
const fact = (v: string) => (SAYS_NOTHING.has(v) ? null : v);

/** Why there are no beta facts, for the log and the tests: not asked, failed, or answered nothing useful. */
export type BetaRead =
  | { outcome: 'answered'; facts: BetaFacts }
  | { outcome: 'failed'; facts: BetaFacts; status: number; code: string };

/**
 * `GET /beta/deviceManagement/managedDevices/{id}?$select=id,deviceEnrollmentType,managementAgent` with the agent's
 * token, through the same Graph client (so within the throttle gate). Never throws for Graph's answer.
 */
export async function readBetaPlanFacts(
  token: string,
  id: string,
  opts: { signal?: AbortSignal; budget?: WaitBudget } = {},
): Promise<BetaRead> {
  try {
    const { data } = await graphGet({
      version: 'beta',
      path: `/deviceManagement/managedDevices/${encodeURIComponent(id)}`,
      query: { $select: Object.keys(BetaPlanFields.shape).join(',') },
      token,
      schema: BetaPlanFields,
      signal: opts.signal,
      budget: opts.budget,
    });
    return {
      outcome: 'answered',
      facts: {
        deviceEnrollmentType: fact(data.deviceEnrollmentType),
        managementAgent: fact(data.managementAgent),
      },
    };
  } catch (e) {
    if (!(e instanceof GraphError)) throw e;
    return { outcome: 'failed', facts: NO_BETA_FACTS, status: e.status, code: e.code };
  }
}
