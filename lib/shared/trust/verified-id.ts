// What the server answers about Verified ID caller checks (trust.md): whether it is configured, a started
// presentation request (its QR code and expiry), and where one stands. The browser shows these; it decides nothing.
import type { CallerVerification, VerifiedIdFailure } from './verification';

/** GET /api/verified-id: whether this deployment offers the check, and the Face Check threshold it asks for. */
export type VerifiedIdAvailability =
  { configured: false } | { configured: true; threshold: number };

/** Where a presentation request stands for the agent who started it. */
export const VERIFIED_ID_STATUSES = [
  'waiting',
  'retrieved',
  'verified',
  'failed',
  'expired',
] as const;
export type VerifiedIdStatusName = (typeof VERIFIED_ID_STATUSES)[number];

/** The states after which nothing changes any more (polling stops). */
export function isTerminalVerifiedIdStatus(status: VerifiedIdStatusName): boolean {
  return status === 'verified' || status === 'failed' || status === 'expired';
}

export interface VerifiedIdStatus {
  requestId: string;
  status: VerifiedIdStatusName;
  failure: VerifiedIdFailure | null;
  /** Face Check's matchConfidenceScore, once a presentation arrived. */
  score: number | null;
  threshold: number;
  expiresAt: string;
  /** The device's user the presentation must name. */
  subject: { id: string; upn: string | null; name: string | null };
  /** The verification the server wrote when the request concluded. */
  verification: CallerVerification | null;
}

/** The server action's answer to "Verify with Verified ID". */
export type VerifiedIdStartResult =
  | {
      status: 'started';
      requestId: string;
      /** The Request Service's QR code: a PNG data URL. */
      qrCode: string;
      /** The openid-vc:// link the QR code holds (for a wallet on the same device). */
      url: string;
      expiresAt: string;
      threshold: number;
    }
  | { status: 'refused'; code: VerifiedIdErrorCode };

/** Why a check could not start, or a status could not be read; each has a sentence under `verifiedId.errors`. */
export const VERIFIED_ID_ERROR_CODES = [
  'notConfigured',
  'invalidDevice',
  'invalidRequestId',
  'signInRequired',
  'deviceNotReadable',
  'noDeviceUser',
  'serviceFailed',
  'storeUnavailable',
  'notFound',
] as const;
export type VerifiedIdErrorCode = (typeof VERIFIED_ID_ERROR_CODES)[number];
