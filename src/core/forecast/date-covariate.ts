/**
 * Release date as a covariate of the one-step forecast, back-tested before it is used (it is not:
 * README, "The default forecast"). Algorithmic and data progress make a newer model score like an
 * older one trained on more compute; Ho et al. 2024 ("Algorithmic progress in language models")
 * estimate that the compute reaching a given loss halves about every 8 months. As a covariate:
 *
 *   score = floor + (ceiling − floor)·σ(k·(x − x0)),   x = log10 C + γ·(t − 2023),
 *
 * t the release date in years, γ in decades of compute per year (Ho et al.: log10 2 / (8/12) =
 * 0.45). A model without a date cannot be placed, so the covariate fits the dated models only. The
 * back-test holds out a set of dated models and compares, per task, the one-step curve (score-curves.ts)
 * fitted on every model kept, without dates, with the curve fitted on the dated models kept, at γ = 0,
 * at Ho et al.'s γ, at one γ fitted to all tasks and at a γ fitted per task (least squares over
 * γ ∈ {0, 0.05, …, 1.5}).
 */
import { forecastErrors, type ForecastErrors } from './metrics.js';
import type { LadderPoint, LadderTask } from './ladder.js';
import { fitScoreOnCompute, scoreAtCompute, type ScoreOnCompute } from './score-curves.js';

/** Ho et al. 2024's halving time of 8 months as decades of compute per year: log10(2)/(8/12). */
export const HO_GAMMA = Math.log10(2) / (8 / 12);

/** The reference year of x: dates shift compute relative to a model released at the start of 2023. */
const REFERENCE_YEAR = 2023;

/** The grid of γ searched, decades per year. */
export const GAMMA_GRID: readonly number[] = Array.from({ length: 31 }, (_, i) => i * 0.05);

/**
 * A date YYYY-MM-DD in years: the year plus the fraction of it elapsed.
 * @throws RangeError for another format
 * @example yearsOf('2024-07-02') // 2024.5 (183 of 366 days elapsed)
 */
