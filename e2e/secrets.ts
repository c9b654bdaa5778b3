// Where a secret could leak to: what the console servers logged, and the audit database. Tests scan them.
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { E2E } from '../playwright.config';

/** Everything the console servers have written to stdout and stderr so far. */
export function serverLogs(): string {
  return E2E.logFiles().map((f) => {
    try {
      return readFileSync(f, 'utf8');
    } catch {
      return '';
    }
  }).join('\n');
}

/** Every audit row, serialised, as an auditor with read access to the database would see it. */
export function auditDump(): string {
  const db = new Database(join(E2E.dataDir ?? '', 'audit.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return JSON.stringify(db.prepare('SELECT * FROM audit_records').all());
  } finally {
    db.close();
  }
}
