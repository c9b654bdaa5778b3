// The one shape of an error the console reports, whoever noticed it: Graph (status, code, message and what
// support needs: request-id, client-request-id, date), the console's own API, or the browser itself. The
// server sends it as `{ error: … }`; the browser shows it; a server action's failure result carries it.
// The browser words the console's own codes in the agent's language; Graph's and Intune's messages are data,
// shown as Microsoft wrote them.
import type { Messages } from '@/lib/shared/i18n/catalogs';

/** The codes the console itself answers with; each has a sentence in the catalogs (`errors.codes.*`). */
export type ConsoleErrorCode = keyof Messages['errors']['codes'];

/** Why Graph said 403, as far as its answer tells: a permission missing from the token, or Intune's RBAC. */
export type ForbiddenReason = 'missingPermission' | 'outsideScope' | 'noIntuneRole';

export interface ErrorInfo {
  /** HTTP status; 0 when nothing answered (network failure). */
  status: number;
  code: string;
  message: string;
  requestId: string | null;
  clientRequestId: string | null;
  date: string | null;
  /** Seconds from Retry-After, when Graph sent one (429, sometimes 503). */
  retryAfterSeconds: number | null;
  /** Why a 403 happened, where Graph's answer tells. */
  reason?: ForbiddenReason | null;
  /** The claims of a Graph claims challenge (base64), for an interactive token request. */
  claims?: string | null;
  /** Intune's Operation ID and Activity ID from its wrapped message: what Microsoft support asks for. */
  operationId?: string | null;
  activityId?: string | null;
}

/** The body of every error answer from the console's API. */
export interface ApiErrorBody {
  error: ErrorInfo;
}

/** An error the console noticed itself: no Graph request-id, stamped with the current time. */
export function errorInfo(
  status: number,
  code: string,
  message: string,
  extra: Partial<ErrorInfo> = {},
): ErrorInfo {
  return {
    status,
    code,
    message,
    requestId: null,
    clientRequestId: null,
    date: new Date().toUTCString(),
    retryAfterSeconds: null,
    ...extra,
  };
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    'message' in error &&
    'status' in error
  );
}

/**
 * A request the console refuses for what it asked, not for a fault: a malformed id, a forged cursor. Route
 * handlers answer it as a 400 with its code, so a bad input is never a 500.
 */
export class InputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
