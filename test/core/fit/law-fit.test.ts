import { describe, expect, it } from 'vitest';
import { FitError } from '../../../src/errors.js';
import { excludeTopLoss, fitChinchillaLaw, fittedLaw, validateRuns } from '../../../src/core/fit/law-fit.js';
import { coarseGrid } from '../../../src/core/fit/law-grid.js';
import type { ChinchillaConstants, TrainingRun } from '../../../src/core/fit/law-objective.js';
import { createRng, randomNormal } from '../../../src/core/random.js';
import { loss, type ChinchillaLaw } from '../../../src/core/scaling-law.js';
import { chinchillaRuns } from '../../helpers/chinchilla-runs.js';
import { chinchillaPresets, expectConstantsNear, relativeError } from '../../helpers/laws.js';

const runs = chinchillaRuns();
// ../shared/data/chinchilla_fit_constants.csv row epoch2024_lbfgs_grid_exact_replication (Epoch
// data_analysis.ipynb cell 18) and the objective quoted in DESIGN.md and issue 4.
const published: ChinchillaConstants = { A: 477.8, B: 2143, E: 1.8172, alpha: 0.34731, beta: 0.36718 };
const publishedObjective = 0.001018274;

function expectPublishedFit(law: ChinchillaConstants, objective: number): void {
  // Issue 4: best objective within 1e-6 relative of 0.0010182740 or lower; constants within 0.5%.
  expect(objective).toBeLessThanOrEqual(publishedObjective * (1 + 1e-6));
  for (const key of ['A', 'B', 'E', 'alpha', 'beta'] as const) expect(relativeError(law[key], published[key])).toBeLessThan(0.005);
}

