// The dependency audit as `npm test` judges it: passes on a clean report, fails on a high or critical finding, and
// never passes, saying why, when the audit could not run at all.
import { describe, expect, it } from 'vitest';
import { auditVerdict } from './audit-verdict';

const report = (
  counts: Partial<Record<'info' | 'low' | 'moderate' | 'high' | 'critical', number>>,
  vulnerabilities = {},
) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: {
      vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts },
      dependencies: { prod: 30 },
    },
  });

describe('the dependency audit verdict', () => {
  it('passes a report without high or critical findings', () => {
    expect(auditVerdict(report({ moderate: 2, low: 1 }))).toEqual({
      status: 'passed',
      message: 'npm audit --omit=dev: no high or critical vulnerability (2 moderate, 1 low).',
    });
  });

  it('fails on a high or critical finding and names the packages', () => {
    const v = auditVerdict(
      report(
        { high: 1, critical: 1 },
        {
          next: { name: 'next', severity: 'critical' },
          pg: { name: 'pg', severity: 'high' },
          zod: { name: 'zod', severity: 'low' },
        },
      ),
    );
    expect(v.status).toBe('failed');
    expect(v.message).toContain('1 critical and 1 high');
    expect(v.message).toContain('next (critical), pg (high)');
    expect(v.message).not.toContain('zod');
  });

  it('says it did not run when the registry refuses the audit request', () => {
    const v = auditVerdict(
      JSON.stringify({
        message:
          '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
        statusCode: 405,
        error: { summary: '', detail: '' },
      }),
    );
    expect(v.status).toBe('notRun');
    expect(v.message).toMatch(/^The dependency audit did not run: 405 Method Not Allowed/);
  });

  it('says it did not run when npm printed no report at all', () => {
    expect(auditVerdict('').status).toBe('notRun');
    expect(auditVerdict('npm error network').message).toContain('did not run');
  });
});
