import 'server-only';
// Caller verifications (trust.md): written only by the server, from what Graph or Verified ID answered, and read
// back by the policy ("a verification of this user by this agent in the last N minutes") and by the views.
import { randomUUID } from 'node:crypto';
import type { CallerVerification, VerificationEvidence } from '@/lib/shared/trust/verification';
import type { Actor } from './audit-store';
import type { AuditDb } from './db';
import type { CallerVerificationTable } from './schema';

export interface NewVerification {
  agent: Actor;
  /** The device's user, as Graph named them to this agent's token. */
  subject: { id: string; upn: string | null; name: string | null };
  deviceId: string | null;
  evidence: VerificationEvidence;
  /** Whether the evidence verifies the subject (the caller decides from Graph's or Verified ID's answer). */
  verified: boolean;
}

export class VerificationStore {
  constructor(
    private readonly handle: AuditDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(v: NewVerification): Promise<CallerVerification> {
    const row: CallerVerificationTable = {
      id: randomUUID(),
      recorded_at: this.now().toISOString(),
      agent_oid: v.agent.oid.toLowerCase(),
      agent_upn: v.agent.upn,
      agent_name: v.agent.name,
      agent_tenant: v.agent.tenant.toLowerCase(),
      subject_user_id: v.subject.id.toLowerCase(),
      subject_upn: v.subject.upn,
      subject_name: v.subject.name,
      device_id: v.deviceId?.toLowerCase() ?? null,
      method: v.evidence.method,
      verified: v.verified ? 1 : 0,
      evidence: JSON.stringify(v.evidence),
    };
    await this.handle.db.insertInto('caller_verifications').values(row).execute();
    return fromRow(row);
  }

  async get(id: string): Promise<CallerVerification | null> {
    const row = await this.handle.db
      .selectFrom('caller_verifications')
      .selectAll()
      .where('id', '=', id.toLowerCase())
      .executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  /** Several at once (the activity page and exports show each action's verification). */
  async many(ids: readonly string[]): Promise<Map<string, CallerVerification>> {
    const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
    if (wanted.length === 0) return new Map();
    const rows = await this.handle.db
      .selectFrom('caller_verifications')
      .selectAll()
      .where('id', 'in', wanted)
      .execute();
    return new Map(rows.map((r) => [r.id, fromRow(r)]));
  }

  /** This agent's verifications of this user since `since`, newest first (ids compared in lower case). */
  async recentFor(
    agentOid: string,
    subjectUserId: string,
    since: Date,
  ): Promise<CallerVerification[]> {
    const rows = await this.handle.db
      .selectFrom('caller_verifications')
      .selectAll()
      .where('agent_oid', '=', agentOid.toLowerCase())
      .where('subject_user_id', '=', subjectUserId.toLowerCase())
      .where('recorded_at', '>=', since.toISOString())
      .orderBy('recorded_at', 'desc')
      .execute();
    return rows.map(fromRow);
  }
}

function fromRow(r: CallerVerificationTable): CallerVerification {
  const evidence = JSON.parse(r.evidence) as VerificationEvidence;
  return {
    id: r.id,
    method: evidence.method,
    verified: r.verified === 1,
    evidence,
    subject: { id: r.subject_user_id, upn: r.subject_upn, name: r.subject_name },
    deviceId: r.device_id,
    agent: { oid: r.agent_oid, upn: r.agent_upn, name: r.agent_name },
    recordedAt: r.recorded_at,
  };
}
