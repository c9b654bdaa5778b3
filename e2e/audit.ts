// Reads the console's audit database from the test, as an auditor would, read-only.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { E2E } from '../playwright.config';

export interface AuditRow {
  kind: string;
  action_id: string;
  device_id: string;
  ticket: string | null;
  outcome: string | null;
  action_state: string | null;
  actor_upn: string | null;
  actor_verified: number;
  graph_request_id: string | null;
  client_request_id: string | null;
  detail: string | null;
  verification_id: string | null;
}

/** A caller verification as the console recorded it (caller_verifications), or undefined. */
export function verificationRecord(
  id: string,
): { method: string; verified: number; subject_upn: string | null; evidence: string } | undefined {
  const file = join(E2E.dataDir, 'audit.sqlite');
  if (!existsSync(file)) return undefined;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT * FROM caller_verifications WHERE id = ?').get(id) as
      | { method: string; verified: number; subject_upn: string | null; evidence: string }
      | undefined;
  } finally {
    db.close();
  }
}

export function auditRecords(deviceId: string): AuditRow[] {
  const file = join(E2E.dataDir, 'audit.sqlite');
  if (!existsSync(file)) return []; // the console opens (and creates) it on the first request that needs it
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT * FROM audit_records WHERE device_id = ? ORDER BY seq')
      .all(deviceId) as AuditRow[];
  } finally {
    db.close();
  }
}

/** How many passcode actions were attempted at all (each attempt, refused or not, starts with an intent record). */
export function intentCount(): number {
  const file = join(E2E.dataDir, 'audit.sqlite');
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (
      db.prepare("SELECT count(*) AS n FROM audit_records WHERE kind = 'intent'").get() as {
        n: number;
      }
    ).n;
  } finally {
    db.close();
  }
}
