import { describe, expect, it } from 'vitest';
import { computeOptimal, computeOptimalLoss } from '../../src/core/allocation.js';
import { effectiveParams } from '../../src/core/assess.js';
import { lawWithDataQuality, minComputeForAbility, minParamsAtTokens } from '../../src/core/inverse.js';
import { loss } from '../../src/core/scaling-law.js';
import { besiroglu2024, chinchillaPresets, hoffmann2022, kaplan2020, relativeError } from '../helpers/laws.js';

describe('lawWithDataQuality', () => {
  it('gives L(N, q·D) as a law of the same form (identity)', () => {
    for (const law of [...chinchillaPresets, kaplan2020]) {
      const adjusted = lawWithDataQuality(law, 2);
      expect(relativeError(loss(adjusted, 7e9, 1e12), loss(law, 7e9, 2e12))).toBeLessThan(1e-14);
    }
    expect(lawWithDataQuality(hoffmann2022, 1)).toBe(hoffmann2022);
  });
});

describe('minParamsAtTokens', () => {
  it('is the threshold itself in the reference regime, exactly', () => {
    expect(minParamsAtTokens(besiroglu2024, 1e11, 3e11, 3e11, 1)).toBe(1e11);
  });

  it('is the size whose effective size is the threshold (identity)', () => {
    const n = minParamsAtTokens(besiroglu2024, 1e11, 3e11, 2e12, 1);
    expect(n).toBeLessThan(1e11);
    expect(relativeError(effectiveParams(besiroglu2024, n, 2e12, 3e11), 1e11)).toBeLessThan(1e-9);
  });

  it('is unreachable when the data floor is above the ability loss', () => {
    expect(minParamsAtTokens(besiroglu2024, 1e11, 3e11, 1e10, 1)).toBe(Infinity);
  });
});

describe('minComputeForAbility', () => {
  it('is the budget whose compute-optimal model has effective size N_c (to 1e-9)', () => {
    for (const law of [...chinchillaPresets, kaplan2020]) {
      for (const quality of [1, 2]) {
        const c = minComputeForAbility(law, 1e11, 3e11, quality);
        const { params, tokens } = computeOptimal(lawWithDataQuality(law, quality), c);
        expect(relativeError(effectiveParams(law, params, quality * tokens, 3e11), 1e11)).toBeLessThan(1e-6);
      }
    }
  });

  it('is lower with better data and for lower thresholds', () => {
    const base = minComputeForAbility(besiroglu2024, 1e11, 3e11, 1);
    expect(minComputeForAbility(besiroglu2024, 1e11, 3e11, 2)).toBeLessThan(base);
    expect(minComputeForAbility(besiroglu2024, 1e10, 3e11, 1)).toBeLessThan(base);
    expect(computeOptimalLoss(besiroglu2024, base)).toBeCloseTo(loss(besiroglu2024, 1e11, 3e11), 9);
  });
});
