// How a helpdesk agent verified the person calling about a device, as the server records it (trust.md). One record
// per verification; a passcode action and a reveal reference the one they rest on. Evidence is what the server read
// from Graph (or received from Verified ID), never what the browser asserted.

/** The methods a verification can record; `notVerified` is a recorded decision to go on without one, with a reason. */
export const VERIFICATION_METHODS = [
  'callBack',
  'managerCallBack',
  'verifiedId',
  'inPerson',
  'notVerified',
] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** Where a number of record comes from: the directory's user object, or the user's registered phone methods. */
export type PhoneSource = 'businessPhone' | 'mobilePhone' | 'phoneMethod';

/** The kinds of photo ID an agent can record for an in-person verification. */
export const PHOTO_ID_TYPES = [
  'passport',
  'nationalId',
  'drivingLicence',
  'employeeBadge',
] as const;
export type PhotoIdType = (typeof PHOTO_ID_TYPES)[number];

/** Why a Verified ID presentation did not verify the device's user. */
export type VerifiedIdFailure = 'subjectMismatch' | 'lowScore' | 'expired' | 'presentationError';

export type VerificationEvidence =
  | {
      method: 'callBack';
      /** The number's last digits only (never the whole number in the trail). */
      phoneLast: string;
      phoneSource: PhoneSource;
      /** For a registered phone method: mobile, alternateMobile, office (Graph's authenticationPhoneType). */
      phoneType: string | null;
    }
  | {
      method: 'managerCallBack';
      managerId: string;
      managerName: string;
      phoneLast: string;
      phoneSource: PhoneSource;
      phoneType: string | null;
    }
  | {
      method: 'verifiedId';
      /** The Request Service's presentation request id. */
      requestId: string;
      /** Face Check's matchConfidenceScore (0–100), null when the presentation carried none. */
      score: number | null;
      threshold: number;
      failure: VerifiedIdFailure | null;
    }
  | { method: 'inPerson'; idType: PhotoIdType; statement: string }
  | { method: 'notVerified'; reason: string };

/** A verification as the server answers it (the browser shows this; it never builds one). */
export interface CallerVerification {
  id: string;
  method: VerificationMethod;
  /** True only for a method that verified the device's user (false for notVerified and failed presentations). */
  verified: boolean;
  evidence: VerificationEvidence;
  /** The Entra object id (lower case), UPN and name of the device's user this verification is about. */
  subject: { id: string; upn: string | null; name: string | null };
  /** The device the agent was looking at when verifying. */
  deviceId: string | null;
  agent: { oid: string; upn: string; name: string | null };
  recordedAt: string;
}

/** What the server's policy asks of the agent for one device user (lib/server/trust/verification-policy.ts). */
export interface VerificationPolicy {
  /** off: nothing asked; record: a method or "not verified" with a reason; required: a verification, recent. */
  mode: 'off' | 'record' | 'required';
  /** How old a verification may be for `required`. */
  maxAgeMinutes: number;
  /**
   * Why `required` applies when the configured mode is laxer: the user is in a VERIFY_REQUIRED_GROUPS group, their
   * membership could not be read (the stricter rule then applies), or the action kind is in VERIFY_REQUIRED_KINDS.
   * `configured` when VERIFY_CALLER itself says required; absent or null when the mode is the configured one.
   */
  requiredBecause?: 'configured' | 'group' | 'groupUnreadable' | 'kind' | null;
}

/**
 * Why the server refused a passcode action or a reveal under the policy (lib/server/trust/verification-policy.ts):
 * no verification sent; an id the store does not know (forged or mistyped); one recorded by another agent, or about
 * another user than the device's; not a verification (notVerified, a failed presentation) where one is required;
 * older than VERIFY_MAX_AGE_MINUTES; or a device with no user to verify.
 */
export const VERIFICATION_PROBLEMS = [
  'missing',
  'unknown',
  'otherAgent',
  'otherUser',
  'notVerified',
  'tooOld',
  'noDeviceUser',
] as const;
export type VerificationProblem = (typeof VERIFICATION_PROBLEMS)[number];
