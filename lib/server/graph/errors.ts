import 'server-only';
// Graph failures as one typed error: what Graph said (status, code, message) and what support needs
// (request-id, client-request-id, date). Intune's JSON-in-a-string messages are unwrapped here.
import { z } from 'zod';
import type { ErrorInfo, ForbiddenReason } from '@/lib/shared/errors';
import { apiText } from '@/lib/server/i18n/api-text';

/** `notSent`: the console's throttle gate held the request back, so Graph never saw it. */
export type GraphFailureKind = 'http' | 'timeout' | 'network' | 'invalidResponse' | 'notSent';

interface GraphErrorFields {
  kind: GraphFailureKind;
  status: number;
  code: string;
  message: string;
  requestId: string | null;
  clientRequestId: string;
  date: string | null;
  /** Seconds from Retry-After, when Graph sent one (429, sometimes 503). */
  retryAfterSeconds: number | null;
  /** The claims of a 401 claims challenge (WWW-Authenticate error="insufficient_claims"). */
  claimsChallenge: string | null;
  /** From Intune's wrapped message, where it sent one. */
  intuneErrorCode?: string | null;
  /** A 401 from Intune's own realm: no licence or role, not an expired token. */
  intuneRealm?: boolean;
  operationId?: string | null;
  activityId?: string | null;
  /** Intune Multi Admin Approval's code for the approval request its 403 created (x-msft-approval-code). */
  approvalCode?: string | null;
}

export class GraphError extends Error implements GraphErrorFields {
  readonly kind: GraphFailureKind;
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  readonly clientRequestId: string;
  readonly date: string | null;
  readonly retryAfterSeconds: number | null;
  readonly claimsChallenge: string | null;
  readonly intuneErrorCode: string | null;
  readonly intuneRealm: boolean;
  readonly operationId: string | null;
  readonly activityId: string | null;
  readonly approvalCode: string | null;

  constructor(info: GraphErrorFields) {
    super(info.message);
    this.name = 'GraphError';
    this.kind = info.kind;
    this.status = info.status;
    this.code = info.code;
    this.requestId = info.requestId;
    this.clientRequestId = info.clientRequestId;
    this.date = info.date;
    this.retryAfterSeconds = info.retryAfterSeconds;
    this.claimsChallenge = info.claimsChallenge;
    this.intuneErrorCode = info.intuneErrorCode ?? null;
    this.intuneRealm = info.intuneRealm ?? false;
    this.operationId = info.operationId ?? null;
    this.activityId = info.activityId ?? null;
    this.approvalCode = info.approvalCode ?? null;
  }

  /** What the agent and support see of it: the console's one error shape. */
  info(): ErrorInfo {
    return {
      status: this.status,
      code: this.code,
      message: this.message,
      requestId: this.requestId,
      clientRequestId: this.clientRequestId,
      date: this.date,
      retryAfterSeconds: this.retryAfterSeconds,
      reason: forbiddenReason(this),
      claims: this.claimsChallenge,
      operationId: this.operationId,
      activityId: this.activityId,
    };
  }
}

const GraphErrorBody = z.object({
  error: z.object({
    code: z.string().default('UnknownError'),
    message: z.string().default(''),
    innerError: z
      .object({
        'request-id': z.string().optional(),
        'client-request-id': z.string().optional(),
        date: z.string().optional(),
      })
      .partial()
      .optional(),
  }),
});

/** The layers Intune wraps its messages in: `{"ErrorCode":…,"Message":"<json>"}` around `{"_version":3,"Message":"…"}`. */
const IntuneLayer = z.object({ Message: z.string(), ErrorCode: z.string().optional() });

export interface IntuneMessage {
  /** The human part, before " - Operation ID". */
  text: string;
  /** Intune's own code from the outer layer (e.g. Forbidden, BadRequest), when it wrapped one. */
  errorCode: string | null;
  /** What Microsoft support asks for. */
  operationId: string | null;
  activityId: string | null;
}

