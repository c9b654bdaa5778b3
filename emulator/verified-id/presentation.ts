// What the Request Service accepts in createPresentationRequest (Microsoft's "Request Service REST API presentation
// specification"), the presentation requests it holds while a wallet answers them, and the callback bodies it posts
// to the verifier: request_retrieved, then presentation_verified or presentation_error.
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DirectoryUser } from '../tenant/types';

/** How long a presentation request stays open (Microsoft's: five minutes). */
export const REQUEST_LIFETIME_MS = 5 * 60_000;

const Did = z.string().regex(/^did:[a-z0-9]+:.+$/, 'a DID');

export const PresentationRequestBody = z.object({
  authority: Did,
  includeQRCode: z.boolean().optional(),
  includeReceipt: z.boolean().optional(),
  registration: z.object({
    clientName: z.string().min(1),
    purpose: z.string().optional(),
    logoUrl: z.url().optional(),
    termsOfServiceUrl: z.array(z.url()).optional(),
  }),
  callback: z.object({
    url: z.url({ protocol: /^https?$/ }),
    state: z.string().min(1),
    headers: z.record(z.string(), z.string()).optional(),
  }),
  requestedCredentials: z
    .array(
      z.object({
        type: z.string().min(1),
        purpose: z.string().optional(),
        acceptedIssuers: z.array(Did).optional(),
        constraints: z.array(z.unknown()).optional(),
        configuration: z
          .object({
            validation: z
              .object({
                allowRevoked: z.boolean().optional(),
                validateLinkedDomain: z.boolean().optional(),
                faceCheck: z
                  .object({
                    sourcePhotoClaimName: z.string().min(1),
                    // Microsoft: an integer from 50 to 100, 70 when not given.
                    matchConfidenceThreshold: z.number().int().min(50).max(100).optional(),
                  })
                  .optional(),
              })
              .optional(),
          })
          .optional(),
      }),
    )
    .min(1),
});
export type PresentationRequestBody = z.infer<typeof PresentationRequestBody>;

export type RequestState = 'created' | 'retrieved' | 'presented' | 'expired';

export interface PresentationRequest {
  id: string;
  tenantId: string;
  /** The app (client id) that created it. */
  appId: string;
  body: PresentationRequestBody;
  createdAt: number;
  expiresAt: number;
  state: RequestState;
}

export interface CallbackDelivery {
  requestId: string;
  requestStatus: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The verifier's HTTP status, or null when it could not be reached. */
  status: number | null;
  at: number;
}

/** The innererror for the first problem zod found, as the service names a bad or missing field. */
export function fieldProblem(error: z.ZodError): { code: string; message: string; target: string } {
  const issue = error.issues[0];
  const target = issue?.path.map(String).join('.') || 'body';
  const missing = issue?.code === 'invalid_type' && /received undefined/.test(issue.message);
  return {
    code: 'badOrMissingField',
    message: missing
      ? `The request is missing the \`${target}\` field.`
      : `The request contains \`${target}\`, but it is not valid.`,
    target,
  };
}

/** A holder's DID: stable per user, as a wallet keeps one key pair per account. */
export function holderDid(user: DirectoryUser): string {
  return `did:ion:EiA${createHash('sha256').update(user.id).digest('base64url').slice(0, 40)}`;
}

/** Profile fields the caller branch adds to the seed; read when present, else a plain default. */
type ProfileFields = { jobTitle?: string | null; preferredLanguage?: string | null };

/**
 * The claims of Microsoft's VerifiedEmployee credential, issued from the directory: displayName, givenName,
 * surname, jobTitle, preferredLanguage, mail, photo, and revocationId, which Microsoft's VerifiedEmployee rules fill
 * from the user's userPrincipalName (the indexed claim revocation looks up). The photo is left out here: Face Check
 * compares it inside the service, and only the score reaches the verifier.
 */
export function verifiedEmployeeClaims(user: DirectoryUser): Record<string, string> {
  const profile: DirectoryUser & ProfileFields = user;
  return {
    displayName: user.displayName,
    givenName: user.givenName,
    surname: user.surname,
    jobTitle: profile.jobTitle ?? 'Employee',
    preferredLanguage: profile.preferredLanguage ?? 'en-US',
    mail: user.mail,
    revocationId: user.userPrincipalName,
  };
}

export function retrievedBody(request: PresentationRequest) {
  return {
    requestId: request.id,
    requestStatus: 'request_retrieved',
    state: request.body.callback.state,
  };
}

export function verifiedBody(
  request: PresentationRequest,
  user: DirectoryUser,
  opts: { score: number; issuer: string; domain: string; now: number },
) {
  const credential = request.body.requestedCredentials[0];
  const faceCheck = credential?.configuration?.validation?.faceCheck;
  const issued = new Date(opts.now - 30 * 86_400_000);
  const expires = new Date(issued.getTime() + 365 * 86_400_000);
  const subject = holderDid(user);
  return {
    requestId: request.id,
    requestStatus: 'presentation_verified',
    state: request.body.callback.state,
    subject,
    verifiedCredentialsData: [
      {
        issuer: opts.issuer,
        type: ['VerifiableCredential', credential?.type ?? 'VerifiedEmployee'],
        claims: verifiedEmployeeClaims(user),
        credentialState: { revocationStatus: 'VALID' },
        domainValidation: { url: `https://${opts.domain}/` },
        issuanceDate: issued.toISOString().replace(/\.\d+Z$/, 'Z'),
        expirationDate: expires.toISOString().replace(/\.\d+Z$/, 'Z'),
        ...(faceCheck ? { faceCheck: { matchConfidenceScore: opts.score } } : {}),
      },
    ],
    ...(request.body.includeReceipt
      ? { receipt: { vp_token: `emulated.${randomUUID()}`, state: request.body.callback.state } }
      : {}),
  };
}

export function errorBody(request: PresentationRequest, code: string, message: string) {
  return {
    requestId: request.id,
    requestStatus: 'presentation_error',
    state: request.body.callback.state,
    error: { code, message },
  };
}
