/**
 * Scenario `finite-eval` (seed §5.2, statistical features of emergent tasks: non-linear growth,
 * high variance, task dependence): what a benchmark of n items shows of an ability whose true
 * probability at each scale is P(N_eff).
 *
 * Each evaluation of the model at a scale scores `X/n` with `X ~ Binomial(n, P)` (items answered
 * independently); `trials` evaluations are drawn at every scale from one seeded Rng, trial by trial
 * (trial t walks the whole sweep, like one evaluation campaign of the model family; adding trials
 * does not change the earlier ones). Per scale: mean, standard deviation, and a percentile band.
 *
 * The spread of one evaluation is `sqrt(P(1 − P)/n)`: largest where P is near the middle of its
 * range, i.e. around the threshold; relative to the mean (`sqrt((1 − P)/(n·P))`) it is largest for
 * small models, which is the seed's "small models vary more" on a score that starts near zero.
 *
 * Threshold placement: each trial's threshold is where its scores first cross 50% of the ability's
 * range (interpolated in log10 scale, as for the true curve); it is a decade or more early or late
 * when it lies 1 decade or more from the true curve's crossing. A trial that crosses before the
 * sweep starts, or never, counts as early or late only when that is certain from the sweep's ends.
 */
import { createRng } from '../random.js';
import { abilityRefProblems, probabilities, type AbilityRef } from './ability-spec.js';
import { BinomialSampler, MAX_BINOMIAL_N } from './binomial.js';
import { formatDecadeCount, formatScale, markerIfInside, resolveAbilities, thresholdScale, type BaseScenarioConfig, type SimulationContext } from './context.js';
import { checkNumber, formatNumber, prefixProblems, throwIfProblems, type ConfigProblem, type NumberRule } from './problems.js';
import type { Series, Simulation } from './series.js';
import { crossingAt, summarizeSeries, valueAt } from './summary.js';
import { runSweep, sweepProblems } from './sweep.js';
import { UsageError } from '../../errors.js';

export interface FiniteEvalConfig extends BaseScenarioConfig {
  scenario: 'finite-eval';
  ability: AbilityRef;
  /** n, the number of benchmark items. */
  items: number;
  /** Evaluations drawn at every scale. */
  trials: number;
  /** Seed of the Rng (createRng); the same seed gives the same series. */
  seed: number;
  /** Percentiles of the band, e.g. [5, 95] (series `p5` and `p95`). */
  band: [number, number];
  /** How many single trials to show as series `trial-1`, `trial-2`, ... */
  sampleTrials: number;
}

export interface FiniteEvalReport {
  items: number;
  trials: number;
  /** Binomial draws made: steps × trials. */
  draws: number;
  seed: number;
  /** The score at 50% of the ability's range, the level whose first crossing is the threshold. */
  level: number;
  /** The true curve's crossing of `level`, in sweep units. */
  trueThreshold?: number;
  /** Fractions of trials placing the threshold ≥ 1 decade early, ≥ 1 decade late, within a decade, or undetermined. */
  placement?: { early: number; late: number; within: number; undetermined: number };
  /** Percentiles of the trials' threshold offsets log10(trial / true), over trials crossing inside the sweep. */
  offsetDecades?: { p5: number; median: number; p95: number; count: number };
  /** Standard deviation of a score across trials: largest value and its scale, and at the first and last scale. */
  sd: { max: number; atScale: number; start: number; end: number };
  /** Width of the percentile band (high − low): largest value and its scale, and at the true threshold. */
  band: { max: number; atScale: number; atThreshold?: number };
}

/** At most this many binomial draws (steps × trials) in one simulation. */
export const MAX_DRAWS = 2e7;
export const MAX_SAMPLE_TRIALS = 20;
const ITEMS: NumberRule = { min: 1, max: MAX_BINOMIAL_N, integer: true, what: 'the number of benchmark items' };
const TRIALS: NumberRule = { min: 1, max: 1e6, integer: true, what: 'evaluations per scale' };
const SEED: NumberRule = { min: 0, max: 4294967295, integer: true, what: 'a 32-bit seed' };
const PERCENT: NumberRule = { min: 0, max: 100, what: 'a percentile' };

export function percentileName(percent: number): string {
  return `p${formatNumber(percent)}`;
}

