// Where a secret could leak to: what the console servers logged, the audit database, and what the console answered
// the browser during the run (recorded by the fixtures). Tests scan them.
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { E2E } from '../playwright.config';

/** Every answer of the console that a test's browser received (JSON lines), and every passcode the emulator made. */
export const ANSWERS_FILE = join(E2E.dataDir ?? '', 'browser-answers.jsonl');
export const PASSCODES_FILE = join(E2E.dataDir ?? '', 'passcodes.txt');

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

/** Everything the console servers have written to stdout and stderr so far. */
export function serverLogs(): string {
  return [...E2E.logFiles(), ...E2E.instanceLogFiles()].map((f) => readOr(f, '')).join('\n');
}

/** Every audit row, serialised, as an auditor with read access to the database would see it. */
export function auditDump(): string {
  const db = new Database(join(E2E.dataDir ?? '', 'audit.sqlite'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return JSON.stringify(db.prepare('SELECT * FROM audit_records').all());
  } finally {
    db.close();
  }
}

export function recordedAnswers(): RecordedAnswer[] {
  return readOr(ANSWERS_FILE, '')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RecordedAnswer);
}

export function generatedPasscodes(): string[] {
  return [...new Set(readOr(PASSCODES_FILE, '').split('\n').filter(Boolean))];
}
