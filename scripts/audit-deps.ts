// `npm run audit:deps`, the last step of `npm test`: the production dependencies must have no high or critical
// vulnerability, and an audit that could not run fails loudly (see audit-verdict.ts).
import { spawnSync } from 'node:child_process';
import { auditVerdict } from './audit-verdict';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
const verdict = run.error ? { ok: false, message: `The dependency audit did not run: ${run.error.message}.` } : auditVerdict(run.stdout);
if (verdict.ok) {
  console.log(verdict.message);
} else {
  console.error(`\n✗ ${verdict.message}\n`);
  process.exitCode = 1;
}
