// Caller verifications written into the console's database from the test, as the server writes them after
// re-reading the numbers from Graph (the Caller panel's own tests record them through the dialog): so that a policy
// test can name one of each kind without driving that panel.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { TENANT_ID } from '../emulator/constants';
import { E2E } from '../playwright.config';

export interface TestVerification {
  agent: { oid: string; upn: string; name: string | null };
  subjectUserId: string;
  deviceId: string;
  verified: boolean;
  evidence: Record<string, unknown> & { method: string };
}

export function recordVerification(v: TestVerification): string {
  const id = randomUUID();
  const db = new Database(join(E2E.dataDir, 'audit.sqlite'), { fileMustExist: true });
  try {
    db.prepare(
      `INSERT INTO caller_verifications (id, recorded_at, agent_oid, agent_upn, agent_name, agent_tenant,
        subject_user_id, subject_upn, subject_name, device_id, method, verified, evidence)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?)`,
    ).run(
      id,
      new Date().toISOString(),
      v.agent.oid.toLowerCase(),
      v.agent.upn,
      v.agent.name,
      TENANT_ID,
      v.subjectUserId.toLowerCase(),
      v.deviceId.toLowerCase(),
      v.evidence.method,
      v.verified ? 1 : 0,
      JSON.stringify(v.evidence),
    );
  } finally {
    db.close();
  }
  return id;
}
