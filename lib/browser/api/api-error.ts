// A failed call to the console's own API, as the browser sees it: the console's one error shape, as the route
// handler sent it (with Graph's request-id) or as the browser noticed it (a network failure).
import type { ErrorInfo } from '@/lib/shared/errors';

export class ApiError extends Error {
  readonly info: ErrorInfo;

  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.info = info;
  }
}
