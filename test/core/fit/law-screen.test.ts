// The screened fit of large inputs (law-screen.ts): recovery of known constants from 20,000
// checkpoint rows, agreement with the unscreened fit from the same starts, the checks it reports, and
// the exact published path below the threshold.
import { describe, expect, it } from 'vitest';
import { fitChinchillaLaw } from '../../../src/core/fit/law-fit.js';
import { coarseGrid, gridFromStarts, startGrid } from '../../../src/core/fit/law-grid.js';
import { DEFAULT_SCREEN, screenCandidates } from '../../../src/core/fit/law-screen.js';
import type { StartBatch } from '../../../src/core/fit/multi-start.js';
import { checkpointRuns, CHINCHILLA } from '../../helpers/checkpoint-runs.js';
import { chinchillaRuns } from '../../helpers/chinchilla-runs.js';
import { expectConstantsNear, relativeError } from '../../helpers/laws.js';

// 400 runs of Besiroglu et al.'s law, 50 checkpoints each, 1% log-normal noise per row.
const runs = checkpointRuns(20_000);
const NEVER = { ...DEFAULT_SCREEN, above: Infinity };

describe('screened fit of 20,000 checkpoint rows', () => {
  const fit = fitChinchillaLaw(runs, { grid: coarseGrid() });

  // Measured errors (seed 1): A 0.43%, B 0.11%, α 0.094%, β 0.030%, E 0.007%; the tolerances are
  // about three times those (the sampling error of 20,000 rows with σ = 1%).
  it('recovers the constants it was generated from', () => {
    expect(fit.screen).not.toBeNull();
    expect(fit.converged).toBe(true);
    expectConstantsNear(fit.law, CHINCHILLA, { A: 0.015, B: 0.005, alpha: 0.003, beta: 0.001, E: 0.0003 });
  });

  it('reports the screen and the checks of the optimum', () => {
    const screen = fit.screen!;
    expect(screen).toMatchObject({ rows: 500, candidates: 4 });
    expect(fit.starts).toBe(108);
    // Several candidates from different starts reach the same point, where a Newton step promises
    // nothing more (below 1e-12·max(f, 1): the polish's own stopping test).
    expect(screen.agreeing).toBeGreaterThanOrEqual(2);
    expect(screen.spread).toBeLessThan(1e-4);
    expect(screen.predictedDecrease).toBeLessThan(1e-12 * Math.max(1, fit.objective));
  });

  // The unscreened fit from 8 starts (every start by L-BFGS on every row) is affordable at this size.
  // Both find the same optimum: objectives within 1e-9 relative (L-BFGS's ftol stop leaves about
  // 1e-11 here), constants within 1e-5.
  it('agrees with the unscreened fit from the same starts', () => {
    const grid = startGrid({ a: [0, 10], b: [0, 10], e: [-1, 1], alpha: [0.5], beta: [0.5] });
    const screened = fitChinchillaLaw(runs, { grid });
    const full = fitChinchillaLaw(runs, { grid, screen: NEVER });
    expect(full.screen).toBeNull();
    expect(screened.screen).not.toBeNull();
    expect(relativeError(screened.objective, full.objective)).toBeLessThan(1e-9);
    for (const key of ['A', 'B', 'E', 'alpha', 'beta'] as const) expect(relativeError(screened.law[key], full.law[key]), key).toBeLessThan(1e-5);
    expect(relativeError(screened.objective, fit.objective)).toBeLessThan(1e-9);
  });
});

describe('small inputs', () => {
  // The 240 Chinchilla runs are below LARGE_FIT_ROWS: the published path, every start on every row.
  it('take the exact path, unchanged', () => {
    const chinchilla = chinchillaRuns();
    const auto = fitChinchillaLaw(chinchilla, { grid: coarseGrid() });
    expect(auto.screen).toBeNull();
    expect(auto).toEqual(fitChinchillaLaw(chinchilla, { grid: coarseGrid(), screen: NEVER }));
  });
});

describe('screenCandidates', () => {
  const batch = (values: number[], thetas: number[][]): StartBatch => ({
    from: 0,
    to: values.length,
    values: Float64Array.from(values),
    thetas: Float64Array.from(thetas.flat()),
    reasons: new Uint8Array(values.length),
    iterations: new Uint32Array(values.length),
    evaluations: new Uint32Array(values.length),
  });

  it('takes the best end points in order, skipping near-duplicates and non-finite ones, ties to the lower start', () => {
    const b = batch(
      [3, 1, Number.NaN, 1, 2, 1.5],
      [[0, 0, 0, 0, 0], [1, 1, 1, 1, 1], [9, 9, 9, 9, 9], [1, 1, 1, 1, 1.005], [2, 2, 2, 2, 2], [3, 3, 3, 3, 3]],
    );
    const c = screenCandidates([b], 3);
    expect(c.starts).toEqual([1, 5, 4]);
    expect(c.grid).toEqual(gridFromStarts([[1, 1, 1, 1, 1], [3, 3, 3, 3, 3], [2, 2, 2, 2, 2]]));
    expect(() => screenCandidates([batch([Number.NaN], [[0, 0, 0, 0, 0]])], 3)).toThrow(RangeError);
  });
});
