import { describe, expect, it } from 'vitest';
import {
  computeForLoss,
  computeForLossNumeric,
  computeOptimal,
  computeOptimalLoss,
  computeOptimalNumeric,
  computeOptimalTokens,
  trainingCompute,
} from '../../src/core/allocation.js';
import { loss } from '../../src/core/scaling-law.js';
import { besiroglu2024, chinchillaPresets, hoffmann2022, hoffmann2022Unrounded, kaplan2020, relativeError } from '../helpers/laws.js';

describe('computeOptimal', () => {
  // ../shared/data/README.md: compute-optimal N at 1e24 FLOPs is 41.3B, 51.9B and 96.0B; quoted to
  // three significant figures, so 0.5% relative.
  it.each([
    [hoffmann2022, 41.3e9],
    [hoffmann2022Unrounded, 51.9e9],
    [besiroglu2024, 96.0e9],
  ])('N_opt(1e24) for %s', (law, expected) => {
    expect(relativeError(computeOptimal(law, 1e24).params, expected)).toBeLessThan(0.005);
  });

  it('spends exactly the budget: 6·N·D = C', () => {
    for (const law of [...chinchillaPresets, kaplan2020]) {
      const { params, tokens } = computeOptimal(law, 3.14e23);
      expect(relativeError(trainingCompute(params, tokens), 3.14e23)).toBeLessThan(1e-12);
    }
  });

  // Golden-section search locates ln N to about √ε·|ln N| ≈ 4e-7, so the closed form and the numeric
  // minimum agree to 1e-6 relative in N.
  it('closed form and numeric minimisation agree on the Chinchilla form', () => {
    for (const law of chinchillaPresets) {
      for (const c of [1e18, 1e21, 1e24, 1e27]) {
        expect(relativeError(computeOptimalNumeric(law, c).params, computeOptimal(law, c).params)).toBeLessThan(1e-6);
      }
    }
  });

  it('closed form and numeric minimisation agree on the Kaplan form', () => {
    for (const c of [1e18, 1e21, 1e24, 1e27]) {
      expect(relativeError(computeOptimalNumeric(kaplan2020, c).params, computeOptimal(kaplan2020, c).params)).toBeLessThan(1e-6);
    }
  });

  it('is a minimum: moving along the budget line raises the loss (Kaplan form)', () => {
    const c = 1e23;
    const { params } = computeOptimal(kaplan2020, c);
    const best = loss(kaplan2020, params, c / 6 / params);
    for (const factor of [0.8, 1.25]) {
      const n = params * factor;
      expect(loss(kaplan2020, n, c / 6 / n)).toBeGreaterThan(best);
    }
  });
});

describe('computeOptimalTokens', () => {
  it('is the inverse of the allocation: N is compute-optimal at 6·N·D_opt(N)', () => {
    for (const law of [...chinchillaPresets, kaplan2020]) {
      const d = computeOptimalTokens(law, 7e10);
      expect(relativeError(computeOptimal(law, 6 * 7e10 * d).params, 7e10)).toBeLessThan(1e-6);
    }
  });

  it('gives about 18 tokens per parameter at 70B under Besiroglu et al. (their ~20 "Chinchilla ratio")', () => {
    const ratio = computeOptimalTokens(besiroglu2024, 70e9) / 70e9;
    expect(ratio).toBeGreaterThan(15);
    expect(ratio).toBeLessThan(25);
  });
});

describe('computeForLoss', () => {
  it('lands on the target loss (closed form) and agrees with bisection', () => {
    for (const law of chinchillaPresets) {
      for (const target of [2.0, 2.2, 2.6]) {
        const c = computeForLoss(law, target);
        expect(Math.abs(computeOptimalLoss(law, c) - target)).toBeLessThan(1e-9);
        expect(relativeError(computeForLossNumeric(law, target), c)).toBeLessThan(1e-6);
      }
    }
  });

  it('works numerically for the Kaplan form', () => {
    const c = computeForLoss(kaplan2020, 2.0);
    expect(Math.abs(computeOptimalLoss(kaplan2020, c) - 2.0)).toBeLessThan(1e-9);
  });

  it('is unreachable at or below the irreducible loss', () => {
    expect(computeForLoss(besiroglu2024, besiroglu2024.E)).toBe(Infinity);
    expect(computeForLoss(kaplan2020, 0)).toBe(Infinity);
  });
});
