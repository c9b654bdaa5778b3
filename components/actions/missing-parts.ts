// What an invalid Confirm leaves to fix, in the order the dialog's form shows it (the Caller panel's verification
// above the ticket, the note, then the reason for requesting again): the list the dialog announces, so the agent
// hears everything that is missing at once, not only the field the focus lands on.
import type { VerificationPolicy } from '@/lib/shared/trust/verification';

export const FORM_ORDER = ['verification', 'ticket', 'note', 'overrideReason'] as const;
export type MissingPart = (typeof FORM_ORDER)[number];

/**
 * Whether the verification part of the form is to be marked missing: the server's policy (as its caller answer
 * said) asks for one before Confirm and none was recorded. Only then does the panel show a choice of method to
 * mark; a verification the server recorded but will not accept is the server's to refuse, in its own words.
 */
export function verificationMissing(
  mode: VerificationPolicy['mode'],
  verification: { verified: boolean } | null,
): boolean {
  return mode !== 'off' && verification === null;
}

/** The parts with an error, in the form's order; unknown field names are left out (no words for them). */
export function missingParts(
  fieldErrors: Partial<Record<string, string>>,
  verificationIsMissing: boolean,
): MissingPart[] {
  return FORM_ORDER.filter((part) =>
    part === 'verification' ? verificationIsMissing : fieldErrors[part] !== undefined,
  );
}