/** Builds a GraphError from a non-2xx response; never throws, whatever the body is. */
export async function graphErrorFromResponse(
  res: Response,
  clientRequestId: string,
): Promise<GraphError> {
  const text = await res.text().catch(() => '');
  let body: z.infer<typeof GraphErrorBody> | undefined;
  try {
    const parsed = GraphErrorBody.safeParse(JSON.parse(text));
    if (parsed.success) body = parsed.data;
  } catch {
    // not JSON: a proxy or load balancer answered; keep the status and say so below
  }
  const inner = body?.error.innerError;
  const intune = unwrapIntuneMessage(body?.error.message ?? '');
  return new GraphError({
    kind: 'http',
    status: res.status,
    code: body?.error.code ?? `Http${res.status}`,
    message:
      intune.text ||
      apiText('httpStatus', {
        status: `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`,
      }),
    intuneErrorCode: intune.errorCode,
    operationId: intune.operationId,
    activityId: intune.activityId,
    requestId: res.headers.get('request-id') ?? inner?.['request-id'] ?? null,
    clientRequestId:
      res.headers.get('client-request-id') ?? inner?.['client-request-id'] ?? clientRequestId,
    date: inner?.date ?? res.headers.get('date'),
    retryAfterSeconds: parseRetryAfter(res.headers.get('retry-after')),
    claimsChallenge: parseClaimsChallenge(res.headers.get('www-authenticate')),
    intuneRealm: isIntuneRealm(res.headers.get('www-authenticate')),
    approvalCode: res.headers.get('x-msft-approval-code')?.trim() || null,
  });
}

/**
 * Intune's own Multi Admin Approval answered: a 403 ApprovalRequired (with the approval code in
 * x-msft-approval-code, where Intune sent one). Nothing was queued; another administrator must approve the request
 * in the Intune admin center. Not a refusal of this agent's rights, and sending it again only makes a new request.
 */
export function isIntuneApprovalRequired(
  e: Pick<GraphErrorFields, 'status' | 'code' | 'approvalCode'>,
): boolean {
  return e.status === 403 && (e.code === 'ApprovalRequired' || Boolean(e.approvalCode));
}

/**
 * Intune wraps its errors once or twice in JSON-in-a-string (graph-intune.md): peel every layer, keep the human
 * part, and pick out Intune's error code, the Operation ID and the Activity ID. Anything else passes as it is.
 */
export function unwrapIntuneMessage(message: string): IntuneMessage {
  let text = message;
  let errorCode: string | null = null;
  for (let depth = 0; depth < 3 && text.trimStart().startsWith('{'); depth++) {
    let layer: z.infer<typeof IntuneLayer>;
    try {
      const parsed = IntuneLayer.safeParse(JSON.parse(text));
      if (!parsed.success) break;
      layer = parsed.data;
    } catch {
      break;
    }
    errorCode ??= layer.ErrorCode ?? null;
    text = layer.Message;
  }
  return {
    text: text.split(' - Operation ID')[0]?.trim() ?? text,
    errorCode,
    operationId:
      /Operation ID \(for customer support\): ([0-9a-fA-F-]{36})/.exec(text)?.[1] ?? null,
    activityId: /Activity ID: ([0-9a-fA-F-]{36})/.exec(text)?.[1] ?? null,
  };
}

/** Retry-After in seconds (Graph sends fractional values too) or as an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, (at - now) / 1000);
}

function parseClaimsChallenge(header: string | null): string | null {
  if (!header || !/error="insufficient_claims"/.test(header)) return null;
  return /claims="([^"]+)"/.exec(header)?.[1] ?? null;
}

/**
 * Why Graph refused, as far as its answer tells, decided by status, headers and Intune's error code, never by the
 * wording of a message (Intune's RBAC refusals say nothing but "An error has occurred"):
 * - a 401 in Intune's realm (`WWW-Authenticate: … realm="urn:intune:service"`) with an embedded Forbidden: the user
 *   has no Intune licence or role. Not an expired token: renewing it would loop.
 * - a 403 naming the scopes the application must have (Graph's permission check, before Intune's): a permission
 *   missing from the token.
 * - a 403 ApprovalRequired: Intune's Multi Admin Approval, no refusal of rights (no reason).
 * - any other 403 from Intune: its RBAC (the role's scope tags or permissions do not cover this).
 */
export function forbiddenReason(
  e: Pick<GraphErrorFields, 'status' | 'message'> & {
    intuneRealm?: boolean;
    intuneErrorCode?: string | null;
    code?: string;
    approvalCode?: string | null;
  },
): ForbiddenReason | null {
  if (e.status === 401 && e.intuneRealm) return 'noIntuneRole';
  if (e.status !== 403) return null;
  // Multi Admin Approval's 403 refuses nobody's rights: the action waits for a second administrator.
  if (
    isIntuneApprovalRequired({ status: e.status, code: e.code ?? '', approvalCode: e.approvalCode })
  )
    return null;
  if (/Application must have one of the following scopes/i.test(e.message))
    return 'missingPermission';
  return 'outsideScope';
}

/** Intune's 401 for a user without licence or role carries its realm in WWW-Authenticate. */
export function isIntuneRealm(header: string | null): boolean {
  return header !== null && /realm="urn:intune:service"/i.test(header);
}
