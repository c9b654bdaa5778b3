import 'server-only';
// Posts the outbox's events to the ticket system's webhook: signed with HMAC-SHA256 over the timestamp and the
// exact body (so the receiver can check both origin and freshness), retried with exponential back-off and
// jitter until the receiver accepts (2xx). The receiver sees each event's id and drops repeats.
import { createHmac } from 'node:crypto';
import type { DueEvent, Outbox } from '@/lib/server/store/outbox';

export const SIGNATURE_HEADER = 'x-passcodedesk-signature';
export const TIMESTAMP_HEADER = 'x-passcodedesk-timestamp';
export const EVENT_ID_HEADER = 'x-passcodedesk-event-id';
const BATCH = 20;
const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;
const MAX_RETRY_MS = 3_600_000;

export interface WebhookTarget {
  url: string;
  secret: string;
  /** The first retry's delay; each further one doubles it (TICKET_WEBHOOK_RETRY_SECONDS). */
  firstRetryMs: number;
}

/** `sha256=<hex>` of HMAC-SHA256(secret, `${timestamp}.${body}`). */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** How long to wait before attempt `attempts + 1`: first, twice that, four times … up to an hour, give or take a fifth. */
export function retryDelayMs(
  attempts: number,
  firstRetryMs: number,
  random: () => number = Math.random,
): number {
  const base = Math.min(MAX_RETRY_MS, firstRetryMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + random() * 0.4));
}

/** Delivers what is due now; returns how many the receiver accepted. */
export async function deliverDue(
  outbox: Outbox,
  target: WebhookTarget,
  deps: { fetch?: typeof fetch; now?: () => Date; random?: () => number } = {},
): Promise<number> {
  const send = deps.fetch ?? fetch;
  const now = deps.now ?? (() => new Date());
  let accepted = 0;
  for (const event of await outbox.claimDue(BATCH, LEASE_MS)) {
    const outcome = await post(send, target, event, now());
    if (outcome === null) {
      await outbox.delivered(event.eventId);
      accepted++;
    } else {
      const attempts = event.attempts + 1;
      await outbox.failed(
        event.eventId,
        attempts,
        new Date(now().getTime() + retryDelayMs(attempts, target.firstRetryMs, deps.random)),
        outcome,
      );
    }
  }
  return accepted;
}

/** Null when the receiver accepted; otherwise why not (for the outbox's last_error). */
async function post(
  send: typeof fetch,
  target: WebhookTarget,
  event: DueEvent,
  at: Date,
): Promise<string | null> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  try {
    const res = await send(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [EVENT_ID_HEADER]: event.eventId,
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signature(target.secret, timestamp, event.payload),
      },
      body: event.payload,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await res.body?.cancel();
    return res.ok ? null : `HTTP ${res.status}`;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