export function finiteEvalProblems(config: FiniteEvalConfig): ConfigProblem[] {
  const problems = prefixProblems(['sweep'], sweepProblems(config.sweep));
  problems.push(...prefixProblems(['ability'], abilityRefProblems(config.ability)));
  checkNumber(problems, ['items'], config.items, ITEMS);
  checkNumber(problems, ['trials'], config.trials, TRIALS);
  checkNumber(problems, ['seed'], config.seed, SEED);
  if (!Array.isArray(config.band) || config.band.length !== 2) {
    problems.push({ path: ['band'], message: 'must be two percentiles, low and high, e.g. [5, 95]' });
  } else {
    checkNumber(problems, ['band', 0], config.band[0], PERCENT);
    checkNumber(problems, ['band', 1], config.band[1], PERCENT);
    if (config.band[0] >= config.band[1]) problems.push({ path: ['band', 1], message: `must be above the low percentile (${config.band[0]}), got ${config.band[1]}` });
  }
  checkNumber(problems, ['sampleTrials'], config.sampleTrials, { min: 0, max: MAX_SAMPLE_TRIALS, integer: true, what: 'single trials shown' });
  if (problems.length === 0 && config.sampleTrials > config.trials) {
    problems.push({ path: ['sampleTrials'], message: `must be at most trials (${config.trials}), got ${config.sampleTrials}` });
  }
  return problems;
}

/**
 * Percentile of sorted values by linear interpolation between order statistics (Hyndman & Fan 1996
 * type 7, the default of R and NumPy): position `(m − 1)·q/100`.
 * @example percentileOfSorted([1, 2, 3, 4], 50) // 2.5
 */
