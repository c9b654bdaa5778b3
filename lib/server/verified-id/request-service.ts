import 'server-only';
// The one call the console makes to the Verified ID Request Service: createPresentationRequest, for a
// VerifiedEmployee credential with Face Check, answered 201 with the request id, its URL, expiry and QR code.
import { z } from 'zod';
import type { VerifiedIdConfig } from './config';

export const VERIFIED_EMPLOYEE = 'VerifiedEmployee';
/** The VerifiedEmployee credential's photo claim, which Face Check compares the selfie with. */
const PHOTO_CLAIM = 'photo';

const Created = z.object({
  requestId: z.string().min(1),
  url: z.string().min(1),
  expiry: z.number().int(),
  qrCode: z.string().regex(/^data:image\/png;base64,/),
});
export type CreatedPresentation = z.infer<typeof Created>;

const ServiceFailure = z.object({
  error: z.object({
    code: z.string(),
    innererror: z.object({ code: z.string(), target: z.string().optional() }).optional(),
  }),
});

export class RequestServiceError extends Error {
  constructor(
    readonly status: number,
    /** The service's outer and inner codes, e.g. `badRequest/badOrMissingField authority`. */
    readonly reason: string,
  ) {
    super(`The Verified ID Request Service refused the presentation request: ${reason}`);
    this.name = 'RequestServiceError';
  }
}

export interface PresentationRequestInput {
  state: string;
  apiKey: string;
}

export async function createPresentationRequest(
  config: VerifiedIdConfig,
  token: string,
  input: PresentationRequestInput,
): Promise<CreatedPresentation> {
  const body = {
    authority: config.authority,
    includeQRCode: true,
    includeReceipt: false,
    registration: {
      clientName: 'Passcode Desk',
      purpose: 'Verify the caller before a passcode action',
    },
    callback: { url: config.callbackUrl, state: input.state, headers: { 'api-key': input.apiKey } },
    requestedCredentials: [
      {
        type: VERIFIED_EMPLOYEE,
        purpose: 'Prove that you are the employee whose phone the helpdesk is about to unlock',
        acceptedIssuers: [config.authority],
        configuration: {
          validation: {
            allowRevoked: false,
            validateLinkedDomain: true,
            faceCheck: {
              sourcePhotoClaimName: PHOTO_CLAIM,
              matchConfidenceThreshold: config.threshold,
            },
          },
        },
      },
    ],
  };
  let res: Response;
  try {
    res = await fetch(`${config.endpoint}/v1.0/verifiableCredentials/createPresentationRequest`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(config.timeoutMs),
      cache: 'no-store',
    });
  } catch (e) {
    throw new RequestServiceError(
      0,
      e instanceof Error && e.name === 'TimeoutError' ? 'timeout' : 'network',
    );
  }
  const answer: unknown = await res.json().catch(() => undefined);
  if (res.status !== 201) {
    const failure = ServiceFailure.safeParse(answer);
    const inner = failure.success ? failure.data.error.innererror : undefined;
    const reason = failure.success
      ? `${failure.data.error.code}${inner ? `/${inner.code}${inner.target ? ` ${inner.target}` : ''}` : ''}`
      : `HTTP ${res.status}`;
    throw new RequestServiceError(res.status, reason);
  }
  const created = Created.safeParse(answer);
  if (!created.success) throw new RequestServiceError(res.status, 'invalidResponse');
  return created.data;
}
