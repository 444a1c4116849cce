/**
 * Sweeps: the family of models a simulation visits, one per grid point, and the effective size of
 * each in the catalog's reference regime (DESIGN.md: `L(N_eff, D_ref) = L(N, q·D)`).
 *
 * - over `params`: N on the grid, every model trained on `tokens` tokens (default: the reference
 *   regime D_ref, so that N_eff = N exactly and thresholds sit at the catalog's N_c);
 * - over `compute`: C on the grid, N and D compute-optimal for C under the law (`computeOptimal`);
 * - over `tokens`: D on the grid at a fixed model size `params`.
 *
 * In every case the data-quality factor q multiplies the training tokens (seed §6.3).
 */
import { computeOptimal } from '../allocation.js';
import { effectiveParams } from '../assess.js';
import { loss, paramsForLoss, type ScalingLaw } from '../scaling-law.js';
import { bisect } from '../solve.js';
import { gridProblems, logGrid } from './grid.js';
import { checkNumber, prefixProblems, QUALITY_FACTOR, SCALE, throwIfProblems, type ConfigProblem } from './problems.js';
import type { SweepOver } from './series.js';

export interface SweepConfig {
  over: SweepOver;
  /** First and last scale of the grid, in the units of `over` (parameters, FLOPs or tokens). */
  from: number;
  to: number;
  /** Number of grid points (log-spaced), from 2 to 1e7. */
  steps: number;
  /** over `tokens`: the fixed model size N (required there, not allowed elsewhere). */
  params?: number;
  /** over `params`: training tokens of every model; default the reference regime D_ref (not allowed elsewhere). */
  tokens?: number;
  /** Data-quality factor q on effective training tokens (seed §6.3): 0.5 low, 1 standard, 2 high. */
  quality: number;
}

export const SWEEP_AXES: readonly SweepOver[] = ['params', 'compute', 'tokens'];

/**
 * Default grid bounds of each axis, used when `over` is chosen without `from` and `to`:
 * parameters 1e8–1e13 (the seed's thresholds run from ~1B to ~100B, §2), compute 1e18–1e27 FLOPs
 * (compute-optimal models from ~1e7 to ~1e13 parameters under besiroglu2024), tokens 1e9–1e14.
 */
export const DEFAULT_AXIS_RANGES: Readonly<Record<SweepOver, { from: number; to: number }>> = {
  params: { from: 1e8, to: 1e13 },
  compute: { from: 1e18, to: 1e27 },
  tokens: { from: 1e9, to: 1e14 },
};

/** The models of a sweep, one per grid point. */
export interface SweepPoints {
  over: SweepOver;
  /** The swept scale. */
  x: Float64Array;
  /** N of each model. */
  params: Float64Array;
  /** D of each model (training tokens, before the quality factor). */
  tokens: Float64Array;
  /** The quality factor q the losses below were computed with. */
  quality: number;
  /** L(N, q·D), nats per token. */
  loss: Float64Array;
  /** N_eff in the reference regime; Infinity where L is below the reference floor. */
  effectiveParams: Float64Array;
}

/** Problems with a sweep configuration (paths relative to the sweep). */
export function sweepProblems(sweep: SweepConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (!SWEEP_AXES.includes(sweep.over)) {
    problems.push({ path: ['over'], message: `must be one of ${SWEEP_AXES.join(', ')}, got ${JSON.stringify(sweep.over)}` });
  }
  problems.push(...gridProblems(sweep.from, sweep.to, sweep.steps));
  checkNumber(problems, ['quality'], sweep.quality, QUALITY_FACTOR);
  if (sweep.over === 'tokens') {
    if (sweep.params === undefined) problems.push({ path: ['params'], message: 'a sweep over tokens needs the fixed model size (params)' });
    else checkNumber(problems, ['params'], sweep.params, SCALE);
  } else if (sweep.params !== undefined) {
    problems.push({ path: ['params'], message: `applies only to a sweep over tokens (this one is over ${sweep.over})` });
  }
  if (sweep.tokens !== undefined) {
    if (sweep.over !== 'params') problems.push({ path: ['tokens'], message: `applies only to a sweep over params (this one is over ${sweep.over})` });
    else checkNumber(problems, ['tokens'], sweep.tokens, SCALE);
  }
  return problems;
}

/** Throws a UsageError naming `sweep.<field>` when the sweep is invalid. */
export function assertSweep(sweep: SweepConfig): void {
  throwIfProblems(prefixProblems(['sweep'], sweepProblems(sweep)));
}

