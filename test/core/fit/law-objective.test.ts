import { describe, expect, it } from 'vitest';
import {
  chinchillaRmse,
  constantsToTheta,
  lawObjective,
  prepareLawData,
  PUBLISHED_LOSS,
  residualLoss,
  thetaToConstants,
  weightedLawData,
  type LawData,
  type ResidualLoss,
} from '../../../src/core/fit/law-objective.js';
import { chinchillaRuns } from '../../helpers/chinchilla-runs.js';
import { besiroglu2024, hoffmann2022, hoffmann2022Unrounded, relativeError } from '../../helpers/laws.js';

const runs = chinchillaRuns();
const data = prepareLawData(runs);
// ../shared/data/chinchilla_fit_constants.csv, row epoch2024_lbfgs_grid_exact_replication.
const epochTheta = constantsToTheta({ A: 477.84171252965143, B: 2143.8637880335505, E: 1.817235504463726, alpha: 0.34731265761033453, beta: 0.3671826173946711 });

/** Central differences of f along each coordinate, h = 1e-6·max(1, |θⱼ|). */
function numericGradient(f: (theta: Float64Array) => number, theta: Float64Array): number[] {
  return Array.from(theta, (value, j) => {
    const h = 1e-6 * Math.max(1, Math.abs(value));
    const plus = Float64Array.from(theta);
    const minus = Float64Array.from(theta);
    plus[j] = value + h;
    minus[j] = value - h;
    return (f(plus) - f(minus)) / (2 * h);
  });
}

function checkGradient(d: LawData, loss: ResidualLoss, theta: Float64Array): void {
  const f = lawObjective(d, loss);
  const analytic = new Float64Array(5);
  f(theta, analytic);
  const scratch = new Float64Array(5);
  const numeric = numericGradient((t) => f(t, scratch), theta);
  // Central differences err by O(h²·f''') plus rounding ε·|f|/h; with h = 1e-6 both are far below
  // 1e-6 of the gradient's scale, so agreement to 1e-6 (relative to the largest component, floored
  // at 1e-9 absolute) catches any wrong term.
  const scale = Math.max(1e-9, ...Array.from(analytic, Math.abs));
  for (let j = 0; j < 5; j++) expect(Math.abs(analytic[j]! - numeric[j]!) / scale).toBeLessThan(1e-6);
}

