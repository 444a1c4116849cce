import { describe, expect, it } from 'vitest';
import { probability } from '../../../src/core/emergence.js';
import { percentileOfSorted, simulateFiniteEval, type FiniteEvalConfig } from '../../../src/core/simulate/finite-eval.js';
import { logGrid } from '../../../src/core/simulate/grid.js';
import { BUILTIN_SCENARIOS } from '../../../src/core/simulate/scenarios.js';
import { UsageError } from '../../../src/errors.js';
import { context } from './context.js';

const builtin = BUILTIN_SCENARIOS['finite-eval'];

describe('percentileOfSorted', () => {
  // numpy.percentile([1, 2, 3, 4], [50, 5, 95]) = [2.5, 1.15, 3.85] (linear, type 7).
  it('matches NumPy', () => {
    expect(percentileOfSorted([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentileOfSorted([1, 2, 3, 4], 5)).toBeCloseTo(1.15, 12);
    expect(percentileOfSorted([1, 2, 3, 4], 95)).toBeCloseTo(3.85, 12);
    expect(percentileOfSorted([7], 95)).toBe(7);
  });
});

describe('finite-eval scenario', () => {
  const sim = simulateFiniteEval(builtin, context);
  const series = (name: string) => sim.series.find((s) => s.name === name)!;

  it('names its series true, mean, p5, p95, sd, trial-1..3', () => {
    expect(sim.series.map((s) => s.name)).toEqual(['true', 'mean', 'p5', 'p95', 'sd', 'trial-1', 'trial-2', 'trial-3']);
    expect(sim.report.draws).toBe(61 * 1000);
  });

  it('is deterministic: the same seed gives identical series, another seed different ones', () => {
    const again = simulateFiniteEval(builtin, context);
    sim.series.forEach((s, k) => expect(Buffer.from(again.series[k]!.y.buffer).equals(Buffer.from(s.y.buffer))).toBe(true));
    const other = simulateFiniteEval({ ...builtin, seed: 1 }, context);
    expect(Array.from(other.series[1]!.y)).not.toEqual(Array.from(sim.series[1]!.y));
  });

  it('keeps earlier trials when more are drawn (trial by trial from one generator)', () => {
    const more = simulateFiniteEval({ ...builtin, trials: 1500 }, context);
    expect(Array.from(more.series.find((s) => s.name === 'trial-2')!.y)).toEqual(Array.from(series('trial-2').y));
  });

  // Mean within 5 standard errors of P (SE = sqrt(P(1 − P)/(n·T))); the sample standard deviation
  // within 5 of its own standard errors of sqrt(P(1 − P)/n) (relative SE ≈ 1/sqrt(2(T − 1)) = 2.2%).
  it('has mean P and standard deviation sqrt(P(1 − P)/n) at every scale', () => {
    const n = builtin.items;
    const t = builtin.trials;
    const truth = series('true').y;
    truth.forEach((p, k) => {
      expect(Math.abs(series('mean').y[k]! - p)).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / (n * t)) + 1e-12);
      const sigma = Math.sqrt((p * (1 - p)) / n);
      if (p > 0.02 && p < 0.98) expect(Math.abs(series('sd').y[k]! / sigma - 1)).toBeLessThan(5 / Math.sqrt(2 * (t - 1)));
      expect(series('p5').y[k]!).toBeLessThanOrEqual(series('p95').y[k]!);
    });
    expect(sim.report.sd.max).toBeCloseTo(Math.sqrt(0.25 / n), 2);
    // The 5–95% band of Binomial(164, 1/2)/164 is about 2·1.645·sd = 0.128 wide (normal approximation,
    // to the 1/164 granularity of the scores).
    expect(Math.abs(sim.report.band.atThreshold! - 2 * 1.645 * Math.sqrt(0.25 / n))).toBeLessThan(2 / n);
  });

  it('accounts for every trial in the placement', () => {
    const { early, late, within, undetermined } = sim.report.placement!;
    expect(early + late + within + undetermined).toBeCloseTo(1, 12);
    expect(sim.report.trueThreshold! / 5e10).toBeCloseTo(1, 3);
  });

  // Recover the placement probabilities in closed form. The ability rises from 0 to 0.5 (level
  // 0.25); with n = 5 no score equals 0.25, so a trial crosses strictly between grid points i − 1
  // and i. The grid (2 points a decade) has points at N_c/10 (index 4) and 10·N_c (index 8), so
  // "≥ 1 decade early" is "some X ≥ 2 at index ≤ 4" and "≥ 1 decade late" is "X ≤ 1 up to index 8":
  //   P(early) = 1 − Π_{k≤4} F(1; 5, P_k),   P(late) = Π_{k≤8} F(1; 5, P_k),
  // F the Binomial(5, P) CDF. 20,000 trials: within 5 standard errors.
  it('places the threshold a decade early or late as often as the binomial law says', () => {
    const curve = { shape: 'logistic' as const, width: 1.5, floor: 0, ceiling: 0.5 };
    const config: FiniteEvalConfig = {
      ...builtin,
      sweep: { over: 'params', from: 1e8, to: 1e14, steps: 13, quality: 1 },
      ability: { id: 'wide', thresholdParams: 1e11, curve },
      items: 5,
      trials: 20_000,
      seed: 7,
    };
    const result = simulateFiniteEval(config, context);
    const x = logGrid(1e8, 1e14, 13);
    const cdf1 = (p: number): number => (1 - p) ** 5 + 5 * p * (1 - p) ** 4;
    let none = 1;
    let early = 0;
    let late = 0;
    for (let k = 0; k <= 8; k++) {
      none *= cdf1(probability(curve, x[k]!, 1e11));
      if (k === 4) early = 1 - none;
      if (k === 8) late = none;
    }
    const tolerance = (f: number): number => 5 * Math.sqrt((f * (1 - f)) / 20_000);
    expect(early).toBeGreaterThan(0.05);
    expect(late).toBeGreaterThan(0.02);
    expect(Math.abs(result.report.placement!.early - early)).toBeLessThan(tolerance(early));
    expect(Math.abs(result.report.placement!.late - late)).toBeLessThan(tolerance(late));
  });

  it('rejects bad sizes with usage errors', () => {
    expect(() => simulateFiniteEval({ ...builtin, items: 0 }, context)).toThrow(/^items: /);
    expect(() => simulateFiniteEval({ ...builtin, trials: 2.5 }, context)).toThrow(/^trials: /);
    expect(() => simulateFiniteEval({ ...builtin, seed: -1 }, context)).toThrow(/^seed: /);
    expect(() => simulateFiniteEval({ ...builtin, band: [95, 5] }, context)).toThrow(/^band\[1\]: /);
    expect(() => simulateFiniteEval({ ...builtin, trials: 2, sampleTrials: 3 }, context)).toThrow(/^sampleTrials: must be at most trials/);
    expect(() => simulateFiniteEval({ ...builtin, sweep: { ...builtin.sweep, steps: 100_000 }, trials: 1000 }, context)).toThrow(UsageError);
    expect(() => simulateFiniteEval({ ...builtin, sweep: { ...builtin.sweep, steps: 100_000 }, trials: 1000 }, context)).toThrow(/binomial draws, more than the limit of 2e7/);
  });
});
