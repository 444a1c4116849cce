/**
 * The inverse question of a forecast: the smallest training compute at which a task's forecast
 * reaches a target score.
 *
 * - two-step: the target loss L* = L0 − logit(f)/k (score-curves.ts lossForScore), then the smallest
 *   C whose model reaches L*: compute-optimal under the law (allocation.ts computeForLoss), or, at R
 *   tokens per parameter, the N with L(N, R·N) = L* (bisection in ln N; L falls as N grows) and
 *   C = 6·R·N²;
 * - one-step: log10 C* = log10 C0 + logit(f)/k (computeForScore); the split of C* into N and D
 *   follows the shared law's compute-optimal allocation when there is one, or N = √(C/(6R)) at R
 *   tokens per parameter.
 */
import { computeForLoss, computeOptimal } from '../allocation.js';
import { loss, type ChinchillaLaw } from '../scaling-law.js';
import { bisect } from '../solve.js';
import { taskLaw, type ForecastSpec, type TaskSpec } from './forecast.js';
import { computeForScore, lossForScore } from './score-curves.js';

export type TargetCompute =
  | { reached: 'at'; compute: number; params?: number; tokens?: number }
  /** The target is at or below the floor (chance): any model reaches it. */
  | { reached: 'always' }
  /** At or above the ceiling, or beyond the law's irreducible loss: no model reaches it. */
  | { reached: 'never'; why: string };

/** Largest model the search considers (the io layer's limit for a parameter count). */
const MAX_PARAMS = 1e16;

/**
 * The smallest compute at which `task`'s forecast reaches `target` (see the module comment), for
 * compute-optimal models or, with `tokensPerParam`, for models trained on that many tokens per
 * parameter.
 * @example minComputeForTarget(spec, mmlu, 0.55) // { reached: 'at', compute: 2.1e24, params: …, tokens: … }
 */
export function minComputeForTarget(spec: ForecastSpec, task: TaskSpec, target: number, tokensPerParam?: number): TargetCompute {
  const law = taskLaw(spec, task);
  if (task.method === 'two-step' && task.twoStep && law) {
    const c = task.twoStep;
    if (target <= c.floor) return { reached: 'always' };
    const goal = lossForScore(c, target);
    if (goal === undefined) return { reached: 'never', why: `the curve tops out at ${c.ceiling.toFixed(3)}` };
    if (goal <= law.E) return { reached: 'never', why: `it needs a loss of ${goal.toFixed(3)}, at or below the law's irreducible ${law.E.toFixed(3)}` };
    return tokensPerParam === undefined ? atComputeOptimal(law, goal) : atRatio(law, goal, tokensPerParam);
  }
  const c = task.oneStep;
  if (!c) return { reached: 'never', why: 'the task has no curve' };
  if (target <= c.floor) return { reached: 'always' };
  const compute = computeForScore(c, target);
  if (compute === undefined) return { reached: 'never', why: `the curve tops out at ${c.ceiling.toFixed(3)}` };
  if (tokensPerParam !== undefined) {
    const params = Math.sqrt(compute / (6 * tokensPerParam));
    return { reached: 'at', compute, params, tokens: tokensPerParam * params };
  }
  return law ? { reached: 'at', compute, ...computeOptimal(law, compute) } : { reached: 'at', compute };
}

function atComputeOptimal(law: ChinchillaLaw, goal: number): TargetCompute {
  const compute = computeForLoss(law, goal);
  if (!Number.isFinite(compute)) return { reached: 'never', why: 'no compute-optimal model reaches its loss' };
  const { params, tokens } = computeOptimal(law, compute);
  return { reached: 'at', compute, params, tokens };
}

function atRatio(law: ChinchillaLaw, goal: number, ratio: number): TargetCompute {
  const at = (lnN: number): number => loss(law, Math.exp(lnN), ratio * Math.exp(lnN)) - goal;
  if (at(Math.log(MAX_PARAMS)) > 0) return { reached: 'never', why: `no model up to 1e16 parameters at ${ratio} tokens per parameter reaches its loss` };
  if (at(0) <= 0) return { reached: 'always' };
  const params = Math.exp(bisect(at, 0, Math.log(MAX_PARAMS), 1e-12));
  return { reached: 'at', compute: 6 * ratio * params * params, params, tokens: ratio * params };
}
