// The bootstrap of large inputs: one Newton step per resample instead of an L-BFGS refit
// (one-step-bootstrap.ts), and resampling whole runs (clusters) instead of rows.
import { describe, expect, it } from 'vitest';
import { bootstrapChinchillaLaw, DEFAULT_BOOTSTRAP, resampleCounts, runOneStepResamples, type LawBootstrap } from '../../../src/core/fit/bootstrap.js';
import { objectiveHessian } from '../../../src/core/fit/law-diagnostics.js';
import { newtonMinimize } from '../../../src/core/fit/newton.js';
import { fitChinchillaLaw } from '../../../src/core/fit/law-fit.js';
import { coarseGrid } from '../../../src/core/fit/law-grid.js';
import { lawObjective, prepareLawData, PUBLISHED_LOSS, weightedLawData } from '../../../src/core/fit/law-objective.js';
import { oneStepPlan, poisson1, type Clusters } from '../../../src/core/fit/one-step-bootstrap.js';
import { checkpointRuns } from '../../helpers/checkpoint-runs.js';

const KEYS = ['E', 'A', 'B', 'alpha', 'beta', 'allocationExponent'] as const;
const DEFAULT_SEED = DEFAULT_BOOTSTRAP.seed;
const width = (b: LawBootstrap, key: (typeof KEYS)[number]): number => b.intervals[key][1] - b.intervals[key][0];

function fitted(runs: ReturnType<typeof checkpointRuns>) {
  return { data: prepareLawData(runs), theta: fitChinchillaLaw(runs, { grid: coarseGrid() }).theta };
}

describe('one-step bootstrap', () => {
  // 2,500 independent runs (one row each), just above the threshold where the one-step bootstrap
  // takes over. Reference: 100 case resamples refitted to convergence (chord-Newton from θ̂ on the
  // resample; plain L-BFGS refits stop early in the flat A–α valley and come out about 10% less
  // spread). The spread about θ̂ of 2,000 one-step draws matches the refits': measured ratios 0.90–1.08
  // per coordinate. The refits' spread is itself estimated from 100 draws (±7%), hence 0.8–1.3.
  it('spreads like case resamples refitted to convergence', () => {
    const { data, theta } = fitted(checkpointRuns(2500, undefined, { checkpoints: 1 }));
    const start = Float64Array.from(theta);
    const oneStep = runOneStepResamples(oneStepPlan(data, PUBLISHED_LOSS, start, null), 0, 2000, DEFAULT_SEED);
    const refits = Array.from({ length: 100 }, (_, k) => {
      const resample = weightedLawData(data, resampleCounts(data.n, DEFAULT_SEED, k));
      const refit = newtonMinimize(lawObjective(resample, PUBLISHED_LOSS), (x) => objectiveHessian(resample, PUBLISHED_LOSS, x), 10, start)!;
      expect(refit.converged).toBe(true);
      return refit.x;
    });
    const spread = (j: number, thetas: ArrayLike<number>, count: number): number => {
      let sum = 0;
      for (let k = 0; k < count; k++) sum += (thetas[5 * k + j]! - start[j]!) ** 2;
      return Math.sqrt(sum / count);
    };
    const refitThetas = Float64Array.from(refits.flatMap((x) => Array.from(x)));
    for (let j = 0; j < 5; j++) {
      const ratio = spread(j, oneStep.thetas, 2000) / spread(j, refitThetas, 100);
      expect(ratio, `θ${j}`).toBeGreaterThan(0.8);
      expect(ratio, `θ${j}`).toBeLessThan(1.3);
    }
  });

  // The frequencies of poisson1 over a fine grid of u are the Poisson(1) probabilities e⁻¹/k!.
  it('draws Poisson(1) counts by inversion', () => {
    const counts = new Array<number>(12).fill(0);
    const steps = 1_000_000;
    for (let i = 0; i < steps; i++) counts[poisson1((i + 0.5) / steps)]!++;
    let factorial = 1;
    counts.slice(0, 8).forEach((count, k) => {
      if (k > 0) factorial *= k;
      expect(Math.abs(count / steps - Math.exp(-1) / factorial)).toBeLessThan(2 / steps);
    });
    expect(poisson1(0)).toBe(0);
    expect(poisson1(1 - 2 ** -53)).toBeGreaterThan(8);
  });

  it('is the default above 2,000 rows, and refuses a Hessian that is not positive definite', () => {
    const { data, theta } = fitted(checkpointRuns(2500));
    expect(bootstrapChinchillaLaw(data, theta, { resamples: 10 }).method).toBe('one-step');
    expect(() => oneStepPlan(data, PUBLISHED_LOSS, [0, 0, 0, 0, 0], null)).toThrow(/not positive definite/);
  });

  // fitLawRuns hands the fit's Hessian (diagnostics.hessian, at θ̂ on the same rows) to the
  // bootstrap instead of computing it again: the same plan, so the same intervals, bit for bit.
  it('takes the fit’s Hessian when given it, with the same result', () => {
    const runs = checkpointRuns(2500);
    const fit = fitChinchillaLaw(runs, { grid: coarseGrid() });
    const data = prepareLawData(runs);
    expect(bootstrapChinchillaLaw(data, fit.theta, { resamples: 10, hessian: fit.diagnostics.hessian })).toEqual(bootstrapChinchillaLaw(data, fit.theta, { resamples: 10 }));
  });
});

describe('cluster bootstrap', () => {
  const runs = checkpointRuns(3000, undefined, { checkpoints: 50, sigma: 0.002, runSigma: 0.01 });
  const { data, theta } = fitted(runs);
  const byRun: Clusters = { index: Uint32Array.from(runs, (r) => r.run), count: runs.at(-1)!.run + 1 };

  it('with every row its own unit, is the row bootstrap exactly (both methods)', () => {
    const own: Clusters = { index: Uint32Array.from(runs, (_, i) => i), count: runs.length };
    for (const oneStepAbove of [0, Infinity]) {
      const rows = bootstrapChinchillaLaw(data, theta, { resamples: 20, oneStepAbove });
      const units = bootstrapChinchillaLaw(data, theta, { resamples: 20, oneStepAbove, clusters: own });
      expect(units.intervals).toEqual(rows.intervals);
      expect(units).toMatchObject({ clustered: true, units: 3000 });
    }
  });

  // 60 runs × 50 checkpoints whose losses share a 1% offset per run (row noise 0.2%): the rows are
  // not 3000 independent measurements. Resampling rows ignores that; resampling runs does not, and
  // its intervals are several times wider (measured 4.2–7.3×).
  it('widens the intervals when checkpoints of a run share their error', () => {
    const rows = bootstrapChinchillaLaw(data, theta, { resamples: 200 });
    const clustered = bootstrapChinchillaLaw(data, theta, { resamples: 200, clusters: byRun });
    expect(clustered).toMatchObject({ method: 'one-step', clustered: true, units: 60 });
    for (const key of KEYS.slice(0, 5)) expect(width(clustered, key) / width(rows, key), key).toBeGreaterThan(2.5);
  });
});
