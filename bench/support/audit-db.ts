// Counting the console's audit trail after a benchmark, read-only, as an auditor would: per action, its intent and
// outcome records (each attempt must leave exactly one of each).
import Database from 'better-sqlite3';
import { join } from 'node:path';

export interface AuditCount {
  actions: number;
  intents: number;
  outcomes: number;
  /** Actions with no intent or no outcome. */
  lost: string[];
  /** Actions with more than one intent or more than one outcome. */
  duplicated: string[];
  outcomesByKind: Record<string, number>;
}

export function countAudit(dataDir: string): AuditCount {
  const db = new Database(join(dataDir, 'audit.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT action_id, SUM(kind = 'intent') AS intents, SUM(kind = 'outcome') AS outcomes
      FROM audit_records WHERE kind IN ('intent', 'outcome') GROUP BY action_id`,
      )
      .all() as { action_id: string; intents: number; outcomes: number }[];
    const byOutcome = db
      .prepare(
        `SELECT outcome, COUNT(*) AS n FROM audit_records WHERE kind = 'outcome' GROUP BY outcome`,
      )
      .all() as { outcome: string; n: number }[];
    return {
      actions: rows.length,
      intents: rows.reduce((n, r) => n + r.intents, 0),
      outcomes: rows.reduce((n, r) => n + r.outcomes, 0),
      lost: rows.filter((r) => r.intents === 0 || r.outcomes === 0).map((r) => r.action_id),
      duplicated: rows.filter((r) => r.intents > 1 || r.outcomes > 1).map((r) => r.action_id),
      outcomesByKind: Object.fromEntries(byOutcome.map((r) => [r.outcome, r.n])),
    };
  } finally {
    db.close();
  }
}