describe('lawObjective', () => {
  // Besiroglu et al.'s fit on the 240 runs has objective 0.0010182740 (Epoch data_analysis.ipynb
  // cell 18; DESIGN.md). Their constants are printed to 17 digits, so 1e-6 relative is generous.
  it('gives the published objective at the published constants', () => {
    expect(relativeError(lawObjective(data, PUBLISHED_LOSS)(epochTheta, new Float64Array(5)), 0.001018274)).toBeLessThan(1e-6);
  });

  // Not at the optimum itself: there the gradient is ~1e-4 while the kinks of Huber's second
  // derivative at |r| = δ put O(h) errors into any finite difference.
  const thetas = {
    'near the optimum': Float64Array.from(epochTheta, (v, j) => v + [0.02, -0.02, 0.01, 0.004, -0.003][j]!),
    'a grid corner': Float64Array.of(25, 0, -1, 0, 2),
    'a middle start': Float64Array.of(10, 15, 0.5, 1, 0.5),
    'negative exponents': Float64Array.of(3, 4, 0.2, -0.1, -0.05),
  };
  const losses: Record<string, ResidualLoss> = {
    huber: PUBLISHED_LOSS,
    'huber δ = 0.05': residualLoss('huber', 0.05),
    mse: residualLoss('mse'),
    asymmetric: residualLoss('asymmetric', 1e-3, 0.1),
  };
  for (const [lossName, loss] of Object.entries(losses)) {
    for (const [where, theta] of Object.entries(thetas)) {
      it(`has the gradient of its value (${lossName}, at ${where})`, () => checkGradient(data, loss, theta));
    }
  }

  it('has the gradient of its value with resampling weights', () => {
    const counts = Array.from({ length: data.n }, (_, i) => (i * 7) % 3);
    checkGradient(weightedLawData(data, counts), PUBLISHED_LOSS, epochTheta);
  });

  it('stays finite where the terms overflow, matching a max-shifted log-sum-exp', () => {
    const theta = Float64Array.of(800, 5, 0.5, 0.3, 0.3);
    const f = lawObjective(data, residualLoss('mse'));
    const value = f(theta, new Float64Array(5));
    let expected = 0;
    for (let i = 0; i < data.n; i++) {
      const u = [theta[0]! - theta[3]! * data.lnN[i]!, theta[1]! - theta[4]! * data.lnD[i]!, theta[2]!];
      const top = Math.max(...u);
      const r = data.lnL[i]! - (top + Math.log(u.reduce((s, x) => s + Math.exp(x - top), 0)));
      expected += 0.5 * r * r;
    }
    expect(Number.isFinite(value)).toBe(true);
    expect(relativeError(value, expected)).toBeLessThan(1e-12);
  });

  it('asymmetric with τ = 0.5 is exactly the Huber objective', () => {
    const g = new Float64Array(5);
    const theta = Float64Array.of(6, 7, 0.6, 0.3, 0.4);
    expect(lawObjective(data, residualLoss('asymmetric', 1e-3, 0.5))(theta, g)).toBe(lawObjective(data, PUBLISHED_LOSS)(theta, g));
  });

  it('asymmetric weighs over-prediction: raising the law costs more than lowering it', () => {
    const f = lawObjective(data, residualLoss('asymmetric', 1e-3, 0.1));
    const g = new Float64Array(5);
    const up = Float64Array.from(epochTheta);
    up[2] = up[2]! + 0.05; // larger E: the law over-predicts every run
    const down = Float64Array.from(epochTheta);
    down[2] = down[2]! - 0.05;
    expect(f(up, g)).toBeGreaterThan(f(down, g));
  });

  it('mse is Huber with δ → ∞', () => {
    const g = new Float64Array(5);
    expect(lawObjective(data, residualLoss('mse'))(epochTheta, g)).toBe(lawObjective(data, residualLoss('huber', 1e300))(epochTheta, g));
  });

  it('with counts equals the objective of the resampled data set', () => {
    const counts = Array.from({ length: data.n }, (_, i) => (i * 5) % 4);
    const resampled = runs.flatMap((run, i) => Array.from({ length: counts[i]! }, () => run));
    const g = new Float64Array(5);
    const weighted = lawObjective(weightedLawData(data, counts), PUBLISHED_LOSS)(epochTheta, g);
    const duplicated = lawObjective(prepareLawData(resampled), PUBLISHED_LOSS)(epochTheta, g);
    // Same terms summed in a different grouping: equal to rounding, 1e-13 relative.
    expect(relativeError(weighted, duplicated)).toBeLessThan(1e-13);
  });

  it('round-trips θ and constants', () => {
    const law = thetaToConstants(epochTheta);
    expect(relativeError(law.A, 477.84171252965143)).toBeLessThan(1e-15);
    expect(Array.from(constantsToTheta(law))).toEqual(Array.from(epochTheta));
  });

  it('rejects non-positive values', () => {
    expect(() => prepareLawData([{ params: 0, tokens: 1, loss: 1 }])).toThrow(/params/);
    expect(() => residualLoss('huber', 0)).toThrow(RangeError);
    expect(() => residualLoss('asymmetric', 1e-3, 1)).toThrow(RangeError);
  });
});

describe('chinchillaRmse', () => {
  // ../shared/data/README.md: RMSE of L on the 240 kept points, quoted to three significant figures,
  // so agreement within half a unit of the last digit.
  it.each([
    [hoffmann2022, 0.0526],
    [hoffmann2022Unrounded, 0.0302],
    [besiroglu2024, 0.0219],
  ])('of %s on the 240 Chinchilla runs', (law, expected) => {
    expect(Math.abs(chinchillaRmse(law, runs) - expected)).toBeLessThanOrEqual(0.00005);
  });
});
