// Microsoft Graph's error responses: the JSON body with innerError, and the request-id, client-request-id
// and Date headers every Graph response carries. Intune wraps its own errors in a JSON-in-a-string message.
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface GraphErrorSpec {
  status: ContentfulStatusCode;
  code: string;
  message: string;
  headers?: Record<string, string>;
}

/** Request ids for this request; set by the Graph middleware before any handler runs. */
export function requestIds(c: Context): { requestId: string; clientRequestId: string } {
  const requestId = (c.get('requestId' as never) as string | undefined) ?? randomUUID();
  const clientRequestId = (c.get('clientRequestId' as never) as string | undefined) ?? requestId;
  return { requestId, clientRequestId };
}

export function graphError(c: Context, spec: GraphErrorSpec): Response {
  const { requestId, clientRequestId } = requestIds(c);
  for (const [k, v] of Object.entries(spec.headers ?? {})) c.header(k, v);
  return c.json({
    error: {
      code: spec.code,
      message: spec.message,
      innerError: { date: new Date().toISOString().replace(/\.\d+Z$/, ''), 'request-id': requestId, 'client-request-id': clientRequestId },
    },
  }, spec.status);
}

/** Intune's services answer with a serialised object as the message, which consoles must cope with. */
export function intuneMessage(message: string, activityId: string): string {
  return JSON.stringify({
    _version: 3,
    Message: `${message} - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - Activity ID: ${activityId} - Url: https://fef.emulator.manage.local/DeviceFE/StatelessDeviceFEService/deviceManagement/managedDevices`,
    CustomApiErrorPhrase: '',
    RetryAfter: null,
    ErrorSourceService: '',
    HttpHeaders: '{}',
  });
}
