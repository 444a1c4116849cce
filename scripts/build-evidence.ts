// Computes the evidence of `emerge thresholds --evidence` from the files in data/evidence-sources/
// and writes data/evidence.yaml (run: npm run evidence). The same bytes on every run: every
// bootstrap is seeded and every number rounded to 4 significant digits. test/core/evidence/shipped.test.ts
// recomputes the document and checks that data/evidence.yaml is exactly what this script writes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evidenceYaml } from '../src/io/evidence.js';
import { computeShippedEvidence } from '../src/io/evidence-build.js';
import { dataFile } from '../src/io/data-files.js';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  writeFileSync(dataFile('evidence.yaml'), evidenceYaml(computeShippedEvidence()));
  process.stderr.write(`data/evidence.yaml written in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
