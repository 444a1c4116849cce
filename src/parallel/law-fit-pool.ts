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
import { checkBootstrapOptions, DEFAULT_BOOTSTRAP, runResamples, summariseBootstrap, type BootstrapOptions, type LawBootstrap, type ResampleBatch } from '../core/fit/bootstrap.js';
import { assembleLawFit, DEFAULT_LAW_FIT, fittedLaw, MIN_RUNS, validateRuns, type LawFit, type LawFitOptions } from '../core/fit/law-fit.js';
import { standardGrid } from '../core/fit/law-grid.js';
import { prepareLawData, type LawData, type TrainingRun } from '../core/fit/law-objective.js';
import { runStarts, type StartBatch } from '../core/fit/multi-start.js';
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
 * `fitChinchillaLaw` over worker threads: the same LawFit, bit for bit.
 * @throws FitError as fitChinchillaLaw; Error if a worker dies
 */
export async function fitChinchillaLawParallel(runs: readonly TrainingRun[], options: Partial<LawFitOptions & ParallelOptions> = {}): Promise<LawFit> {
  validateRuns(runs);
  const o: LawFitOptions = { ...DEFAULT_LAW_FIT, grid: options.grid ?? standardGrid(), ...options };
  const data = prepareLawData(runs);
  const { threads, workerUrl } = resolveThreads(options);
  const lbfgs = plainLbfgs(o.lbfgs);
  const chunks = chunkRanges(o.grid.size, threads);
  const batches = await runChunks<StartBatch>(workerUrl, threads, chunks, o.grid.size, o.onProgress, (from, to, id) => ({
    local: () => runStarts(data, o.grid, from, to, { loss: o.loss, lbfgs, prune: o.prune }),
    request: { kind: 'starts', id, data, offset: from, points: o.grid.points.slice(5 * from, 5 * to), loss: o.loss, lbfgs, prune: o.prune },
  }));
  return assembleLawFit(runs, data, o.loss, batches);
}

/**
 * `bootstrapChinchillaLaw` over worker threads: the same intervals, bit for bit.
 * @throws RangeError for bad options (checkBootstrapOptions); Error if a worker dies
 */
export async function bootstrapChinchillaLawParallel(data: LawData, theta: ArrayLike<number>, options: Partial<BootstrapOptions & ParallelOptions> = {}): Promise<LawBootstrap> {
  const o: BootstrapOptions = { ...DEFAULT_BOOTSTRAP, ...options };
  checkBootstrapOptions(o);
  const { threads, workerUrl } = resolveThreads(options);
  const start = Float64Array.from(theta);
  const lbfgs = plainLbfgs(o.lbfgs);
  const chunks = chunkRanges(o.resamples, threads);
  const batches = await runChunks<ResampleBatch>(workerUrl, threads, chunks, o.resamples, o.onProgress, (from, to, id) => ({
    local: () => runResamples(data, start, from, to, { seed: o.seed, loss: o.loss, lbfgs }),
    request: { kind: 'resamples', id, data, start, from, to, seed: o.seed, loss: o.loss, lbfgs },
  }));
  return summariseBootstrap(batches, o);
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
 * of work (starts or resamples). Results come back in chunk order whatever finished first.
 */
async function runChunks<T>(
  workerUrl: URL | null,
  threads: number,
  chunks: [number, number][],
  total: number,
  onProgress: ((done: number, total: number) => void) | undefined,
  job: (from: number, to: number, id: number) => ChunkJob<T>,
): Promise<T[]> {
  const results: T[] = new Array(chunks.length);
  let done = 0;
  if (!workerUrl) {
    chunks.forEach(([from, to], id) => {
      results[id] = job(from, to, id).local();
      done += to - from;
      onProgress?.(done, total);
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
              onProgress?.(done, total);
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
