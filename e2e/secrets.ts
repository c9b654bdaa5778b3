// Where a secret could leak to: what the console servers logged, the audit database, and what the console answered
// the browser during the run (recorded by the fixtures). Tests scan them.
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { E2E, E2E_ALL_SLOTS } from '../playwright.config';

/**
 * Every answer of the console that a test's browser received (JSON lines), and every passcode the emulator made, as
 * this worker writes them; the readers below read every worker's.
 */
export const ANSWERS_FILE = join(E2E.dataDir, 'browser-answers.jsonl');
export const PASSCODES_FILE = join(E2E.dataDir, 'passcodes.txt');
const everyWorker = (file: string) => E2E_ALL_SLOTS.map((slot) => join(slot.dataDir, file));

export interface RecordedAnswer {
  url: string;
  status: number;
  contentType: string;
  body: string;
}

const readOr = (file: string, fallback: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
};

/** Everything the console servers of every worker have written to stdout and stderr so far. */
export function serverLogs(): string {
  return E2E_ALL_SLOTS.flatMap((slot) => [
    ...slot.logFiles(),
    ...slot.instanceLogFiles(),
    ...slot.outageLogFiles(),
    ...slot.requiredLogFiles(),
    ...slot.approvalLogFiles(),
  ])
    .map((f) => readOr(f, ''))
    .join('\n');
}

/** Every worker's audit rows, serialised, as an auditor with read access to the database would see them. */
export function auditDump(): string {
  return everyWorker('audit.sqlite')
    .filter((file) => existsSync(file))
    .map((file) => {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        return JSON.stringify(db.prepare('SELECT * FROM audit_records').all());
      } finally {
        db.close();
      }
    })
    .join('\n');
}

export function recordedAnswers(): RecordedAnswer[] {
  return everyWorker('browser-answers.jsonl')
    .map((file) => readOr(file, ''))
    .join('\n')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RecordedAnswer);
}

export function generatedPasscodes(): string[] {
  const all = everyWorker('passcodes.txt').map((file) => readOr(file, ''));
  return [...new Set(all.join('\n').split('\n').filter(Boolean))];
}
