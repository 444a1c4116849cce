// Fits the default forecast of `emerge predict` and writes data/forecast-default.yaml (run:
// npm run default-forecast). It writes the long-format input from the corrected base-model file
// (src/io/base-models.ts) into a scratch directory and runs the built `emerge fit` on it there, so
// the file records the input by its name alone; the same input and flags give the same bytes.
// test/e2e/default-forecast.test.ts fits again and checks that the shipped file is exactly this.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ForecastFitOptions } from '../src/core/forecast/index.js';
import { baseModelLongCsv, readBaseModels } from '../src/io/base-models.js';
import { dataFile } from '../src/io/data-files.js';

/** The input's name in the scratch directory, as the forecast file records it. */
export const INPUT_NAME = 'obsscaling_base_models.long.csv';
export const OUTPUT = 'data/forecast-default.yaml';

/**
 * The shipped method, chosen by the back-test (scripts/backtest-default.ts; README, "The default
 * forecast"): one step in log10 compute, intervals of width √(2 + max(d, 0)).
 */
export const SHIPPED: Partial<ForecastFitOptions> = { via: 'compute', intervalOffset: 2, intervals: 'scaled' };
export const FIT_ARGS = ['--kind', 'forecast', '--via', SHIPPED.via!, '--interval-offset', String(SHIPPED.intervalOffset), '--intervals', SHIPPED.intervals!];

/** The text of the default forecast as `emerge fit` writes it (needs the built CLI: npm run build). */
export function fitDefaultForecast(): string {
  const bin = fileURLToPath(new URL('../bin/emerge.js', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'emerge-default-forecast-'));
  try {
    writeFileSync(join(dir, INPUT_NAME), baseModelLongCsv(readBaseModels().models));
    mkdirSync(join(dir, 'data'));
    const result = spawnSync(process.execPath, [bin, 'fit', INPUT_NAME, ...FIT_ARGS, '--output', OUTPUT], { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`emerge fit failed (exit ${result.status}): ${result.stderr}`);
    return readFileSync(join(dir, OUTPUT), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(dataFile('forecast-default.yaml'), fitDefaultForecast());
  process.stderr.write(`${OUTPUT} written\n`);
}