/**
 * The model (N, D) at scale x of a sweep: (x, D) over params, compute-optimal (N, D) for C = x over
 * compute, (N, x) over tokens.
 * @example modelAt({over: 'compute', from: 1e18, to: 1e27, steps: 10, quality: 1}, hoffmann2022, 3e11, 1e24).params // 4.13e10 (41.3B)
 */
export function modelAt(sweep: SweepConfig, law: ScalingLaw, referenceTokens: number, x: number): { params: number; tokens: number } {
  if (sweep.over === 'compute') return computeOptimal(law, x);
  if (sweep.over === 'tokens') return { params: sweep.params!, tokens: x };
  return { params: x, tokens: sweep.tokens ?? referenceTokens };
}

/**
 * Runs a sweep: the grid, each model's (N, D), its loss `L(N, q·D)` and its effective size
 * `N_eff` (see `effectiveParams` in assess.ts), with q = `quality` (default: the sweep's).
 * @throws UsageError when the sweep is invalid (see `sweepProblems`)
 * @example runSweep({over: 'params', from: 1e9, to: 1e11, steps: 3, quality: 1}, besiroglu2024, 3e11).effectiveParams // [1e9, 1e10, 1e11]: N_eff = N in the reference regime
 */
export function runSweep(sweep: SweepConfig, law: ScalingLaw, referenceTokens: number, quality = sweep.quality): SweepPoints {
  assertSweep(sweep);
  const x = logGrid(sweep.from, sweep.to, sweep.steps);
  const n = x.length;
  const params = new Float64Array(n);
  const tokens = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const model = modelAt(sweep, law, referenceTokens, x[i]!);
    params[i] = model.params;
    tokens[i] = model.tokens;
  }
  const { loss: losses, effectiveParams: sizes } = effectiveSizes(law, params, tokens, quality, referenceTokens);
  return { over: sweep.over, x, params, tokens, quality, loss: losses, effectiveParams: sizes };
}

/**
 * Loss `L(N_i, q·D_i)` and effective size of each model (N_i, D_i) with quality factor q.
 * @example effectiveSizes(besiroglu2024, [7e9], [1e12], 2, 3e11).effectiveParams[0] // 2.569e10, the same as 7e9 params on 2e12 tokens
 */
export function effectiveSizes(
  law: ScalingLaw,
  params: ArrayLike<number>,
  tokens: ArrayLike<number>,
  quality: number,
  referenceTokens: number,
): { loss: Float64Array; effectiveParams: Float64Array } {
  const n = params.length;
  const losses = new Float64Array(n);
  const sizes = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const effectiveTokens = quality * tokens[i]!;
    losses[i] = loss(law, params[i]!, effectiveTokens);
    sizes[i] = effectiveParams(law, params[i]!, effectiveTokens, referenceTokens);
  }
  return { loss: losses, effectiveParams: sizes };
}

/** Domain searched for the scale at which a target effective size is reached. */
const SEARCH = { lo: Math.log(1), hi: Math.log(1e35) };

/**
 * The scale x of the sweep at which the model's effective size reaches `target` (an ability's N_c):
 * the inverse of x ↦ N_eff(x), which increases with x on every axis (more parameters, compute or
 * data lowers the loss). Over params in closed form, `N = paramsForLoss(L(N_c, D_ref), q·D)` (N_c
 * itself when q·D = D_ref); over compute and tokens by bisection on ln x in [1, 1e35] to 1e-13.
 * @returns the scale, or undefined when no x in [1, 1e35] reaches the target (a data-limited sweep)
 * @example scaleForEffectiveParams({over: 'params', from: 1e8, to: 1e13, steps: 61, quality: 2}, besiroglu2024, 3e11, 1e11) // 3.719e10: high-quality data reaches chain-of-thought's N_c with fewer parameters
 */
export function scaleForEffectiveParams(sweep: SweepConfig, law: ScalingLaw, referenceTokens: number, target: number, quality = sweep.quality): number | undefined {
  if (sweep.over === 'params') {
    const effectiveTokens = quality * (sweep.tokens ?? referenceTokens);
    const size = effectiveTokens === referenceTokens ? target : paramsForLoss(law, loss(law, target, referenceTokens), effectiveTokens);
    return Number.isFinite(size) && size >= 1 && size <= 1e35 ? size : undefined;
  }
  const excess = (lnX: number): number => {
    const model = modelAt(sweep, law, referenceTokens, Math.exp(lnX));
    return Math.log(effectiveParams(law, model.params, quality * model.tokens, referenceTokens)) - Math.log(target);
  };
  if (excess(SEARCH.hi) < 0 || excess(SEARCH.lo) > 0) return undefined;
  return Math.exp(bisect(excess, SEARCH.lo, SEARCH.hi, 1e-13));
}
