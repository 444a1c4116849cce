import { beforeAll, describe, expect, it } from 'vitest';
import { bootstrapChinchillaLaw } from '../../src/core/fit/bootstrap.js';
import { backtestChinchillaLaw } from '../../src/core/fit/backtest.js';
import { fitChinchillaLaw } from '../../src/core/fit/law-fit.js';
import { coarseGrid } from '../../src/core/fit/law-grid.js';
import { prepareLawData } from '../../src/core/fit/law-objective.js';
import { backtestChinchillaLawParallel, bootstrapChinchillaLawParallel, defaultWorkerUrl, fitChinchillaLawParallel, resolveThreads } from '../../src/parallel/law-fit-pool.js';
import { checkpointRuns } from '../helpers/checkpoint-runs.js';
import { chinchillaRuns } from '../helpers/chinchilla-runs.js';
import { buildLawFitWorker } from '../helpers/law-fit-worker.js';

const runs = chinchillaRuns();
const data = prepareLawData(runs);
let workerUrl: URL;

beforeAll(async () => {
  workerUrl = await buildLawFitWorker();
});

describe('law-fit pool', () => {
  it('computes in this thread when no built worker sits next to the sources', () => {
    expect(defaultWorkerUrl()).toBeNull();
    expect(resolveThreads({ threads: 2 })).toEqual({ threads: 1, workerUrl: null });
    expect(resolveThreads({ threads: 2, workerUrl })).toEqual({ threads: 2, workerUrl });
  });

  // Every start and resample is computed independently and combined by index, so one thread, two
  // threads and the plain core function must agree exactly, not approximately.
  it('fits identically in one thread, in two worker threads and in the core function', async () => {
    const core = fitChinchillaLaw(runs, { grid: coarseGrid() });
    const one = await fitChinchillaLawParallel(runs, { grid: coarseGrid(), threads: 1, workerUrl });
    const two = await fitChinchillaLawParallel(runs, { grid: coarseGrid(), threads: 2, workerUrl });
    expect(one).toEqual(core);
    expect(two).toEqual(core);
  });

  it('bootstraps identically in one and two threads', async () => {
    const theta = fitChinchillaLaw(runs, { grid: coarseGrid() }).theta;
    const options = { resamples: 100, seed: 5, atCompute: 1e23 };
    const core = bootstrapChinchillaLaw(data, theta, options);
    let progress = 0;
    const two = await bootstrapChinchillaLawParallel(data, theta, { ...options, threads: 2, workerUrl, onProgress: (done) => (progress = done) });
    const one = await bootstrapChinchillaLawParallel(data, theta, { ...options, threads: 1, workerUrl });
    expect(two).toEqual(core);
    expect(one).toEqual(core);
    expect(progress).toBe(100);
  });

  it('back-tests identically in two threads', async () => {
    const core = backtestChinchillaLaw(runs, 1e21, { grid: coarseGrid() });
    expect(await backtestChinchillaLawParallel(runs, 1e21, { grid: coarseGrid(), threads: 2, workerUrl })).toEqual(core);
  });

  // Above 2,000 rows: the screen's starts and the polished candidates are spread over the workers,
  // and the one-step bootstrap's plan is made here and its resamples drawn there.
  it('screens, polishes and one-step bootstraps a large input identically in one and two threads', async () => {
    const large = checkpointRuns(3000);
    const core = fitChinchillaLaw(large, { grid: coarseGrid() });
    expect(core.screen).not.toBeNull();
    expect(await fitChinchillaLawParallel(large, { grid: coarseGrid(), threads: 2, workerUrl })).toEqual(core);
    const clusters = { index: Uint32Array.from(large, (r) => r.run), count: large.at(-1)!.run + 1 };
    const options = { resamples: 50, atCompute: 1e23, clusters };
    const one = bootstrapChinchillaLaw(prepareLawData(large), core.theta, options);
    expect(one.method).toBe('one-step');
    expect(await bootstrapChinchillaLawParallel(prepareLawData(large), core.theta, { ...options, threads: 2, workerUrl })).toEqual(one);
  });

  it('fails, not hangs, when no refit gives finite estimates', async () => {
    await expect(bootstrapChinchillaLawParallel(data, [Number.NaN, 0, 0, 0, 0], { resamples: 10, threads: 2, workerUrl })).rejects.toThrow();
  });
});
