// How the law fit scales with the number of rows: synthetic checkpoint-level data (every checkpoint of
// every run; test/helpers/checkpoint-runs.ts: runs of Besiroglu et al.'s constants, 50 checkpoints
// each, 1% log-normal noise), 10^3 to 10^6 rows. For each size: the fit with the standard 4,500-start
// grid and the default bootstrap (1000 resamples, rows as units, as the CLI does without a run
// column), in two worker threads, wall and CPU; the growth exponent (log-log slope of time against
// rows); then `emerge fit big.csv` with every default on 200,000 rows, as a user runs it (the built
// binary: npm run build first), without and with a run column. Asserts nothing.
//
//   npm run build && npx tsx bench/law-fit-scaling.ts [--rows 1e3,1e4,1e5,1e6] [--cli-runs 3] [--verify]
//
// --verify also fits the 200,000 rows without screening from the 108-start coarse grid (every start
// on every row: about a minute) and compares it with the screened fit from the same grid.
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_BOOTSTRAP } from '../src/core/fit/bootstrap.js';
import { fitChinchillaLaw } from '../src/core/fit/law-fit.js';
import { coarseGrid } from '../src/core/fit/law-grid.js';
import { prepareLawData } from '../src/core/fit/law-objective.js';
import { DEFAULT_SCREEN } from '../src/core/fit/law-screen.js';
import { bootstrapChinchillaLawParallel, fitChinchillaLawParallel } from '../src/parallel/law-fit-pool.js';
import { checkpointRuns, CHINCHILLA, runsCsv } from '../test/helpers/checkpoint-runs.js';
import { chinchillaRuns } from '../test/helpers/chinchilla-runs.js';
import { buildLawFitWorker } from '../test/helpers/law-fit-worker.js';
import { fmtRun, runOnce, type RunTiming } from './measure.js';

const flag = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const sizes = (flag('--rows') ?? '1e3,1e4,1e5,1e6').split(',').map(Number);
const cliRuns = Number(flag('--cli-runs') ?? 3);
const workerUrl = await buildLawFitWorker();
const seconds = (ms: number): string => (ms / 1000).toFixed(2);
const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const [start, cpu] = [performance.now(), cpuNow()];
  const value = await work();
  return { value, ms: performance.now() - start, cpuMs: cpuNow() - cpu };
}

console.log(`law fit scaling: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log(`screen above ${DEFAULT_SCREEN.above} rows on ${DEFAULT_SCREEN.rows} rows, ${DEFAULT_SCREEN.candidates} candidates polished; one-step bootstrap above ${DEFAULT_BOOTSTRAP.oneStepAbove} rows`);
fitChinchillaLaw(chinchillaRuns(), { grid: coarseGrid() }); // warm the JIT

const rows: { n: number; fitMs: number; totalMs: number }[] = [];
console.log('rows       path      fit (wall / CPU)     bootstrap (wall / CPU)   total    objective        agree  max |error| of the constants');
for (const n of sizes) {
  const runs = checkpointRuns(n);
  // As fitLawRuns does: the law data prepared once, the fit's Hessian handed to the bootstrap.
  const data = prepareLawData(runs);
  const fit = await timed(() => fitChinchillaLawParallel(runs, { threads: 2, workerUrl }, data));
  const boot = await timed(() => bootstrapChinchillaLawParallel(data, fit.value.theta, { threads: 2, workerUrl, hessian: fit.value.diagnostics.hessian }));
  const f = fit.value;
  const error = Math.max(...(['A', 'B', 'E', 'alpha', 'beta'] as const).map((k) => Math.abs(f.law[k] / CHINCHILLA[k] - 1)));
  const path = f.screen ? 'screened' : 'exact';
  const agree = f.screen ? `${f.screen.agreeing}/${f.screen.candidates}` : '-';
  console.log(
    `${String(n).padEnd(10)} ${path.padEnd(9)} ${`${seconds(fit.ms)} / ${seconds(fit.cpuMs)} s`.padEnd(20)} ${`${seconds(boot.ms)} / ${seconds(boot.cpuMs)} s (${boot.value.method})`.padEnd(24)} ${`${seconds(fit.ms + boot.ms)} s`.padEnd(8)} ${f.objective.toPrecision(12).padEnd(16)} ${agree.padEnd(6)} ${(100 * error).toFixed(3)}%`,
  );
  rows.push({ n, fitMs: fit.ms, totalMs: fit.ms + boot.ms });
}

/** Least-squares slope of log(time) on log(rows). */
function slope(points: { n: number; ms: number }[]): number {
  const xs = points.map((p) => Math.log(p.n));
  const ys = points.map((p) => Math.log(p.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  return xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
}
const screened = rows.filter((r) => r.n > DEFAULT_SCREEN.above);
if (screened.length >= 2) {
  const range = `${screened[0]!.n}–${screened.at(-1)!.n} rows`;
  console.log(`growth exponent (log-log slope, ${range}): fit ${slope(screened.map((r) => ({ n: r.n, ms: r.fitMs }))).toFixed(2)}, fit + bootstrap ${slope(screened.map((r) => ({ n: r.n, ms: r.totalMs }))).toFixed(2)} (1 would be linear in rows)`);
}

// The whole command as a user runs it, every default: 4,500 starts, 1000 bootstrap resamples.
const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'emerge-law-scaling-'));
const big = checkpointRuns(200_000);
for (const [name, withRun] of [['big.csv', false], ['big-with-run.csv', true]] as const) {
  const file = join(scratch, name);
  writeFileSync(file, runsCsv(big, withRun));
  const timings: RunTiming[] = [];
  for (let i = 0; i < cliRuns; i++) timings.push(runOnce(process.execPath, ['bin/emerge.js', 'fit', file], { cwd: root }));
  timings.sort((x, y) => x.ms - y.ms);
  const median = timings[timings.length >> 1]!;
  console.log(`emerge fit ${name} (200,000 rows${withRun ? ', run column: 4000 runs resampled' : ''}, defaults), median of ${cliRuns}: ${fmtRun(median)} (fastest ${seconds(timings[0]!.ms)} s, slowest ${seconds(timings.at(-1)!.ms)} s)`);
}

if (process.argv.includes('--verify')) {
  const grid = coarseGrid();
  const withScreen = await timed(() => fitChinchillaLawParallel(big, { grid, threads: 2, workerUrl }));
  const without = await timed(() => fitChinchillaLawParallel(big, { grid, threads: 2, workerUrl, screen: { ...DEFAULT_SCREEN, above: Infinity } }));
  const relative = (withScreen.value.objective - without.value.objective) / without.value.objective;
  console.log(`verify, 200,000 rows, coarse grid: screened ${seconds(withScreen.ms)} s, objective ${withScreen.value.objective.toPrecision(15)}; every start on every row ${seconds(without.ms)} s, objective ${without.value.objective.toPrecision(15)}; screened − unscreened = ${relative.toExponential(2)} relative`);
}
