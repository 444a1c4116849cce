import { describe, expect, it } from 'vitest';
import { quantile } from '../../../src/core/curve-fit/bootstrap.js';
import { calibrateIntervals, conformalLevel, intervalWidth, predictionInterval, probabilityAtLeast } from '../../../src/core/forecast/index.js';
import { createRng, randomNormal } from '../../../src/core/random.js';

/** Errors e = σ·w(d)·z with z standard normal and d uniform on [0, 2]: exchangeable, scaled as the model assumes. */
function normalErrors(n: number, sigma: number, seed: number): { error: number; distance: number }[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const distance = 2 * rng.next();
    return { error: sigma * intervalWidth(0.25, distance) * randomNormal(rng), distance };
  });
}

describe('split-conformal intervals', () => {
  it('keeps the type-7 quantiles of |e|/w(d), as the curve engine computes them', () => {
    const errors = normalErrors(137, 0.05, 7);
    const model = calibrateIntervals(errors);
    const scores = errors.map((e) => Math.abs(e.error) / Math.sqrt(0.25 + e.distance));
    expect(model.n).toBe(137);
    for (const j of [0, 1, 10, 50, 80, 99, 100]) expect(model.quantiles[j]).toBe(Number(quantile(scores, j / 100).toPrecision(6)));
  });

  it('uses the finite-sample level ⌈(n + 1)(1 − α)⌉/n', () => {
    expect(conformalLevel(9, 0.8)).toBeCloseTo(8 / 9, 15);
    expect(conformalLevel(99, 0.8)).toBeCloseTo(80 / 99, 15);
    expect(conformalLevel(2, 0.8)).toBe(1);
  });

  // 2,000 calibration errors, 20,000 new ones from the same law. The level of a conformal interval is
  // random around 0.8 with sd about √(0.8·0.2/2000) = 0.009, the coverage estimate adds 0.003: ±0.03
  // is over three sds. Coverage must also hold near and far, since the width grows as w(d).
  it('covers 80% of new errors near the fitted runs and far from them', () => {
    const model = calibrateIntervals(normalErrors(2000, 0.05, 11));
    const fresh = normalErrors(20000, 0.05, 12);
    const covered = (subset: typeof fresh): number => subset.filter((e) => {
      const { lower, upper } = predictionInterval(model, 0.5, e.distance, 0.8);
      return 0.5 + e.error >= lower && 0.5 + e.error <= upper;
    }).length / subset.length;
    expect(covered(fresh)).toBeGreaterThan(0.77);
    expect(covered(fresh)).toBeLessThan(0.83);
    expect(covered(fresh.filter((e) => e.distance < 0.5))).toBeGreaterThan(0.77);
    expect(covered(fresh.filter((e) => e.distance > 1.5))).toBeGreaterThan(0.77);
    const near = predictionInterval(model, 0.5, 0, 0.8);
    const far = predictionInterval(model, 0.5, 1, 0.8);
    expect((far.upper - far.lower) / (near.upper - near.lower)).toBeCloseTo(Math.sqrt(1.25 / 0.25), 12);
  });

  // With normal errors the forecast probability must approach the normal tail: P(score ≥ t) =
  // Φ((ŷ − t)/(σ·w(d))); Φ(0.5) = 0.691462, Φ(1) = 0.841345, Φ(1.5) = 0.933193 (standard normal
  // tables). 20,000 calibration errors and 1% quantile steps: within 0.01.
  it('gives the normal tail probability for normal errors', () => {
    const model = calibrateIntervals(normalErrors(20000, 0.05, 21));
    const w = Math.sqrt(1.25);
    for (const [z, phi] of [[0.5, 0.691462], [1, 0.841345], [1.5, 0.933193]] as const) {
      expect(Math.abs(probabilityAtLeast(model, 0.6, 1, 0.6 - z * 0.05 * w) - phi)).toBeLessThan(0.01);
      expect(Math.abs(probabilityAtLeast(model, 0.6, 1, 0.6 + z * 0.05 * w) - (1 - phi))).toBeLessThan(0.01);
    }
  });

  it('puts the lower end of the 80% interval at P ≈ 0.9, and is symmetric about the forecast', () => {
    const model = calibrateIntervals(normalErrors(2000, 0.05, 31));
    const { lower } = predictionInterval(model, 0.6, 0.7, 0.8);
    expect(Math.abs(probabilityAtLeast(model, 0.6, 0.7, lower) - 0.9)).toBeLessThan(0.005);
    expect(probabilityAtLeast(model, 0.6, 0.7, 0.6)).toBe(0.5);
    for (const delta of [0.01, 0.05, 0.2]) expect(probabilityAtLeast(model, 0.6, 0.7, 0.6 + delta) + probabilityAtLeast(model, 0.6, 0.7, 0.6 - delta)).toBeCloseTo(1, 12);
    // Never exactly 0 or 1, however far the target.
    expect(probabilityAtLeast(model, 0.6, 0.7, 1)).toBeGreaterThan(0);
    expect(probabilityAtLeast(model, 0.6, 0.7, 0)).toBeLessThan(1);
  });

  // Scaled intervals: the errors of two tasks whose scatter differs fourfold. Divided by each task's
  // scale they are one law, so one quantile covers 80% of each task's new errors (±0.03, as above),
  // where a pooled quantile over-covers the quiet task and under-covers the noisy one.
  it('scaled by each task, covers 80% of every task; pooled, neither', () => {
    const scales = { quiet: 0.02, noisy: 0.08 };
    const tagged = (seed: number, n: number) => (Object.entries(scales) as [keyof typeof scales, number][]).flatMap(([task, s], i) => normalErrors(n, s, seed + i).map((e) => ({ ...e, task })));
    const calibration = tagged(41, 2000);
    const scaled = calibrateIntervals(calibration, 0.25, (e) => scales[e.task]);
    const pooled = calibrateIntervals(calibration);
    expect(scaled.scaled).toBe(true);
    expect(pooled.scaled).toBeUndefined();
    // Identity: the scaled model is the plain model of the errors divided by their scales.
    expect(scaled.quantiles).toEqual(calibrateIntervals(calibration.map((e) => ({ ...e, error: e.error / scales[e.task] }))).quantiles);
    const fresh = tagged(51, 10000);
    const coverage = (model: typeof scaled, task: keyof typeof scales): number => {
      const mine = fresh.filter((e) => e.task === task);
      return mine.filter((e) => {
        const { lower, upper } = predictionInterval(model, 0.5, e.distance, 0.8, model.scaled ? scales[task] : 1);
        return 0.5 + e.error >= lower && 0.5 + e.error <= upper;
      }).length / mine.length;
    };
    for (const task of ['quiet', 'noisy'] as const) expect(Math.abs(coverage(scaled, task) - 0.8)).toBeLessThan(0.03);
    expect(coverage(pooled, 'quiet')).toBeGreaterThan(0.95);
    expect(coverage(pooled, 'noisy')).toBeLessThan(0.7);
    // P(score ≥ lower end) ≈ 0.9 with the task's scale too.
    const { lower } = predictionInterval(scaled, 0.6, 0.7, 0.8, scales.noisy);
    expect(Math.abs(probabilityAtLeast(scaled, 0.6, 0.7, lower, scales.noisy) - 0.9)).toBeLessThan(0.005);
  });

  it('clips intervals to the 0–1 scale of scores', () => {
    const model = calibrateIntervals([{ error: 0.3, distance: 0 }, { error: -0.3, distance: 0 }]);
    expect(predictionInterval(model, 0.9, 0, 0.8)).toEqual({ lower: 0.9 - 0.3, upper: 1 });
  });
});
