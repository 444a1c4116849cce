// Batch prediction of 1,000,000 planned models (`emerge predict --input plans.csv --ability
// in-context-learning --format csv`: loss and one ability's probability per row) against the same
// computation in Python with pandas and numpy (bench/batch-predict-pandas.py: read_csv, vectorised
// formula, to_csv). Also 100,000 rows, to show that memory does not grow with the number of rows.
// Needs the build (`npm run build`); installs Debian's python3-pandas with apt-get when missing.
//
//   npx tsx bench/batch-predict.ts [rows]
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { fmt, measure } from './measure.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const out = fileURLToPath(new URL('./out/', import.meta.url));
const bin = fileURLToPath(new URL('../bin/emerge.js', import.meta.url));
const pandasScript = fileURLToPath(new URL('./batch-predict-pandas.py', import.meta.url));
mkdirSync(out, { recursive: true });

/** A deterministic plan: sizes from 1e8 to 1e11 parameters and 1e10 to 1e13 tokens. */
async function writePlans(path: string, n: number): Promise<void> {
  const file = createWriteStream(path);
  file.write('name,params,tokens\n');
  let chunk = '';
  for (let i = 0; i < n; i++) {
    chunk += `model-${i},${(1e8 * 1000 ** ((i % 997) / 997)).toPrecision(6)},${(1e10 * 1000 ** ((i % 991) / 991)).toPrecision(6)}\n`;
    if (chunk.length > 1 << 20) {
      if (!file.write(chunk)) await once(file, 'drain');
      chunk = '';
    }
  }
  file.end(chunk);
  await once(file, 'finish');
}

function python(): string | undefined {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    if (spawnSync(candidate, ['-c', 'import pandas, numpy'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  console.log('installing python3-pandas and python3-numpy with apt-get ...');
  spawnSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq python3-pandas python3-numpy'], { stdio: 'ignore' });
  return spawnSync('/usr/bin/python3', ['-c', 'import pandas, numpy'], { stdio: 'ignore' }).status === 0 ? '/usr/bin/python3' : undefined;
}

const sh = (command: string): string[] => ['-c', command];
for (const n of [rows / 10, rows]) {
  const plans = `${out}plans-${n}.csv`;
  await writePlans(plans, n);
  const emerge = measure('sh', sh(`"${process.execPath}" "${bin}" predict --input "${plans}" --ability in-context-learning --format csv > "${out}emerge-${n}.csv"`), 3);
  console.log(`${n.toLocaleString('en')} rows  emerge: ${fmt(emerge)}`);
  const py = python();
  if (!py) {
    console.log('  pandas: not available (apt-get install python3-pandas python3-numpy)');
    continue;
  }
  const pandas = measure('sh', sh(`"${py}" "${pandasScript}" "${plans}" > "${out}pandas-${n}.csv"`), 3);
  console.log(`${n.toLocaleString('en')} rows  pandas: ${fmt(pandas)}   emerge is ${(pandas.ms / emerge.ms).toFixed(1)}× faster`);
}
