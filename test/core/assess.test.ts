import { describe, expect, it } from 'vitest';
import { assess, effectiveParams, lossThreshold } from '../../src/core/assess.js';
import type { Ability } from '../../src/core/catalog.js';
import { loss } from '../../src/core/scaling-law.js';
import { besiroglu2024, hoffmann2022, relativeError } from '../helpers/laws.js';
import { closedFormMargin, logisticAtMargin } from '../helpers/margin.js';

const reference = { referenceTokens: 3e11 };

function ability(id: string, thresholdParams: number): Ability {
  return { id, name: { en: id, zh: id }, category: 'test', thresholdParams, source: 'test', curve: { shape: 'logistic', width: 0.5, floor: 0, ceiling: 1 } };
}

describe('effectiveParams', () => {
  // DESIGN.md's worked examples under besiroglu2024, quoted to 4 significant figures (2e-4 relative;
  // 2.18e12 is quoted to 3, so 5e-3).
  it.each([
    [7e9, 2e12, 2.569e10, 2e-4],
    [8e9, 15e12, 9.652e10, 2e-4],
    [70e9, 1.4e12, 2.18e12, 5e-3],
    [175e9, 3e11, 1.75e11, 1e-12],
  ])('N=%d, D=%d gives N_eff ≈ %d', (n, d, expected, tolerance) => {
    expect(relativeError(effectiveParams(besiroglu2024, n, d, 3e11), expected)).toBeLessThan(tolerance);
  });

  it('is N itself, exactly, in the reference regime', () => {
    for (const n of [1e9, 1e10, 99999999999, 1e11]) expect(effectiveParams(hoffmann2022, n, 3e11, 3e11)).toBe(n);
  });

  it('reaches the same loss in the reference regime (identity)', () => {
    const nEff = effectiveParams(hoffmann2022, 13e9, 1e12, 3e11);
    expect(Math.abs(loss(hoffmann2022, nEff, 3e11) - loss(hoffmann2022, 13e9, 1e12))).toBeLessThan(1e-12);
  });

  it('is unbounded for Llama-3-70B (15T tokens): its loss is below the reference floor', () => {
    expect(effectiveParams(besiroglu2024, 70e9, 15e12, 3e11)).toBe(Infinity);
  });
});

describe('assess', () => {
  const abilities = [ability('in-context-learning', 1e10), ability('chain-of-thought', 1e11)];

  it('reproduces the seed table without tokens: 70B has in-context learning, not chain-of-thought', () => {
    const result = assess(besiroglu2024, reference, abilities, { params: 70e9, tokens: 3e11, quality: 1 });
    expect(result.abilities.map((v) => v.status)).toEqual(['emerged', 'emerging']);
    expect(result.abilities[1]!.marginDecades).toBeCloseTo(Math.log10(0.7), 12);
  });

  it('counts more data as a larger effective size (Llama 3 8B: chain-of-thought emerging)', () => {
    const result = assess(besiroglu2024, reference, abilities, { params: 8e9, tokens: 15e12, quality: 1 });
    expect(result.abilities[1]!.status).toBe('emerging');
    expect(result.compute).toBe(6 * 8e9 * 15e12);
  });

  it('applies data quality as a factor on effective tokens', () => {
    const high = assess(besiroglu2024, reference, abilities, { params: 7e9, tokens: 1e12, quality: 2 });
    const doubled = assess(besiroglu2024, reference, abilities, { params: 7e9, tokens: 2e12, quality: 1 });
    expect(high.loss).toBe(doubled.loss);
    expect(high.tokens).toBe(1e12);
  });

  // Issue 12: a model past the reference regime (N_eff unbounded) is judged by its loss margin,
  // finite, and no ability saturates at its ceiling.
  it('judges a model beyond the reference regime by its loss margin (Llama 3 70B)', () => {
    const result = assess(besiroglu2024, reference, abilities, { params: 70e9, tokens: 15e12, quality: 1 });
    expect(result.effectiveParams).toBe(Infinity);
    result.abilities.forEach((v, i) => {
      const expected = closedFormMargin(besiroglu2024, abilities[i]!.thresholdParams, 3e11, result.loss);
      expect(Math.abs(v.marginDecades - expected)).toBeLessThan(1e-12);
      expect(v.status).toBe('emerged');
      expect(v.probability).toBeLessThan(1);
      expect(Math.abs(v.probability - logisticAtMargin(abilities[i]!.curve as { width: number; floor: number; ceiling: number }, expected))).toBeLessThan(1e-12);
    });
    // In Python from the constants: L = 1.929864; chain-of-thought L_c = 2.020743, s = 0.0576368
    // nats a decade: m = +1.576749.
    expect(result.abilities[1]!.marginDecades).toBeCloseTo(1.576749, 6);
  });

  it('keeps the margin in decades of effective size below the threshold, and is smooth across it', () => {
    const below = assess(besiroglu2024, reference, abilities, { params: 7e9, tokens: 2e12, quality: 1 });
    expect(below.abilities[1]!.marginDecades).toBeCloseTo(Math.log10(below.effectiveParams / 1e11), 12);
    // Just below and just above N_c the margin changes by the same amount per nat: C¹ at L = L_c.
    const at = (n: number) => assess(besiroglu2024, reference, abilities, { params: n, tokens: 3e11, quality: 1 }).abilities[1]!.marginDecades;
    const h = 1e-4;
    const left = (at(1e11) - at(1e11 * 10 ** -h)) / h;
    const right = (at(1e11 * 10 ** h) - at(1e11)) / h;
    expect(at(1e11)).toBe(0);
    expect(Math.abs(left - right)).toBeLessThan(1e-3);
  });
});

describe('lossThreshold', () => {
  it('is L(N_c, D_ref)', () => {
    expect(lossThreshold(besiroglu2024, 1e11, 3e11)).toBe(loss(besiroglu2024, 1e11, 3e11));
    expect(relativeError(lossThreshold(besiroglu2024, 1e11, 3e11), 2.020743)).toBeLessThan(1e-6);
  });
});
