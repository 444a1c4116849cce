// Benchmark of the scaling-law fit engine on the 240 Chinchilla runs (fixtures/chinchilla_runs.csv):
// the full 4,500-start fit in one thread and in two worker threads, 1000 bootstraps, a measurement of
// early-abandonment pruning, and, when python3 with scipy is present, the scipy L-BFGS-B reference
// (bench/law-fit-scipy.py) and the speed ratio.
//
//   npx tsx bench/law-fit.ts            (add --no-scipy to skip the ~45 s scipy run)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
  const script = fileURLToPath(new URL('./law-fit-scipy.py', import.meta.url));
  const scipy = spawnSync('python3', [script], { encoding: 'utf8' });
  const match = /SCIPY_SECONDS=([\d.]+) SCIPY_OBJECTIVE=([\d.e-]+)/.exec(scipy.stdout ?? '');
  if (!match) {
    console.log(`scipy reference not run: ${(scipy.stderr || scipy.error?.message || 'no output').trim().split('\n').at(-1)}`);
  } else {
    const scipySeconds = Number(match[1]);
    const scipyObjective = Number(match[2]);
    console.log(`scipy L-BFGS-B (analytic gradient), same grid: ${scipySeconds.toFixed(2)} s, objective ${scipyObjective.toPrecision(11)}`);
    console.log(`speed-up over scipy: ${(scipySeconds / (ms1 / 1000)).toFixed(1)}x in 1 thread, ${(scipySeconds / (ms2 / 1000)).toFixed(1)}x in 2 threads; objective ${fit2.objective.toPrecision(17)} vs scipy's ${scipyObjective.toPrecision(17)}: ${fit2.objective <= scipyObjective * (1 + 1e-9) ? 'same (to 1e-9 relative) or lower' : 'HIGHER'}`);
  }
}
