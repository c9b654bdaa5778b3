// What the browser sends to record a caller verification (recordCallerVerification) and what the server answers:
// a number is named by its ref only, and Verified ID is recorded by its own flow, not here.
import type { ErrorInfo } from '@/lib/shared/errors';
import type { CallerVerification, PhotoIdType } from './verification';

export type VerificationInput =
  | { deviceId: string; method: 'callBack'; phoneRef: string }
  | { deviceId: string; method: 'managerCallBack'; phoneRef: string }
  | { deviceId: string; method: 'inPerson'; idType: PhotoIdType; statement: string }
  | { deviceId: string; method: 'notVerified'; reason: string };
/** The methods this form records (Verified ID has a flow of its own). */
export type RecordedHere = VerificationInput['method'];

export type RecordVerificationResult =
  | { status: 'recorded'; verification: CallerVerification }
  | { status: 'invalid'; fields: string[] }
  /** The ref names no number of record Graph shows this agent now (or not the manager's, for managerCallBack). */
  | { status: 'unknownNumber' }
  | { status: 'noUser' }
  | { status: 'signInAgain' }
  | { status: 'failed'; failure: ErrorInfo }
  | { status: 'storeUnavailable' };