export function percentileOfSorted(sorted: ArrayLike<number>, percent: number): number {
  const position = ((sorted.length - 1) * percent) / 100;
  const lo = Math.floor(position);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (position - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Runs the finite-eval scenario. Series: `true` (P at each scale), `mean`, `p<low>` and `p<high>`
 * (the band), `sd` (standard deviation across trials) and `trial-1` ... `trial-<sampleTrials>`;
 * all scores are fractions of the n items.
 * @throws UsageError when the config is invalid, names an unknown catalog id, or asks for more than MAX_DRAWS draws
 * @example simulateFiniteEval(BUILTIN_SCENARIOS['finite-eval'], context).report.sd.max // 0.03936 at 4.64e10 params (sqrt(0.25/164) = 0.03904)
 */
export function simulateFiniteEval(config: FiniteEvalConfig, context: SimulationContext): Simulation<FiniteEvalReport> {
  throwIfProblems(finiteEvalProblems(config));
  const [spec] = resolveAbilities([config.ability], context.catalog, () => ['ability']);
  const { items, trials } = config;
  const steps = config.sweep.steps;
  if (steps * trials > MAX_DRAWS) {
    throw new UsageError(`${formatNumber(steps)} steps × ${formatNumber(trials)} trials = ${formatNumber(steps * trials)} binomial draws, more than the limit of ${formatNumber(MAX_DRAWS)}; use fewer steps or trials`);
  }
  const sweep = runSweep(config.sweep, context.law, context.referenceTokens);
  const x = sweep.x;
  const truth = probabilities(spec!, sweep.effectiveParams);
  const range: [number, number] = [spec!.curve.floor, spec!.curve.ceiling];
  const level = range[0] + 0.5 * (range[1] - range[0]);

  // Draws, trial by trial; scores[k·T + t] = X/n of trial t at scale k.
  const samplers = Array.from(truth, (p) => new BinomialSampler(items, p));
  const counts = new Int32Array(steps * trials);
  const sampled = Array.from({ length: config.sampleTrials }, () => new Float64Array(steps));
  const trialPath = new Float64Array(steps);
  const rng = createRng(config.seed);
  const trialCrossings: (number | 'before' | 'after')[] = [];
  for (let t = 0; t < trials; t++) {
    for (let k = 0; k < steps; k++) {
      const c = samplers[k]!.draw(rng);
      counts[k * trials + t] = c;
      trialPath[k] = c / items;
    }
    if (t < config.sampleTrials) sampled[t]!.set(trialPath);
    const crossing = crossingAt(x, trialPath, range, 0.5);
    trialCrossings.push(crossing.scale ?? (crossing.position as 'before' | 'after'));
  }

  // Per-scale statistics.
  const mean = new Float64Array(steps);
  const sd = new Float64Array(steps);
  const low = new Float64Array(steps);
  const high = new Float64Array(steps);
  const scratch = new Int32Array(trials);
  for (let k = 0; k < steps; k++) {
    const row = counts.subarray(k * trials, (k + 1) * trials);
    let sum = 0;
    for (let t = 0; t < trials; t++) sum += row[t]!;
    const m = sum / trials;
    let squares = 0;
    for (let t = 0; t < trials; t++) squares += (row[t]! - m) ** 2;
    mean[k] = m / items;
    sd[k] = trials > 1 ? Math.sqrt(squares / (trials - 1)) / items : 0;
    scratch.set(row);
    scratch.sort();
    low[k] = percentileOfSorted(scratch, config.band[0]) / items;
    high[k] = percentileOfSorted(scratch, config.band[1]) / items;
  }

  const name = spec!.label ?? spec!.id;
  const series: Series[] = [
    { name: 'true', label: `${name}: true probability`, unit: 'probability', x, y: truth, range },
    { name: 'mean', label: `mean score over ${trials} evaluations of ${items} items`, unit: 'score', x, y: mean, range },
    { name: percentileName(config.band[0]), label: `${config.band[0]}th percentile of the score`, unit: 'score', x, y: low, range },
    { name: percentileName(config.band[1]), label: `${config.band[1]}th percentile of the score`, unit: 'score', x, y: high, range },
    { name: 'sd', label: 'standard deviation of the score across evaluations', unit: 'sd', x, y: sd },
    ...sampled.map((y, t): Series => ({ name: `trial-${t + 1}`, label: `one evaluation campaign (trial ${t + 1})`, unit: 'score', x, y, range })),
  ];
  const threshold = thresholdScale(spec!.thresholdParams, config.sweep, context);
  if (threshold !== undefined) series[0]!.threshold = threshold;
  const summary = series.map(summarizeSeries);
  const trueThreshold = summary[0]!.at50;

  let maxIndex = 0;
  let widestIndex = 0;
  const bandWidth = high.map((h, k) => h - low[k]!);
  for (let k = 1; k < steps; k++) {
    if (sd[k]! > sd[maxIndex]!) maxIndex = k;
    if (bandWidth[k]! > bandWidth[widestIndex]!) widestIndex = k;
  }
  const report: FiniteEvalReport = {
    items,
    trials,
    draws: steps * trials,
    seed: config.seed,
    level,
    sd: { max: sd[maxIndex]!, atScale: x[maxIndex]!, start: sd[0]!, end: sd[steps - 1]! },
    band: { max: bandWidth[widestIndex]!, atScale: x[widestIndex]! },
  };
  if (trueThreshold !== undefined) {
    report.trueThreshold = trueThreshold;
    const atThreshold = valueAt(x, bandWidth, trueThreshold);
    if (atThreshold !== undefined) report.band.atThreshold = atThreshold;
    const truthLog = Math.log10(trueThreshold);
    const startGap = Math.log10(config.sweep.from) - truthLog;
    const endGap = Math.log10(config.sweep.to) - truthLog;
    const tally = { early: 0, late: 0, within: 0, undetermined: 0 };
    const offsets: number[] = [];
    for (const c of trialCrossings) {
      if (c === 'before') tally[startGap <= -1 ? 'early' : 'undetermined']++;
      else if (c === 'after') tally[endGap >= 1 ? 'late' : 'undetermined']++;
      else {
        const offset = Math.log10(c) - truthLog;
        offsets.push(offset);
        tally[offset <= -1 ? 'early' : offset >= 1 ? 'late' : 'within']++;
      }
    }
    report.placement = { early: tally.early / trials, late: tally.late / trials, within: tally.within / trials, undetermined: tally.undetermined / trials };
    if (offsets.length > 0) {
      const sorted = Float64Array.from(offsets).sort();
      report.offsetDecades = { p5: percentileOfSorted(sorted, 5), median: percentileOfSorted(sorted, 50), p95: percentileOfSorted(sorted, 95), count: offsets.length };
    }
  }
  const percent = (f: number | undefined): string => (f === undefined ? 'n/a' : `${(100 * f).toFixed(1)}%`);
  const notes = [
    `Each evaluation scores X/${items} with X ~ Binomial(${items}, P) at every scale; ${trials} evaluations per scale, ${formatNumber(report.draws)} draws from seed ${config.seed}.`,
    `The ${config.band[0]}–${config.band[1]}% band is ${report.band.max.toFixed(3)} wide at most (at ${formatScale(report.band.atScale)})${report.band.atThreshold === undefined ? '' : `, ${report.band.atThreshold.toFixed(3)} at the true threshold`}.`,
    `Standard deviation of a score: ${report.sd.start.toFixed(4)} at the first scale, ${report.sd.max.toFixed(4)} at most (at ${formatScale(report.sd.atScale)}, where P is closest to 0.5), ${report.sd.end.toFixed(4)} at the last; sqrt(P(1 − P)/n) is largest where P is mid-range, and largest relative to the mean for small models.`,
    report.placement
      ? `Threshold (first crossing of ${level}): true at ${formatScale(report.trueThreshold)}; a single evaluation places it ≥ 1 decade early in ${percent(report.placement.early)} of trials and ≥ 1 decade late in ${percent(report.placement.late)}${report.offsetDecades ? `; offsets from ${formatDecadeCount(report.offsetDecades.p5)} to ${formatDecadeCount(report.offsetDecades.p95)} decades (5th–95th percentile)` : ''}.`
      : `The true curve does not cross ${level} inside the sweep, so threshold placement is not assessed.`,
  ];
  return {
    scenario: 'finite-eval',
    xLabel: config.sweep.over,
    series,
    markers: markerIfInside(config.sweep, threshold, spec!.id, 'true'),
    summary,
    report,
    notes,
  };
}
