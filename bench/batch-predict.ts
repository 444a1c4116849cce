// Batch prediction (`emerge predict --input plans.csv --ability in-context-learning --format csv`:
// loss, effective size and one ability's probability and status per row) against the same
// computation in pandas and NumPy (bench/batch-predict-pandas.py: read_csv, the vectorised formulas,
// to_csv), on the same 1,000,000 generated rows. Each comparison is measured side by side (runs of
// the two alternate; the figure is the median of the pairwise ratios, wall and CPU):
//
//   1. emerge against pandas, 1M rows, CSV out            (issue 10: at most 0.5×)
//   2. emerge on 2M rows against 1M rows: peak memory     (flat: 2M peak at most 1.2× the 1M peak)
//   3. emerge JSON against emerge CSV, 1M rows            (at most 2×)
//      Both hold the abilities only: JSON results carry the default forecast's eight benchmarks
//      unless --no-forecast (a CSV holds forecasts only with --forecast), so JSON gets --no-forecast.
//
// Output goes to /dev/null (what is timed is the work, not the disk). Needs the build (`npm run
// build`) and Debian's pandas (`apt-get install python3-pandas`; bench/install-peers.sh).
//
//   npx tsx bench/batch-predict.ts [pairs] [rows]
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { comparePair, fmtRatio, fmtRun, machineLine, runOnce } from './measure.js';

const pairs = Number(process.argv[2] ?? 5);
const rows = Number(process.argv[3] ?? 1_000_000);
const out = fileURLToPath(new URL('./out/', import.meta.url));
const bin = fileURLToPath(new URL('../bin/emerge.js', import.meta.url));
const pandasScript = fileURLToPath(new URL('./batch-predict-pandas.py', import.meta.url));
const PYTHON = '/usr/bin/python3';
mkdirSync(out, { recursive: true });

/** A deterministic plan (written once into bench/out): sizes from 1e8 to 1e11 parameters and 1e10 to 1e13 tokens. */
async function writePlans(n: number): Promise<string> {
  const path = `${out}plans-${n}.csv`;
  if (existsSync(path)) return path;
  const file = createWriteStream(`${path}.partial`);
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
  renameSync(`${path}.partial`, path);
  return path;
}

const toNull = (command: string) => () => runOnce('sh', ['-c', `exec ${command} > /dev/null`]);
const emerge = (plans: string, format: string) => toNull(`"${process.execPath}" "${bin}" predict --input "${plans}" --ability in-context-learning --format ${format}${format === 'json' ? ' --no-forecast' : ''}`);
const pandas = (plans: string) => toNull(`${PYTHON} "${pandasScript}" "${plans}"`);

const pandasVersion = spawnSync(PYTHON, ['-c', 'import pandas, numpy; print(f"pandas {pandas.__version__}, NumPy {numpy.__version__}")'], { encoding: 'utf8' });
console.log(machineLine());
console.log(`${pandasVersion.status === 0 ? pandasVersion.stdout.trim() : 'pandas: not installed (apt-get install python3-pandas)'}; ${pairs} pairs each\n`);
const plans = await writePlans(rows);
const rowsText = rows.toLocaleString('en');

if (pandasVersion.status === 0) {
  const pair = comparePair(emerge(plans, 'csv'), pandas(plans), pairs);
  console.log(`1. ${rowsText} rows to CSV, emerge against pandas`);
  console.log(`   emerge ${fmtRun(pair.a)}\n   pandas ${fmtRun(pair.b)}`);
  console.log(`   emerge / pandas: ${fmtRatio(pair)}   (target: at most 0.5×)\n`);
}

const doubled = await writePlans(2 * rows);
const memory = comparePair(emerge(doubled, 'csv'), emerge(plans, 'csv'), pairs);
console.log(`2. emerge on ${(2 * rows).toLocaleString('en')} rows against ${rowsText} rows`);
console.log(`   ${(2 * rows).toLocaleString('en')}: ${fmtRun(memory.a)}\n   ${rowsText}: ${fmtRun(memory.b)}`);
console.log(`   time: ${fmtRatio(memory)}; peak memory ${(memory.a.peakMb! / memory.b.peakMb!).toFixed(2)}× (target: at most 1.2×)\n`);

const json = comparePair(emerge(plans, 'json'), emerge(plans, 'csv'), pairs);
console.log(`3. ${rowsText} rows, emerge JSON (--no-forecast) against emerge CSV: the same content`);
console.log(`   JSON ${fmtRun(json.a)}\n   CSV  ${fmtRun(json.b)}`);
console.log(`   JSON / CSV: ${fmtRatio(json)}   (target: at most 2×)`);
