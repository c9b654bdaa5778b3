import 'server-only';
// The id that ties a request's log lines together: the browser's client-request-id when it sends a GUID, else a
// fresh one. Anything else a client puts there is ignored, so no request byte reaches a log line through it.
const GUID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;

export const CLIENT_REQUEST_ID_HEADER = 'client-request-id';

export function clientRequestIdOf(headers: Headers): string {
  const sent = headers.get(CLIENT_REQUEST_ID_HEADER);
  return sent && GUID.test(sent) ? sent.toLowerCase() : crypto.randomUUID();
}