describe('fitChinchillaLaw on the 240 Chinchilla runs', () => {
  // The full published method, 4,500 starts: a few seconds in one thread.
  it('reproduces Besiroglu et al.’s L-BFGS grid fit from the standard grid', () => {
    const fit = fitChinchillaLaw(runs);
    expectPublishedFit(fit.law, fit.objective);
    expect(fit.starts).toBe(4500);
    expect(fit.n).toBe(240);
    expect(fit.converged).toBe(true);
    expect(fit.convergedStarts).toBe(4500);
    expect(fit.prunedStarts).toBe(0);
    expect(fit.diagnostics.poorlyDetermined).toBe(false);
    expect(fit.diagnostics.warnings).toEqual([]);
    // RMSE of L at the fit: the shared README's 0.0219 for Besiroglu's constants, to 3 figures.
    expect(Math.abs(fit.rmse - 0.0219)).toBeLessThan(0.0001);
  });

  it('finds the same optimum from the 108-start coarse grid', () => {
    const fit = fitChinchillaLaw(runs, { grid: coarseGrid() });
    expectPublishedFit(fit.law, fit.objective);
    expect(fit.starts).toBe(108);
  });

  it('reports progress up to the number of starts', () => {
    const seen: number[] = [];
    fitChinchillaLaw(runs, { grid: coarseGrid(), onProgress: (done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
  });

  it('abandons starts by a prune rule and counts them', () => {
    const plain = fitChinchillaLaw(runs, { grid: coarseGrid() });
    // Aggressive (stop any start above 2× the optimum after 20 iterations): 63 of 108 starts stop,
    // with less than half the evaluations, and every start that would have reached the optimum is
    // among them. Starts that end at the optimum are above 2× it for many iterations, which is why
    // pruning is off by default (bench/law-fit.ts measures the rules that keep the winner).
    const pruned = fitChinchillaLaw(runs, { grid: coarseGrid(), prune: { afterIteration: 20, ratio: 2, incumbent: plain.objective } });
    expect(pruned.prunedStarts).toBe(63);
    expect(pruned.evaluations).toBeLessThan(plain.evaluations / 2);
    expect(pruned.objective).toBeGreaterThan(2 * plain.objective);
    // A rule nothing meets changes nothing, bit for bit.
    const lax = fitChinchillaLaw(runs, { grid: coarseGrid(), prune: { afterIteration: 20, ratio: 1e6, incumbent: plain.objective } });
    expect(lax.prunedStarts).toBe(0);
    expect(lax.theta).toEqual(plain.theta);
  });

  it('gives a law the rest of the core can use', () => {
    const law = fittedLaw(fitChinchillaLaw(runs, { grid: coarseGrid() }));
    expect(law.form).toBe('chinchilla');
    expect(relativeError(loss(law, 70e9, 1.4e12), 1.9734)).toBeLessThan(0.002);
  });
});

/** Runs of a known law on a 12 × 8 design (N from 1e7 to 1e12, D/N from 1 to 1000), log-normal noise σ. */
function syntheticRuns(law: ChinchillaLaw, sigma: number, seed: number): TrainingRun[] {
  const rng = createRng(seed);
  const out: TrainingRun[] = [];
  for (let i = 0; i < 12; i++) {
    for (let j = 0; j < 8; j++) {
      const params = 1e7 * 10 ** ((i * 5) / 11);
      const tokens = params * 10 ** ((j * 3) / 7);
      out.push({ params, tokens, loss: loss(law, params, tokens) * Math.exp(sigma * randomNormal(rng)) });
    }
  }
  return out;
}

describe('fitChinchillaLaw recovers known laws', () => {
  for (const law of chinchillaPresets) {
    // Noise-free runs: the objective's minimum is the law itself (objective 0); L-BFGS stops within
    // its tolerances of it. 1e-3 relative leaves room for the flat A–α direction.
    it(`from exact runs of ${law.id}`, () => {
      const fit = fitChinchillaLaw(syntheticRuns(law, 0, 1), { grid: coarseGrid() });
      expect(fit.converged).toBe(true);
      for (const key of ['A', 'B', 'E', 'alpha', 'beta'] as const) expect(relativeError(fit.law[key], law[key])).toBeLessThan(1e-3);
    });

    // 0.2% log-normal noise on 96 runs. Measured errors with seed 7 are at most 1.1% (B) and 0.25%
    // (A) with the exponents and E within 0.15%; the tolerances are about three times those.
    it(`from noisy runs of ${law.id}`, () => {
      const fit = fitChinchillaLaw(syntheticRuns(law, 0.002, 7), { grid: coarseGrid() });
      expect(fit.converged).toBe(true);
      expectConstantsNear(fit.law, law, { A: 0.03, B: 0.03, E: 0.005, alpha: 0.005, beta: 0.005 });
      expect(fit.diagnostics.poorlyDetermined).toBe(false);
    });
  }
});

describe('fit diagnostics', () => {
  it('flags a law whose data cannot separate D from the floor (every run trained on the same D)', () => {
    const law = chinchillaPresets[0]!;
    const sameTokens = Array.from({ length: 12 }, (_, i) => ({ params: 1e7 * 10 ** (i / 3), tokens: 1e10, loss: 0 }));
    for (const run of sameTokens) run.loss = loss(law, run.params, run.tokens);
    const fit = fitChinchillaLaw(sameTokens, { grid: coarseGrid() });
    expect(fit.diagnostics.poorlyDetermined).toBe(true);
    expect(fit.diagnostics.warnings.length).toBeGreaterThan(0);
  });
});

describe('validateRuns', () => {
  const good = runs.slice(0, 6);
  it('accepts six valid runs', () => expect(() => validateRuns(good)).not.toThrow());
  it('refuses fewer than six runs', () => expect(() => validateRuns(runs.slice(0, 5))).toThrow(/too few runs to fit a scaling law: 5/));
  it('refuses identical losses', () => expect(() => validateRuns(good.map((run) => ({ ...run, loss: 2 })))).toThrow(/same loss/));
  it('refuses non-positive and non-finite values, naming the run', () => {
    expect(() => validateRuns([...good, { params: -1, tokens: 1, loss: 1 }])).toThrow(/run 7: params/);
    expect(() => validateRuns([...good, { params: 1, tokens: Infinity, loss: 1 }])).toThrow(FitError);
  });
});

describe('excludeTopLoss', () => {
  // fixtures/chinchilla_epoch_points.csv flags exactly the 5 highest-loss runs (epoch_excluded_outlier = 1).
  it('drops the flagged Chinchilla runs when asked for 5', async () => {
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(new URL('../../../fixtures/chinchilla_epoch_points.csv', import.meta.url), 'utf8').trim().split('\n').slice(1);
    const all = lines.map((line) => {
      const cells = line.split(',');
      return { params: Number(cells[1]), tokens: Number(cells[2]), loss: Number(cells[4]), flagged: cells[5] === '1' };
    });
    const kept = excludeTopLoss(all, 5);
    expect(kept.length).toBe(240);
    expect(kept.some((run) => run.flagged)).toBe(false);
    expect(kept.map((run) => run.loss)).toEqual(runs.map((run) => run.loss));
  });

  it('keeps order, drops nothing for 0, refuses a bad count', () => {
    const few = [{ params: 1, tokens: 1, loss: 3 }, { params: 1, tokens: 1, loss: 5 }, { params: 1, tokens: 1, loss: 4 }];
    expect(excludeTopLoss(few, 1).map((run) => run.loss)).toEqual([3, 4]);
    expect(excludeTopLoss(few, 0)).toEqual(few);
    expect(() => excludeTopLoss(few, -1)).toThrow(RangeError);
  });
});
