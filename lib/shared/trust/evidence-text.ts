// A verification's evidence as one plain line for the exports (CSV and JSON Lines), the same in every language, so
// an auditor's script can read it: what the server recorded, never more (the number's last digits only).
import type { VerificationEvidence } from './verification';

export function evidenceText(e: VerificationEvidence): string {
  switch (e.method) {
    case 'callBack':
      return `call-back on …${e.phoneLast} (${e.phoneType ?? e.phoneSource})`;
    case 'managerCallBack':
      return `manager ${e.managerName} (${e.managerId}) confirmed on a call-back on …${e.phoneLast} (${e.phoneType ?? e.phoneSource})`;
    case 'verifiedId':
      return `Verified ID request ${e.requestId}, Face Check ${e.score ?? 'none'} of threshold ${e.threshold}${e.failure ? `, failed: ${e.failure}` : ''}`;
    case 'inPerson':
      return `in person, ${e.idType}: ${e.statement}`;
    case 'notVerified':
      return `not verified: ${e.reason}`;
  }
}
