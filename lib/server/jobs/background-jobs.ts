import 'server-only';
// The console's scheduled work, started once per server process: the retention purge, the ticket webhook's
// delivery from its outbox, forgetting rate-limit attempts and Verified ID requests that no longer count, and the
// expiry of approval requests. Every instance runs them; the database makes that safe (the purge is idempotent,
// outbox events are leased to one instance at a time, an expiry is one conditional UPDATE that one instance wins).
import {
  getApprovalStore,
  getAuditStore,
  getDatabase,
  getOutbox,
  getRateLimits,
  getVerifiedIdRequests,
} from '@/lib/server/store';
import { expireApprovals } from '@/lib/server/approvals/expire';
import { purgeOlderThan } from '@/lib/server/store/retention';
import { RATE_LIMIT_WINDOW_MS, serverEnv } from '@/lib/server/config/server-env';
import { logger } from '@/lib/server/log/logger';
import { deliverDue } from '@/lib/server/webhook/deliver';

const DAY_MS = 86_400_000;
const RETENTION_EVERY_MS = 6 * 3_600_000;
/** How often each instance looks for due webhook events (one indexed query). */
const WEBHOOK_EVERY_MS = 2_000;
const PRUNE_EVERY_MS = RATE_LIMIT_WINDOW_MS;
/** How often each instance marks approval requests whose time ran out (reads already show them expired). */
const APPROVAL_EXPIRY_EVERY_MS = 30_000;

let started = false;

export function startBackgroundJobs(): void {
  if (started) return;
  started = true;
  const env = serverEnv();
  every('retention', RETENTION_EVERY_MS, 60_000, async () => {
    const cutoff = new Date(Date.now() - env.AUDIT_RETENTION_DAYS * DAY_MS);
    const removed = await purgeOlderThan(await getDatabase(), cutoff);
    logger.info({ job: 'retention', removed, cutoff: cutoff.toISOString() }, 'audit retention ran');
  });
  every('rate-limit-prune', PRUNE_EVERY_MS, PRUNE_EVERY_MS, async () => {
    await (await getRateLimits()).prune(new Date(Date.now() - RATE_LIMIT_WINDOW_MS));
  });
  // Verified ID requests live five minutes; a day later nothing can still concern them.
  every('verified-id-prune', RETENTION_EVERY_MS, PRUNE_EVERY_MS, async () => {
    await (await getVerifiedIdRequests()).prune(new Date(Date.now() - DAY_MS));
  });
  every('approval-expiry', APPROVAL_EXPIRY_EVERY_MS, 5_000, async () => {
    const expired = await expireApprovals(await getApprovalStore(), await getAuditStore());
    if (expired > 0) logger.info({ job: 'approval-expiry', expired }, 'approval requests expired');
  });
  const url = env.TICKET_WEBHOOK_URL;
  const secret = env.TICKET_WEBHOOK_SECRET;
  if (url && secret) {
    every('ticket-webhook', WEBHOOK_EVERY_MS, 1_000, async () => {
      const accepted = await deliverDue(await getOutbox(), {
        url,
        secret,
        firstRetryMs: env.TICKET_WEBHOOK_RETRY_SECONDS * 1000,
      });
      if (accepted > 0)
        logger.info({ job: 'ticket-webhook', accepted }, 'ticket webhook events delivered');
    });
  }
}

/** Runs `job` after `firstMs`, then every `everyMs` after the previous run ended; never two runs at once. */
function every(name: string, everyMs: number, firstMs: number, job: () => Promise<void>): void {
  /** The failure last logged: a database that is away fails every run alike, said once until a run succeeds. */
  let failing: string | null = null;
  const run = async () => {
    try {
      await job();
      failing = null;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (message !== failing) {
        failing = message;
        logger.error(
          { job: name, err: message },
          'background job failed; it runs again on schedule (the same failure is not logged again)',
        );
      }
    }
    setTimeout(run, everyMs).unref();
  };
  setTimeout(run, firstMs).unref();
}
