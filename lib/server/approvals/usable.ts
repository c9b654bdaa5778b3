import 'server-only';
// Whether an approval request lets its requester use it now, for exactly what it names: the one check the
// passcode action and the reveal share. It must exist, be the caller's own (the same person: object id in any case,
// or a guest's home address), name what is being done, and be approved and not expired. Consuming it (one
// conditional UPDATE) is what finally decides, across instances.
import { approvalStateAt, type ApprovalRow } from '@/lib/server/store/approvals';
import { samePerson, type PersonIds } from '@/lib/server/trust/same-person';
import type { ApprovalProblem } from '@/lib/shared/trust/approval';
import { requesterOf } from './view';

export function approvalUseProblem(
  row: ApprovalRow | null,
  caller: PersonIds,
  /** Whether the request names exactly what the caller is doing (device, kind, ticket; or the action revealed). */
  names: (row: ApprovalRow) => boolean,
  now: Date,
): ApprovalProblem | null {
  if (!row) return 'unknown';
  if (!samePerson(caller, requesterOf(row))) return 'notRequester';
  if (!names(row)) return 'mismatch';
  switch (approvalStateAt(row, now)) {
    case 'approved':
      return null;
    case 'expired':
      return 'expired';
    case 'sent':
      return 'alreadySent';
    case 'pending':
    case 'denied':
    case 'withdrawn':
      return 'notApproved';
  }
}
