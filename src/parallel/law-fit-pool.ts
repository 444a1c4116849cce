/**
 * The scaling-law fit, its bootstrap and its back-test spread over worker threads.
 *
 * Work is cut into chunks (ranges of grid starts, or of resample indices) handed to whichever worker
 * is free. Every start and every resample is computed independently of the others (each resample
 * has its own seed derived from (seed, index)), and the results are combined by grid or resample
 * index, so the output is bit for bit the same for any number of threads, in-thread included.
 *
 * The worker is the built file `law-fit-worker.js` next to this module's bundle (dist/). When it is
 * absent (running from sources, e.g. under vitest or tsx) or one thread is asked for, the work runs
 * in this thread with the same core functions.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { backtestSplit, heldOutError, type LawBacktest } from '../core/fit/backtest.js';
import {
  bootstrapMethod,
  checkBootstrapOptions,
  DEFAULT_BOOTSTRAP,
  runOneStepResamples,
  runResamples,
  summariseBootstrap,
  type BootstrapOptions,
  type LawBootstrap,
  type ResampleBatch,
} from '../core/fit/bootstrap.js';
import { assembleLawFit, assembleScreenedFit, DEFAULT_LAW_FIT, fittedLaw, MIN_RUNS, polishSettings, screenSettings, screensStarts, validateRuns, type LawFit, type LawFitOptions } from '../core/fit/law-fit.js';
import { standardGrid, type StartGrid } from '../core/fit/law-grid.js';
import { prepareLawData, type LawData, type TrainingRun } from '../core/fit/law-objective.js';
import { screenCandidates } from '../core/fit/law-screen.js';
import { subsampleLawData } from '../core/fit/law-subsample.js';
import { runStarts, type MultiStartSettings, type StartBatch } from '../core/fit/multi-start.js';
import { oneStepPlan } from '../core/fit/one-step-bootstrap.js';
import type { PlainLbfgsOptions, WorkerRequest, WorkerResponse } from './law-fit-protocol.js';

export interface ParallelOptions {
  /** Worker threads: a count, or 'auto' (default) for os.availableParallelism(). 1 runs in this thread. */
  threads: number | 'auto';
  /** The built worker (default: law-fit-worker.js next to this module). */
  workerUrl?: URL;
}

