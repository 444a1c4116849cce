/**
 * Case bootstrap for the scaling-law fit (Efron & Tibshirani 1993, "An Introduction to the Bootstrap",
 * ch. 6 and 13; as Besiroglu et al. 2024 use it for their standard errors): draw n runs with
 * replacement, refit, repeat; percentile intervals of each quantity over the refits.
 *
 * Each resample is refitted from the best fit θ̂ (a warm start: one L-BFGS run, not the whole grid,
 * with tolerances scaled to the objective: refitTolerances),
 * and draws its runs from its own generator seeded by (seed, resample index), so any partition of the
 * resamples across threads gives the same numbers, bit for bit.
 *
 * Units: by default each row is a unit. Rows that are checkpoints of one training run are not
 * independent (they share the run's seed, data order and schedule), and resampling them one by one
 * treats every checkpoint as new information: the intervals come out too narrow. Given `clusters`
 * (a run per row), a resample draws whole runs with replacement, all their checkpoints together (the
 * cluster bootstrap: Davison & Hinkley 1997, "Bootstrap Methods and their Application", §3.8; Field &
 * Welsh 2007, JRSS B 69(3)), which keeps any dependence within a run.
 *
 * Above `oneStepAbove` rows (LARGE_FIT_ROWS) each resample is refitted by one Newton step instead of
 * an L-BFGS run (one-step-bootstrap.ts).
 */
import { computeOptimal } from '../allocation.js';
import { createRng, DEFAULT_SEED, randomInt } from '../random.js';
import { DEFAULT_LBFGS, minimizeLbfgs, type LbfgsOptions } from './lbfgs.js';
import { lawObjective, PUBLISHED_LOSS, thetaToConstants, weightedLawData, type LawData, type ResidualLoss } from './law-objective.js';
import { REASONS } from './multi-start.js';
import { LARGE_FIT_ROWS } from './large-fit.js';
import { oneStepPlan, oneStepResample, type Clusters, type OneStepPlan } from './one-step-bootstrap.js';

