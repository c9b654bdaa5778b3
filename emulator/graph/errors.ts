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
  return c.json(
    {
      error: {
        code: spec.code,
        message: spec.message,
        innerError: {
          date: new Date().toISOString().replace(/\.\d+Z$/, ''),
          'request-id': requestId,
          'client-request-id': clientRequestId,
        },
      },
    },
    spec.status,
  );
}

/**
 * Intune's services wrap their errors twice: `error.message` is a JSON string whose `Message` is itself a JSON
 * string carrying the human text, an Operation ID and an Activity ID (what Microsoft support asks for), and the
 * URL of Intune's own front end. Consoles must unwrap it; the emulator answers in exactly that shape.
 */
export function intuneMessage(
  errorCode: string,
  message: string,
  activityId: string,
  path = '/deviceManagement/managedDevices',
): string {
  const inner = JSON.stringify({
    _version: 3,
    Message: `${message} - Operation ID (for customer support): ${randomUUID()} - Activity ID: ${activityId} - Url: https://fef.emulator.manage.local/DeviceFE/StatelessDeviceFEService${path}?api-version=2024-03-01`,
    CustomApiErrorPhrase: '',
    RetryAfter: null,
    ErrorSourceService: '',
    HttpHeaders: '{}',
  });
  return JSON.stringify({
    ErrorCode: errorCode,
    Message: inner,
    Target: null,
    Details: null,
    InnerError: null,
    InstanceAnnotations: [],
  });
}