export function yearsOf(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`a release date is YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const year = Number(match[1]);
  const start = Date.UTC(year, 0, 1);
  return year + (Date.UTC(year, Number(match[2]) - 1, Number(match[3])) - start) / (Date.UTC(year + 1, 0, 1) - start);
}

export type CovariateVariant = 'all models, no date' | 'dated models, no date' | 'dated models, γ of Ho et al.' | 'dated models, one γ fitted' | 'dated models, γ fitted per task';

export const COVARIATE_VARIANTS: readonly CovariateVariant[] = ['all models, no date', 'dated models, no date', 'dated models, γ of Ho et al.', 'dated models, one γ fitted', 'dated models, γ fitted per task'];

export interface CovariateBacktest {
  /** The shared γ fitted, and each task's own. */
  sharedGamma: number;
  taskGammas: Map<string, number>;
  /** Dated models kept (the covariate's training set), held out, and all models kept. */
  datedTrainRuns: number;
  testRuns: number;
  trainRuns: number;
  tasks: { id: string; figures: Record<CovariateVariant, ForecastErrors> }[];
  pooled: Record<CovariateVariant, ForecastErrors>;
}

/**
 * The back-test of the module comment: fit on the models not in `heldOut`, forecast those in it
 * (each must have a release date). Point forecasts only: MAE and bias per task and pooled.
 * @throws RangeError when a held-out model has no date, or too few dated models are kept to fit a curve
 */
export function dateCovariateBacktest(tasks: readonly LadderTask[], releasedOf: (run: string) => number | undefined, heldOut: ReadonlySet<string>): CovariateBacktest {
  const dated = (p: LadderPoint): boolean => releasedOf(p.run) !== undefined;
  const kept = tasks.map((t) => ({ task: t, all: t.points.filter((p) => !heldOut.has(p.run)), dated: t.points.filter((p) => !heldOut.has(p.run) && dated(p)), test: t.points.filter((p) => heldOut.has(p.run)) }));
  for (const { test } of kept) for (const p of test) if (!dated(p)) throw new RangeError(`held-out model ${p.run} has no release date`);
  const shifted = (p: LadderPoint, gamma: number): number => p.compute * 10 ** (gamma * (releasedOf(p.run)! - REFERENCE_YEAR));
  const fitAt = (points: readonly LadderPoint[], baseline: number | undefined, gamma: number) => fitScoreOnCompute(points.map((p) => shifted(p, gamma)), points.map((p) => p.score), baseline);
  const rss = (fit: { rmse: number }, n: number): number => fit.rmse * fit.rmse * n;
  // Each task's curve on its dated models at every γ of the grid, fitted once: both γ searches and the variants read them.
  const gridFits = kept.map((k) => GAMMA_GRID.map((gamma) => fitAt(k.dated, k.task.baseline, gamma)));
  const curveAt = (i: number, gamma: number): ScoreOnCompute => {
    const j = GAMMA_GRID.indexOf(gamma);
    return (j >= 0 ? gridFits[i]![j]! : fitAt(kept[i]!.dated, kept[i]!.task.baseline, gamma)).curve;
  };
  const bestGamma = (rssAt: (j: number) => number): number => {
    let gamma = 0;
    let best = Infinity;
    for (const [j, g] of GAMMA_GRID.entries()) {
      const value = rssAt(j);
      if (value < best) [best, gamma] = [value, g];
    }
    return gamma;
  };

  const sharedGamma = bestGamma((j) => kept.reduce((sum, k, i) => sum + rss(gridFits[i]![j]!, k.dated.length), 0));
  const taskGammas = new Map<string, number>();
  const perTask: CovariateBacktest['tasks'] = [];
  const pooled = new Map<CovariateVariant, { observed: number; forecast: number }[]>(COVARIATE_VARIANTS.map((v) => [v, []]));
  for (const [i, k] of kept.entries()) {
    if (k.test.length === 0) continue;
    const taskGamma = bestGamma((j) => rss(gridFits[i]![j]!, k.dated.length));
    taskGammas.set(k.task.id, taskGamma);
    const all = fitScoreOnCompute(k.all.map((p) => p.compute), k.all.map((p) => p.score), k.task.baseline).curve;
    const at = (gamma: number) => {
      const curve = curveAt(i, gamma);
      return k.test.map((p) => ({ observed: p.score, forecast: scoreAtCompute(curve, shifted(p, gamma)) }));
    };
    const variants: Record<CovariateVariant, { observed: number; forecast: number }[]> = {
      'all models, no date': k.test.map((p) => ({ observed: p.score, forecast: scoreAtCompute(all, p.compute) })),
      'dated models, no date': at(0),
      'dated models, γ of Ho et al.': at(HO_GAMMA),
      'dated models, one γ fitted': at(sharedGamma),
      'dated models, γ fitted per task': at(taskGamma),
    };
    for (const v of COVARIATE_VARIANTS) pooled.get(v)!.push(...variants[v]);
    perTask.push({ id: k.task.id, figures: Object.fromEntries(COVARIATE_VARIANTS.map((v) => [v, forecastErrors(variants[v], 0.8)])) as Record<CovariateVariant, ForecastErrors> });
  }
  const runs = (select: (k: (typeof kept)[number]) => LadderPoint[]) => new Set(kept.flatMap((k) => select(k).map((p) => p.run))).size;
  return {
    sharedGamma,
    taskGammas,
    datedTrainRuns: runs((k) => k.dated),
    testRuns: runs((k) => k.test),
    trainRuns: runs((k) => k.all),
    tasks: perTask,
    pooled: Object.fromEntries(COVARIATE_VARIANTS.map((v) => [v, forecastErrors(pooled.get(v)!, 0.8)])) as Record<CovariateVariant, ForecastErrors>,
  };
}
