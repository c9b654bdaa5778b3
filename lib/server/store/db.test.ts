// The database's own words reach the log and /api/health when it fails, but never its connection string.
import { describe, expect, it } from 'vitest';
import { AuditDbError, databaseErrorText } from './db';

const URL_WITH_PASSWORD = 'postgres://passcode_desk:s3cr%40t-pw@db.internal:5432/passcode_desk';

describe('databaseErrorText', () => {
  it("keeps the database's message", () => {
    expect(
      databaseErrorText(new Error('permission denied for schema public'), URL_WITH_PASSWORD),
    ).toBe('permission denied for schema public');
  });

  it('removes the connection string, its password (as written and decoded) and any other postgres:// URL', () => {
    const text = databaseErrorText(
      new Error(
        `cannot use ${URL_WITH_PASSWORD}; password s3cr@t-pw or s3cr%40t-pw; also postgresql://u:p@h/d failed`,
      ),
      URL_WITH_PASSWORD,
    );
    expect(text).not.toContain('s3cr');
    expect(text).not.toMatch(/postgres(ql)?:\/\//);
    expect(text).toContain('<DATABASE_URL>');
  });

  it('says which stage failed, with the reason', () => {
    const e = new AuditDbError('migrate', 'permission denied for schema public');
    expect(e.message).toBe(
      'The audit database could not be prepared (migrations failed): permission denied for schema public',
    );
    expect(e.reason).toBe('permission denied for schema public');
  });
});