/** The built worker next to this module, or null when there is none (sources, not the bundle). */
export function defaultWorkerUrl(): URL | null {
  const url = new URL('./law-fit-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
}

/** How many threads will actually run: 1 without a worker file. */
export function resolveThreads(options: Partial<ParallelOptions>): { threads: number; workerUrl: URL | null } {
  const workerUrl = options.workerUrl ?? defaultWorkerUrl();
  const requested = options.threads ?? 'auto';
  const threads = requested === 'auto' ? availableParallelism() : Math.max(1, Math.floor(requested));
  return workerUrl && threads > 1 ? { threads, workerUrl } : { threads: 1, workerUrl: null };
}

/**
 * `fitChinchillaLaw` over worker threads: the same LawFit, bit for bit (screened above
 * `screen.above` rows: the screen's starts, then the polished candidates, spread over the workers).
 * `prepared` is prepareLawData(runs) when the caller has made it already (to bootstrap the fit with).
 * @throws FitError as fitChinchillaLaw; Error if a worker dies
 */
export async function fitChinchillaLawParallel(runs: readonly TrainingRun[], options: Partial<LawFitOptions & ParallelOptions> = {}, prepared?: LawData): Promise<LawFit> {
  validateRuns(runs);
  const o: LawFitOptions = { ...DEFAULT_LAW_FIT, grid: options.grid ?? standardGrid(), ...options };
  const data = prepared ?? prepareLawData(runs);
  const { threads, workerUrl } = resolveThreads(options);
  const screened = screensStarts(data.n, o.screen);
  const total = o.grid.size + (screened ? o.screen.candidates : 0);
  const starts = (on: LawData, grid: StartGrid, settings: MultiStartSettings, offset: number): Promise<StartBatch[]> => {
    const plain = { loss: settings.loss, lbfgs: plainLbfgs(settings.lbfgs), prune: settings.prune, newton: settings.newton === true };
    const posted = workerUrl ? sharedLawData(on) : on;
    return runChunks<StartBatch>(workerUrl, threads, chunkRanges(grid.size, threads), (done) => o.onProgress?.(offset + done, total), (from, to, id) => ({
      local: () => runStarts(on, grid, from, to, plain),
      request: { kind: 'starts', id, data: posted, offset: from, points: grid.points.slice(5 * from, 5 * to), ...plain },
    }));
  };
  if (!screened) return assembleLawFit(runs, data, o.loss, await starts(data, o.grid, { loss: o.loss, lbfgs: o.lbfgs, prune: o.prune }, 0));
  const sample = subsampleLawData(data, o.screen.rows);
  const batches = await starts(sample, o.grid, screenSettings(o), 0);
  const candidates = screenCandidates(batches, o.screen.candidates);
  const polish = await starts(data, candidates.grid, polishSettings(o), o.grid.size);
  o.onProgress?.(total, total);
  return assembleScreenedFit(runs, data, o.loss, { rows: sample.n, batches, starts: candidates.starts }, polish);
}

/**
 * `bootstrapChinchillaLaw` over worker threads: the same intervals, bit for bit. A one-step
 * bootstrap makes its plan (the Hessian and the units' steps) here and shares it with the workers.
 * @throws RangeError for bad options (checkBootstrapOptions) or a Hessian that is not positive definite (one-step); Error if a worker dies
 */
export async function bootstrapChinchillaLawParallel(data: LawData, theta: ArrayLike<number>, options: Partial<BootstrapOptions & ParallelOptions> = {}): Promise<LawBootstrap> {
  const o: BootstrapOptions = { ...DEFAULT_BOOTSTRAP, ...options };
  checkBootstrapOptions(o);
  const { threads, workerUrl } = resolveThreads(options);
  const start = Float64Array.from(theta);
  const lbfgs = plainLbfgs(o.lbfgs);
  const progress = (done: number): void => o.onProgress?.(done, o.resamples);
  let batches: ResampleBatch[];
  if (bootstrapMethod(data.n, o) === 'one-step') {
    const plan = oneStepPlan(data, o.loss, start, o.clusters, o.hessian);
    const posted = workerUrl ? { ...plan, directions: shared(plan.directions) } : plan;
    batches = await runChunks<ResampleBatch>(workerUrl, threads, chunkRanges(o.resamples, threads), progress, (from, to, id) => ({
      local: () => runOneStepResamples(plan, from, to, o.seed),
      request: { kind: 'one-step', id, plan: posted, from, to, seed: o.seed },
    }));
  } else {
    const posted = workerUrl ? sharedLawData(data) : data;
    batches = await runChunks<ResampleBatch>(workerUrl, threads, chunkRanges(o.resamples, threads), progress, (from, to, id) => ({
      local: () => runResamples(data, start, from, to, { seed: o.seed, loss: o.loss, lbfgs, clusters: o.clusters }),
      request: { kind: 'resamples', id, data: posted, start, from, to, seed: o.seed, loss: o.loss, lbfgs, clusters: o.clusters },
    }));
  }
  return summariseBootstrap(batches, o, data.n);
}

/**
 * `backtestChinchillaLaw` over worker threads: fit on runs with compute ≤ cutoff, error on the rest.
 * @throws FitError when a side of the split is unusable or the fit fails
 */
export async function backtestChinchillaLawParallel(runs: readonly TrainingRun[], cutoff: number, options: Partial<LawFitOptions & ParallelOptions> = {}): Promise<LawBacktest> {
  const { train, heldOut } = backtestSplit(runs, cutoff, MIN_RUNS);
  const fit = await fitChinchillaLawParallel(train, options);
  return { cutoff, fit, heldOut: heldOutError(fittedLaw(fit), heldOut) };
}

/**
 * A copy of `array` in shared memory. Posting it to a worker passes a reference instead of copying
 * the bytes (structured clone copies an ordinary typed array every time: 6.4 MB of law data per chunk
 * at 200,000 rows, a second of the main thread's time over a fit and its bootstrap). Workers only
 * read it.
 */
function shared(array: Float64Array): Float64Array {
  const copy = new Float64Array(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}

/** The law data in shared memory (see shared). */
function sharedLawData(data: LawData): LawData {
  return { n: data.n, lnN: shared(data.lnN), lnD: shared(data.lnD), lnL: shared(data.lnL), weight: shared(data.weight) };
}

/** L-BFGS options without callbacks (they cannot reach a worker, and the in-thread path must match). */
function plainLbfgs(lbfgs: LawFitOptions['lbfgs']): PlainLbfgsOptions {
  const { onIteration: _ignored, ...plain } = lbfgs;
  return plain;
}

/** [from, to) ranges covering [0, total): about 16 per thread, so a free worker always finds work. */
function chunkRanges(total: number, threads: number): [number, number][] {
  const size = Math.max(1, Math.ceil(total / (threads * 16)));
  const ranges: [number, number][] = [];
  for (let from = 0; from < total; from += size) ranges.push([from, Math.min(total, from + size)]);
  return ranges;
}

interface ChunkJob<T> {
  local: () => T;
  request: WorkerRequest;
}

/**
 * Run chunks in this thread (workerUrl null) or on `threads` workers, reporting progress in units
 * of work done (starts or resamples). Results come back in chunk order whatever finished first.
 */
async function runChunks<T>(
  workerUrl: URL | null,
  threads: number,
  chunks: [number, number][],
  onProgress: (done: number) => void,
  job: (from: number, to: number, id: number) => ChunkJob<T>,
): Promise<T[]> {
  const results: T[] = new Array(chunks.length);
  let done = 0;
  if (!workerUrl) {
    chunks.forEach(([from, to], id) => {
      results[id] = job(from, to, id).local();
      done += to - from;
      onProgress(done);
    });
    return results;
  }
  const workers = Array.from({ length: Math.min(threads, chunks.length) }, () => new Worker(workerUrl, { execArgv: [] }));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const dispatch = (): void => {
              if (next >= chunks.length) return resolve();
              const id = next++;
              const [from, to] = chunks[id]!;
              worker.postMessage(job(from, to, id).request);
            };
            worker.on('message', (response: WorkerResponse) => {
              if (response.kind === 'error') return reject(new Error(`law-fit worker: ${response.message}`));
              results[response.id] = response.batch as T;
              const [from, to] = chunks[response.id]!;
              done += to - from;
              onProgress(done);
              dispatch();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (next < chunks.length || code !== 0) reject(new Error(`law-fit worker exited with code ${code}`));
            });
            dispatch();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
