// What `npm audit --omit=dev --json` said, as a verdict for `npm test`: passed only on an answer that counts no high or
// critical vulnerability, failed on one that counts any. An audit that did not run (the registry or a mirror refused
// the request, no network, output that is not an audit report) is its own verdict, never "passed": audit-deps.ts
// fails on it where AUDIT_REQUIRED=1 and otherwise says loudly that nothing was checked.
import { z } from 'zod';

const Counts = z.object({
  info: z.number(),
  low: z.number(),
  moderate: z.number(),
  high: z.number(),
  critical: z.number(),
});
const Report = z.object({
  metadata: z.object({ vulnerabilities: Counts }),
  vulnerabilities: z
    .record(z.string(), z.object({ name: z.string(), severity: z.string() }))
    .default({}),
});
const Failure = z.object({
  message: z.string().optional(),
  statusCode: z.number().optional(),
  error: z.unknown().optional(),
});

export interface Verdict {
  status: 'passed' | 'failed' | 'notRun';
  message: string;
}

export function auditVerdict(stdout: string): Verdict {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    return notRun('npm audit printed no JSON report');
  }
  const report = Report.safeParse(json);
  if (!report.success) {
    const failure = Failure.safeParse(json);
    return notRun(
      failure.success && failure.data.message
        ? failure.data.message
        : 'npm audit answered without a report',
    );
  }
  const { high, critical, moderate, low } = report.data.metadata.vulnerabilities;
  const serious = Object.values(report.data.vulnerabilities).filter(
    (v) => v.severity === 'high' || v.severity === 'critical',
  );
  if (high + critical > 0) {
    return {
      status: 'failed',
      message:
        `npm audit --omit=dev: ${critical} critical and ${high} high vulnerabilities in production dependencies: ` +
        `${serious.map((v) => `${v.name} (${v.severity})`).join(', ')}. Update them (npm audit fix, or pin a fixed version), then run npm test again.`,
    };
  }
  return {
    status: 'passed',
    message: `npm audit --omit=dev: no high or critical vulnerability (${moderate} moderate, ${low} low).`,
  };
}

function notRun(reason: string): Verdict {
  return {
    status: 'notRun',
    message:
      `The dependency audit did not run: ${reason}. Nothing was checked. ` +
      'Run `npm run audit:deps` where the npm registry answers audit requests (POST /-/npm/v1/security/advisories/bulk); ' +
      'a registry mirror that does not serve them (405 Method Not Allowed) cannot be used for it.',
  };
}
