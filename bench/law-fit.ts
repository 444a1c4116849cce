// Benchmark of the scaling-law fit engine on the 240 Chinchilla runs (fixtures/chinchilla_runs.csv):
// the full 4,500-start fit in one thread and in two worker threads, 1000 bootstraps, a measurement of
// early-abandonment pruning, and the scipy L-BFGS-B reference (bench/law-fit-scipy.py under Debian's
// /usr/bin/python3; `bash bench/install-peers.sh` installs it) measured side by side with the built
// CLI by comparePair: A and B alternate, the median of the pairwise ratios, wall and CPU.
//
//   npm run build && npx tsx bench/law-fit.ts [--pairs 3]   (--no-scipy skips the ~40 s scipy runs)
// Large inputs (10^3–10^6 rows, the screened fit): bench/law-fit-scaling.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { comparePair, fmtRun, runOnce } from './measure.js';
import { fitChinchillaLaw } from '../src/core/fit/law-fit.js';
import { coarseGrid } from '../src/core/fit/law-grid.js';
import { prepareLawData } from '../src/core/fit/law-objective.js';
import { bootstrapChinchillaLawParallel, fitChinchillaLawParallel } from '../src/parallel/law-fit-pool.js';
import { chinchillaRuns } from '../test/helpers/chinchilla-runs.js';
import { buildLawFitWorker } from '../test/helpers/law-fit-worker.js';

const runs = chinchillaRuns();
const workerUrl = await buildLawFitWorker();
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const timed = async <T>(work: () => Promise<T> | T): Promise<[T, number]> => {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
};

// Warm the JIT once with a quick fit so the timings below measure the steady state of a CLI run's work.
fitChinchillaLaw(runs, { grid: coarseGrid() });

const [fit1, ms1] = await timed(() => fitChinchillaLawParallel(runs, { threads: 1, workerUrl }));
const [fit2, ms2] = await timed(() => fitChinchillaLawParallel(runs, { threads: 2, workerUrl }));
const same = JSON.stringify(fit1) === JSON.stringify(fit2);
const { law } = fit2;
console.log(`full fit, 4,500 starts, ${fit2.n} runs: 1 thread ${seconds(ms1)} s, 2 threads ${seconds(ms2)} s (identical results: ${same})`);
console.log(`  objective ${fit2.objective.toPrecision(11)}  A=${law.A.toFixed(4)} B=${law.B.toFixed(4)} E=${law.E.toFixed(6)} alpha=${law.alpha.toFixed(6)} beta=${law.beta.toFixed(6)}`);
console.log(`  converged ${fit2.converged} (${fit2.reason}), converged starts ${fit2.convergedStarts}/${fit2.starts}, ${fit2.evaluations} evaluations, RMSE of L ${fit2.rmse.toFixed(5)}`);

const data = prepareLawData(runs);
const options = { resamples: 1000, atCompute: 1e24 };
const [boot1, bootMs1] = await timed(() => bootstrapChinchillaLawParallel(data, fit2.theta, { ...options, threads: 1, workerUrl }));
const [boot2, bootMs2] = await timed(() => bootstrapChinchillaLawParallel(data, fit2.theta, { ...options, threads: 2, workerUrl }));
console.log(`1000 bootstraps: 1 thread ${seconds(bootMs1)} s, 2 threads ${seconds(bootMs2)} s (identical: ${JSON.stringify(boot1) === JSON.stringify(boot2)}, converged ${boot2.convergedResamples})`);
const i = boot2.intervals;
const show = (name: string, [lo, hi]: [number, number]) => `${name} [${lo.toPrecision(4)}, ${hi.toPrecision(4)}]`;
console.log(`  95%: ${show('E', i.E)} ${show('A', i.A)} ${show('B', i.B)} ${show('alpha', i.alpha)} ${show('beta', i.beta)} ${show('a', i.allocationExponent)} ${show('N_opt(1e24)', i.optimalParams!)}`);
console.log(`fit + 1000 bootstraps, 2 threads: ${seconds(ms2 + bootMs2)} s`);

// Pruning: stop a start still above ratio × (the coarse-grid optimum) after k iterations. Which
// rules keep the winning start, and what do they save? (In one thread; the rule is deterministic.)
const incumbent = fitChinchillaLaw(runs, { grid: coarseGrid() }).objective;
console.log('pruning (k iterations, ratio): pruned starts, evaluations saved, best start and objective unchanged?');
for (const [afterIteration, ratio] of [[20, 100], [40, 20], [40, 10], [20, 20]] as const) {
  const [pruned, ms] = await timed(() => fitChinchillaLawParallel(runs, { threads: 2, workerUrl, prune: { afterIteration, ratio, incumbent } }));
  const saved = 1 - pruned.evaluations / fit2.evaluations;
  const unchanged = pruned.bestStart === fit2.bestStart && pruned.objective === fit2.objective;
  console.log(`  k=${afterIteration} ratio=${ratio}: ${pruned.prunedStarts} pruned, ${(100 * saved).toFixed(1)}% evaluations saved, ${seconds(ms)} s, unchanged ${unchanged} (objective ${pruned.objective.toPrecision(11)})`);
}

if (!process.argv.includes('--no-scipy')) {
  const pairsAt = process.argv.indexOf('--pairs');
  const pairs = pairsAt > 0 ? Number(process.argv[pairsAt + 1]) : 3;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const scratch = mkdtempSync(join(tmpdir(), 'emerge-law-fit-'));
  const lawFile = join(scratch, 'law.yaml');
  const scipyFile = join(scratch, 'scipy.json');
  const python = '/usr/bin/python3';
  if (spawnSync(python, ['-c', 'import scipy'], { encoding: 'utf8' }).status !== 0) {
    console.log('scipy reference not run: /usr/bin/python3 cannot import scipy (bash bench/install-peers.sh)');
  } else {
    // The same work on both sides: 4,500 L-BFGS starts on the 240 runs, no bootstrap, process start
    // and reading the CSV included. emerge uses its two worker threads; SciPy one thread.
    const emerge = () => runOnce(process.execPath, ['bin/emerge.js', 'fit', 'fixtures/chinchilla_runs.csv', '--bootstrap', '0', '--format', 'json', '--output', lawFile], { cwd: root });
    const scipy = () => runOnce(python, ['bench/law-fit-scipy.py', 'fixtures/chinchilla_runs.csv', '--json', scipyFile], { cwd: root });
    const pair = comparePair(emerge, scipy, pairs);
    const emergeObjective = (parse(readFileSync(lawFile, 'utf8')) as { fit: { objective: number } }).fit.objective;
    const scipyObjective = (JSON.parse(readFileSync(scipyFile, 'utf8')) as { objective: number }).objective;
    console.log(`side by side (${pairs} pairs, alternating; whole processes): emerge fit (built CLI, 2 threads) ${fmtRun(pair.a)}; scipy L-BFGS-B ${fmtRun(pair.b)}`);
    console.log(`  emerge / scipy, median of pairwise ratios: wall ${pair.ratio.toFixed(3)} (${(1 / pair.ratio).toFixed(1)}x faster), CPU ${pair.cpuRatio.toFixed(3)} (${(1 / pair.cpuRatio).toFixed(1)}x less)`);
    console.log(`  objective ${emergeObjective.toPrecision(17)} vs scipy's ${scipyObjective.toPrecision(17)}: ${emergeObjective <= scipyObjective * (1 + 1e-9) ? 'same (to 1e-9 relative) or lower' : 'HIGHER'}`);
  }
}
