import 'server-only';
// Verified ID presentation requests the console started: written when the Request Service accepted one, marked
// retrieved when the wallet fetched it, and concluded exactly once, by whichever callback claims it first; every
// later concluding callback finds it concluded (a replay).
import type { AuditDb } from './db';
import type { VerifiedIdRequestTable } from './schema';

export type VerifiedIdRequestRow = VerifiedIdRequestTable;

export interface Conclusion {
  status: 'verified' | 'failed';
  failure: string | null;
  score: number | null;
}

export class VerifiedIdRequests {
  constructor(
    private readonly handle: AuditDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(
    row: Omit<
      VerifiedIdRequestTable,
      'status' | 'failure' | 'score' | 'verification_id' | 'concluded_at'
    >,
  ): Promise<void> {
    await this.handle.db
      .insertInto('verified_id_requests')
      .values({
        ...row,
        request_id: row.request_id.toLowerCase(),
        agent_oid: row.agent_oid.toLowerCase(),
        subject_user_id: row.subject_user_id.toLowerCase(),
        device_id: row.device_id.toLowerCase(),
        status: 'waiting',
        failure: null,
        score: null,
        verification_id: null,
        concluded_at: null,
      })
      .execute();
  }

  async get(requestId: string): Promise<VerifiedIdRequestRow | null> {
    const row = await this.handle.db
      .selectFrom('verified_id_requests')
      .selectAll()
      .where('request_id', '=', requestId.toLowerCase())
      .executeTakeFirst();
    return row ?? null;
  }

  /** The wallet fetched the request; no change once it has concluded. */
  async markRetrieved(requestId: string): Promise<void> {
    await this.handle.db
      .updateTable('verified_id_requests')
      .set({ status: 'retrieved' })
      .where('request_id', '=', requestId.toLowerCase())
      .where('status', '=', 'waiting')
      .where('concluded_at', 'is', null)
      .execute();
  }

  /**
   * Concludes the request if nothing has yet: one statement, so of two callbacks racing (or a replay) exactly one
   * gets true. The caller writes the verification only when it did.
   */
  async conclude(requestId: string, c: Conclusion): Promise<boolean> {
    const result = await this.handle.db
      .updateTable('verified_id_requests')
      .set({
        status: c.status,
        failure: c.failure,
        score: c.score,
        concluded_at: this.now().toISOString(),
      })
      .where('request_id', '=', requestId.toLowerCase())
      .where('concluded_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async attachVerification(requestId: string, verificationId: string): Promise<void> {
    await this.handle.db
      .updateTable('verified_id_requests')
      .set({ verification_id: verificationId })
      .where('request_id', '=', requestId.toLowerCase())
      .where('verification_id', 'is', null)
      .execute();
  }

  /**
   * Forgets requests that expired before `expiredBefore`: the verifications they produced stay in
   * caller_verifications, and a late or replayed callback for a forgotten request is refused as unknown.
   */
  async prune(expiredBefore: Date): Promise<void> {
    await this.handle.db
      .deleteFrom('verified_id_requests')
      .where('expires_at', '<', expiredBefore.toISOString())
      .execute();
  }
}