export interface BootstrapOptions {
  /** Number of resamples (default 1000). */
  resamples: number;
  seed: number;
  /** Central coverage of the intervals (default 0.95: the 2.5th and 97.5th percentiles). */
  level: number;
  /** Compute budget C in FLOPs at which to report the compute-optimal N; omitted when undefined. */
  atCompute?: number;
  /** The fit's residual loss (use the same as the fit). */
  loss: ResidualLoss;
  /** Overrides of the refit tolerances (default: refitTolerances of the objective at the best fit). */
  lbfgs: Partial<LbfgsOptions>;
  /** Units resampled together (a run id per row), or null to resample rows (default). */
  clusters: Clusters | null;
  /** Refit by one Newton step instead of L-BFGS when there are more rows than this (default LARGE_FIT_ROWS). */
  oneStepAbove: number;
  /**
   * The objective's Hessian at the best fit (row-major 5×5), when the caller has it already (a LawFit's
   * diagnostics.hessian, of the same data and loss), for the one-step plan; null to compute it (default).
   */
  hessian: ArrayLike<number> | null;
  /** Called as resamples finish: (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_BOOTSTRAP: BootstrapOptions = { resamples: 1000, seed: DEFAULT_SEED, level: 0.95, loss: PUBLISHED_LOSS, lbfgs: {}, clusters: null, oneStepAbove: LARGE_FIT_ROWS, hessian: null };

/** How the resamples were refitted: L-BFGS from the best fit, or one Newton step from it. */
export type BootstrapMethod = 'refit' | 'one-step';

/** The method for data of n rows under these options. */
export function bootstrapMethod(n: number, o: Pick<BootstrapOptions, 'oneStepAbove'>): BootstrapMethod {
  return n > o.oneStepAbove ? 'one-step' : 'refit';
}

/**
 * L-BFGS tolerances for the refits: scipy's defaults (gtol 1e-5, ftol 2.22e-9) applied to the
 * objective divided by its value at the best fit, `scale`. scipy's tests are absolute for an objective
 * below 1, and the Huber objective is about 1e-3 (n·δ·|r|), so unscaled they stop a warm start after
 * a step or two and the intervals come out far too narrow: on the Chinchilla runs α's interval is
 * [0.3464, 0.3486] instead of [0.314, 0.374] (Besiroglu et al. 2024 report SE(α) = 0.0154).
 * @example refitTolerances(0.0010182740) // { gtol: 1.018e-8, ftol: 2.261e-12 }
 */
export function refitTolerances(scale: number): Partial<LbfgsOptions> {
  const s = Math.min(1, Math.max(Math.abs(scale), 1e-300));
  return { gtol: DEFAULT_LBFGS.gtol * s, ftol: DEFAULT_LBFGS.ftol * s };
}

/** Refits of resamples [from, to), packed: θ (5 per resample) and the L-BFGS reason (index into REASONS). */
export interface ResampleBatch {
  from: number;
  to: number;
  thetas: Float64Array;
  reasons: Uint8Array;
}

export type Interval = [low: number, high: number];

export interface LawIntervals {
  E: Interval;
  A: Interval;
  B: Interval;
  alpha: Interval;
  beta: Interval;
  /** a = β/(α+β): N_opt ∝ C^a (Hoffmann et al. 2022 eq. 4). */
  allocationExponent: Interval;
  /** N_opt at `atCompute` FLOPs (computeOptimal), when a budget was given. */
  optimalParams?: Interval;
}

export interface LawBootstrap {
  method: BootstrapMethod;
  /** Whether whole runs (clusters) were resampled, and how many units (rows or runs) each resample draws. */
  clustered: boolean;
  units: number;
  resamples: number;
  seed: number;
  level: number;
  atCompute?: number;
  /** Resamples whose refit met a convergence test (all, for one Newton step). */
  convergedResamples: number;
  /** Resamples left out of the intervals because an estimate was not finite. */
  excludedResamples: number;
  intervals: LawIntervals;
}

/**
 * The generator seed of resample `index` under `seed`: two rounds of the murmur3 finaliser over the
 * pair, so neighbouring indices and seeds give unrelated streams.
 * @example deriveSeed(20220615, 0) // 45038443
 */
export function deriveSeed(seed: number, index: number): number {
  let h = (seed >>> 0) ^ Math.imul(index + 1, 0x9e3779b1);
  for (let round = 0; round < 2; round++) {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/**
 * How many times each of n runs is drawn in resample `index`: n draws with replacement.
 * @example resampleCounts(5, 1, 1) // Float64Array [0, 3, 1, 0, 1]
 */
export function resampleCounts(n: number, seed: number, index: number): Float64Array {
  const rng = createRng(deriveSeed(seed, index));
  const counts = new Float64Array(n);
  for (let i = 0; i < n; i++) counts[randomInt(rng, n)]!++;
  return counts;
}

/** How many times each row is drawn in resample k: its own count, or its run's when clustered. */
function unitCounts(n: number, clusters: Clusters | null, seed: number, k: number): Float64Array {
  if (!clusters) return resampleCounts(n, seed, k);
  const runs = resampleCounts(clusters.count, seed, k);
  return Float64Array.from(clusters.index, (run) => runs[run]!);
}

/**
 * One-step refits of resamples [from, to) (one-step-bootstrap.ts: Poisson(1) counts from the
 * resample's own generator). A Newton step has no convergence test to fail: every resample is counted
 * as converged.
 */
export function runOneStepResamples(plan: OneStepPlan, from: number, to: number, seed: number, onResample?: (done: number) => void): ResampleBatch {
  const batch: ResampleBatch = { from, to, thetas: new Float64Array(5 * (to - from)), reasons: new Uint8Array(to - from) };
  for (let k = from; k < to; k++) {
    batch.thetas.set(oneStepResample(plan, createRng(deriveSeed(seed, k))), 5 * (k - from));
    onResample?.(k - from + 1);
  }
  return batch;
}

/**
 * Refit resamples [from, to), each from `start` (the best fit's θ).
 * `onResample` is called after each with the number finished so far.
 */
export function runResamples(
  data: LawData,
  start: Float64Array,
  from: number,
  to: number,
  settings: Pick<BootstrapOptions, 'seed' | 'loss' | 'lbfgs' | 'clusters'>,
  onResample?: (done: number) => void,
): ResampleBatch {
  const batch: ResampleBatch = { from, to, thetas: new Float64Array(5 * (to - from)), reasons: new Uint8Array(to - from) };
  const scale = lawObjective(data, settings.loss)(start, new Float64Array(5));
  const lbfgs = { ...DEFAULT_LBFGS, ...refitTolerances(scale), ...settings.lbfgs };
  for (let k = from; k < to; k++) {
    const resample = weightedLawData(data, unitCounts(data.n, settings.clusters, settings.seed, k));
    const result = minimizeLbfgs(lawObjective(resample, settings.loss), start, lbfgs);
    batch.thetas.set(result.x, 5 * (k - from));
    batch.reasons[k - from] = REASONS.indexOf(result.reason);
    onResample?.(k - from + 1);
  }
  return batch;
}

/**
 * Case-bootstrap the fit in this thread: `resamples` refits warm-started from `theta` (one Newton
 * step each above `oneStepAbove` rows).
 * @throws RangeError when resamples < 2, level ∉ (0, 1) or atCompute is not finite and > 0, or when a
 *   one-step bootstrap meets a Hessian that is not positive definite
 * @example
 * bootstrapChinchillaLaw(prepareLawData(runs240), fit.theta, { resamples: 1000, atCompute: 1e24 }).intervals.alpha
 * // [0.3155, 0.3740] (default seed 20220615; fit = fitChinchillaLaw(runs240))
 */
export function bootstrapChinchillaLaw(data: LawData, theta: ArrayLike<number>, options: Partial<BootstrapOptions> = {}): LawBootstrap {
  const o: BootstrapOptions = { ...DEFAULT_BOOTSTRAP, ...options };
  checkBootstrapOptions(o);
  const total = o.resamples;
  const progress = o.onProgress;
  const report = progress && ((done: number) => progress(done, total));
  const batch =
    bootstrapMethod(data.n, o) === 'one-step'
      ? runOneStepResamples(oneStepPlan(data, o.loss, theta, o.clusters, o.hessian), 0, total, o.seed, report)
      : runResamples(data, Float64Array.from(theta), 0, total, o, report);
  return summariseBootstrap([batch], o, data.n);
}

/** @throws RangeError for unusable bootstrap options */
export function checkBootstrapOptions(o: BootstrapOptions): void {
  if (!(Number.isInteger(o.resamples) && o.resamples >= 2)) throw new RangeError(`bootstrap resamples must be an integer ≥ 2, got ${o.resamples}`);
  if (!(o.level > 0 && o.level < 1)) throw new RangeError(`bootstrap level must be in (0, 1), got ${o.level}`);
  if (o.atCompute !== undefined && !(Number.isFinite(o.atCompute) && o.atCompute > 0)) throw new RangeError(`compute budget must be finite and > 0, got ${o.atCompute}`);
}

/** Percentile intervals from resample batches covering [0, resamples) in any partition, for data of n rows. */
export function summariseBootstrap(batches: readonly ResampleBatch[], o: BootstrapOptions, n: number): LawBootstrap {
  const ordered = [...batches].sort((x, y) => x.from - y.from);
  const columns: Record<keyof LawIntervals, number[]> = { E: [], A: [], B: [], alpha: [], beta: [], allocationExponent: [], optimalParams: [] };
  let converged = 0;
  let excluded = 0;
  for (const batch of ordered) {
    for (let j = 0; j < batch.to - batch.from; j++) {
      if (batch.reasons[j]! <= 1) converged++;
      const law = thetaToConstants(batch.thetas.subarray(5 * j, 5 * j + 5));
      const exponent = law.beta / (law.alpha + law.beta);
      const optimal = o.atCompute === undefined ? 0 : computeOptimal({ form: 'chinchilla', id: 'bootstrap', source: 'bootstrap', ...law }, o.atCompute).params;
      const values = [law.E, law.A, law.B, law.alpha, law.beta, exponent, optimal];
      if (!values.every(Number.isFinite)) {
        excluded++;
        continue;
      }
      columns.E.push(law.E);
      columns.A.push(law.A);
      columns.B.push(law.B);
      columns.alpha.push(law.alpha);
      columns.beta.push(law.beta);
      columns.allocationExponent.push(exponent);
      columns.optimalParams.push(optimal);
    }
  }
  const included = columns.E.length;
  if (included < 2) throw new RangeError(`only ${included} of ${o.resamples} bootstrap refits gave finite estimates`);
  const tail = (1 - o.level) / 2;
  const interval = (values: number[]): Interval => {
    const sorted = Float64Array.from(values).sort();
    return [percentile(sorted, tail), percentile(sorted, 1 - tail)];
  };
  const intervals: LawIntervals = {
    E: interval(columns.E),
    A: interval(columns.A),
    B: interval(columns.B),
    alpha: interval(columns.alpha),
    beta: interval(columns.beta),
    allocationExponent: interval(columns.allocationExponent),
  };
  if (o.atCompute !== undefined) intervals.optimalParams = interval(columns.optimalParams);
  const units = o.clusters ? o.clusters.count : n;
  const result: LawBootstrap = { method: bootstrapMethod(n, o), clustered: o.clusters !== null, units, resamples: o.resamples, seed: o.seed, level: o.level, convergedResamples: converged, excludedResamples: excluded, intervals };
  if (o.atCompute !== undefined) result.atCompute = o.atCompute;
  return result;
}

/**
 * The q-quantile of sorted values by linear interpolation between order statistics (Hyndman & Fan
 * 1996 type 7, numpy's default): position h = (n − 1)·q.
 * @example percentile(Float64Array.of(1, 2, 3, 4), 0.25) // 1.75
 */
export function percentile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
