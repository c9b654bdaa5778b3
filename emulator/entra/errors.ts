// Entra ID's error shapes: JSON from the token endpoint, and query/fragment parameters from authorize.
import { randomUUID } from 'node:crypto';

export interface EntraError {
  error: string;
  /** AADSTS code number, e.g. 50058. */
  aadsts: number;
  description: string;
  suberror?: string;
}

export function entraErrorBody(e: EntraError, correlationId: string = randomUUID()) {
  const traceId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    error: e.error,
    error_description: `AADSTS${e.aadsts}: ${e.description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [e.aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    ...(e.suberror ? { suberror: e.suberror } : {}),
    error_uri: `/error?code=${e.aadsts}`,
  };
}

export const ENTRA_ERRORS = {
  unknownClient: (clientId: string): EntraError => ({
    error: 'unauthorized_client',
    aadsts: 700016,
    description: `Application with identifier '${clientId}' was not found in the directory.`,
  }),
  redirectMismatch: (uri: string, clientId: string): EntraError => ({
    error: 'invalid_request',
    aadsts: 50011,
    description: `The redirect URI '${uri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`,
  }),
  unsupportedResponseType: (): EntraError => ({
    error: 'unsupported_response_type',
    aadsts: 700054,
    description:
      "The application requested an unsupported response type. Only 'code' is enabled for this single-page application.",
  }),
  pkceRequired: (): EntraError => ({
    error: 'invalid_request',
    aadsts: 9002325,
    description:
      'Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
  }),
  pkceMethod: (): EntraError => ({
    error: 'invalid_request',
    aadsts: 501491,
    description: "Invalid code_challenge_method: only 'S256' is allowed for this application.",
  }),
  loginRequired: (): EntraError => ({
    error: 'login_required',
    aadsts: 50058,
    description: 'A silent sign-in request was sent but no user is signed in.',
  }),
  consentRequired: (scopes: string[]): EntraError => ({
    error: 'invalid_grant',
    aadsts: 65001,
    suberror: 'consent_required',
    description: `The user or administrator has not consented to use the application. Send an interactive authorization request for this user and resource. Missing: ${scopes.join(' ')}.`,
  }),
  adminApprovalRequired: (scopes: string[]): EntraError => ({
    error: 'access_denied',
    aadsts: 90094,
    description: `The grant requires admin permission. Ask an administrator to grant ${scopes.join(', ')}.`,
  }),
  invalidScope: (scopes: string[]): EntraError => ({
    error: 'invalid_scope',
    aadsts: 70011,
    description: `The provided value for the input parameter 'scope' is not valid. The scope ${scopes.join(' ')} is not valid.`,
  }),
  unsupportedGrant: (grant: string): EntraError => ({
    error: 'unsupported_grant_type',
    aadsts: 70003,
    description: `The app requested an unsupported grant type '${grant}'.`,
  }),
  badCode: (): EntraError => ({
    error: 'invalid_grant',
    aadsts: 70008,
    description:
      'The provided authorization code or refresh token has expired due to inactivity or is not valid.',
  }),
  codeRedeemed: (): EntraError => ({
    error: 'invalid_grant',
    aadsts: 54005,
    description:
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
  }),
  verifierMismatch: (): EntraError => ({
    error: 'invalid_grant',
    aadsts: 501481,
    description:
      'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
  }),
  redirectChanged: (): EntraError => ({
    error: 'invalid_grant',
    aadsts: 70009,
    description: "The 'redirect_uri' does not match the one the authorization code was issued to.",
  }),
  clientMismatch: (): EntraError => ({
    error: 'invalid_grant',
    aadsts: 70000,
    description: 'The provided grant was issued to a different client.',
  }),
  crossOriginRequired: (): EntraError => ({
    error: 'invalid_request',
    aadsts: 9002327,
    description:
      "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
  }),
  missingParameter: (name: string): EntraError => ({
    error: 'invalid_request',
    aadsts: 900144,
    description: `The request body must contain the following parameter: '${name}'.`,
  }),
  spaRefreshTokenExpired: (hours: number): EntraError => ({
    error: 'invalid_grant',
    aadsts: 700084,
    description: `The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of ${hours} hours, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page.`,
  }),
  userNotFound: (login: string): EntraError => ({
    error: 'invalid_request',
    aadsts: 50034,
    description: `The user account ${login} does not exist in the directory.`,
  }),
} satisfies Record<string, (...args: never[]) => EntraError>;
