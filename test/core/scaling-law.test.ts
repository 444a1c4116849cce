import { describe, expect, it } from 'vitest';
import { loss, lossFloor, lossSlopePerDecade, paramsForLoss } from '../../src/core/scaling-law.js';
import { besiroglu2024, hoffmann2022, kaplan2020, chinchillaPresets, relativeError } from '../helpers/laws.js';

describe('loss', () => {
  // Known values from ../shared/data/README.md ("L(70e9, 1.4e12): 1.9366 with Hoffmann rounded,
  // 1.9734 with Besiroglu 2024"), quoted to 4 decimals, so the tolerance is 1e-4 absolute.
  it('matches the published L(70e9, 1.4e12) for Hoffmann (rounded) and Besiroglu', () => {
    expect(Math.abs(loss(hoffmann2022, 70e9, 1.4e12) - 1.9366)).toBeLessThan(1e-4);
    expect(Math.abs(loss(besiroglu2024, 70e9, 1.4e12) - 1.9734)).toBeLessThan(1e-4);
  });

  it('evaluates the Kaplan form by its formula', () => {
    // Hand-evaluated: (8.8e13/1e9)^(0.076/0.095) = 88000^0.8, plus 5.4e13/1e10 = 5400, all ^0.095.
    const expected = (88000 ** 0.8 + 5400) ** 0.095;
    expect(relativeError(loss(kaplan2020, 1e9, 1e10), expected)).toBeLessThan(1e-14);
  });

  it('decreases in both N and D and approaches the floor', () => {
    for (const law of [...chinchillaPresets, kaplan2020]) {
      expect(loss(law, 2e9, 1e11)).toBeLessThan(loss(law, 1e9, 1e11));
      expect(loss(law, 1e9, 2e11)).toBeLessThan(loss(law, 1e9, 1e11));
      expect(loss(law, 1e30, 1e11) - lossFloor(law, 1e11)).toBeLessThan(1e-6);
    }
  });
});

describe('paramsForLoss', () => {
  it('inverts loss in N for every form (identity by construction, to 1e-9 relative)', () => {
    for (const law of [...chinchillaPresets, kaplan2020]) {
      for (const n of [1e7, 3e9, 7e10, 5e12]) {
        const target = loss(law, n, 3e11);
        expect(relativeError(paramsForLoss(law, target, 3e11), n)).toBeLessThan(1e-9);
      }
    }
  });

  it('is unbounded at or below the floor', () => {
    expect(paramsForLoss(besiroglu2024, lossFloor(besiroglu2024, 3e11), 3e11)).toBe(Infinity);
    expect(paramsForLoss(kaplan2020, 0.1, 3e11)).toBe(Infinity);
  });
});

describe('lossSlopePerDecade', () => {
  // The analytic −∂L/∂log10 N against a central difference of L in log10 N (step 1e-4 decades:
  // truncation error O(h²) ≈ 1e-8 relative, rounding ≈ 1e-16/1e-4 = 1e-12 of L).
  it.each([besiroglu2024, hoffmann2022, kaplan2020])('is the derivative of L in log10 N ($id)', (law) => {
    for (const [n, d] of [[1e9, 3e11], [1e11, 3e11], [7e10, 1.5e13]] as const) {
      const h = 1e-4;
      const numeric = (loss(law, n * 10 ** -h, d) - loss(law, n * 10 ** h, d)) / (2 * h);
      expect(relativeError(lossSlopePerDecade(law, n, d), numeric)).toBeLessThan(1e-6);
    }
  });

  it('is ln 10 · α · A / N^α for the Chinchilla form (0.0576368 nats a decade at 100B, by hand in Python)', () => {
    expect(lossSlopePerDecade(besiroglu2024, 1e11, 3e11)).toBeCloseTo(0.0576368, 7);
  });
});
