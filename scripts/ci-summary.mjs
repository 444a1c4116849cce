// Prints "N passed, M failed" from vitest's JSON report. When the report is missing (the build or
// the type check failed before vitest ran), that failure counts as one failed check.
import { readFileSync } from 'node:fs';

const [reportPath, exitStatus] = process.argv.slice(2);
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrors ?? 0);
  // A suite that fails to load has no tests but still fails the run.
  failed += (report.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length;
} catch {
  failed = 1;
}
if (failed === 0 && exitStatus && exitStatus !== '0') failed = 1;
console.log(`${passed} passed, ${failed} failed`);
