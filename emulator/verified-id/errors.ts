// The Verified ID Request Service's error shape (Microsoft's "Request Service API error codes"): an outer code that
// matches the HTTP status with a standard message, an innererror that says what caused it, and the request's id,
// date and mscv beside it. And the Entra errors of the client-credentials grant the console's app uses.
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { EntraError } from '../entra/errors';

const OUTER: Partial<Record<ContentfulStatusCode, { code: string; message: string }>> = {
  400: { code: 'badRequest', message: 'The request is invalid.' },
  401: { code: 'unauthorized', message: 'The request is unauthorized.' },
  403: { code: 'forbidden', message: 'The request is forbidden.' },
  404: { code: 'notFound', message: 'The requested resource was not found.' },
  405: { code: 'methodNotAllowed', message: 'The requested method is not allowed.' },
  415: { code: 'unsupportedMediaType', message: 'The request media type is not supported.' },
};

export interface InnerError {
  code: string;
  message: string;
  target?: string;
}

export function requestServiceError(
  c: Context,
  status: 400 | 401 | 403 | 404 | 405 | 415,
  inner: InnerError,
): Response {
  const outer = OUTER[status] ?? { code: 'badRequest', message: 'The request is invalid.' };
  return c.json(
    {
      requestId: randomUUID(),
      date: new Date().toUTCString(),
      mscv: randomUUID().replace(/-/g, '').slice(0, 16) + '.1',
      error: { ...outer, innererror: inner },
    },
    status,
  );
}

export const CLIENT_CREDENTIAL_ERRORS = {
  secretRequired: (): EntraError => ({
    error: 'invalid_client',
    aadsts: 7000216,
    description:
      "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
  }),
  invalidSecret: (clientId: string): EntraError => ({
    error: 'invalid_client',
    aadsts: 7000215,
    description: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
  }),
  scopeNotDefault: (scope: string): EntraError => ({
    error: 'invalid_scope',
    aadsts: 1002012,
    description: `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
  }),
  resourceNotFound: (resource: string, tenant: string): EntraError => ({
    error: 'invalid_resource',
    aadsts: 500011,
    description: `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
  }),
} satisfies Record<string, (...args: never[]) => EntraError>;
