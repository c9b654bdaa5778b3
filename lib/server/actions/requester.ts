import 'server-only';
// Who requested an action: the object id on its intent record (or, for a four-eyes request, on the request's first
// step), written only once Graph had accepted that agent's token. Who may see an action, share its device reads, or
// reveal its passcode all start from this one answer.
import type { AuditRecord } from '@/lib/server/store/audit-store';
import { headOf } from './summarize';

/**
 * The requesting agent's object id, or null (an attempt nobody verified, or no intent at all). An actor recorded
 * unverified (invalid input sent with a token Graph never saw) is no requester: anyone can write any oid into a token.
 */
export function requesterOf(records: readonly AuditRecord[]): string | null {
  const head = headOf(records);
  return head?.actor_verified === 1 ? head.actor_oid : null;
}

/** Whether `oid` (a caller Graph has vouched for) is the agent who requested the action. */
export function isRequester(records: readonly AuditRecord[], oid: string | null): boolean {
  const requester = requesterOf(records);
  return requester !== null && oid !== null && requester === oid;
}
