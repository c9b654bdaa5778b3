// A failed call to the console's own API, as the browser sees it: the HTTP status and the error body the
// route handler sent (with Graph's request-id), or a network failure.
import type { ApiErrorBody } from '@/lib/devices/types';

export type ApiErrorInfo = ApiErrorBody['error'];

export class ApiError extends Error {
  readonly info: ApiErrorInfo;

  constructor(info: ApiErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.info = info;
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}
