import { describe, expect, it } from 'vitest';
import { abilityMargin, emergenceStatus, lossMarginDecades, marginDecades, probability, probabilityAtMargin, statusAtMargin, type LogisticCurve, type PowerCurve } from '../../src/core/emergence.js';

const logistic: LogisticCurve = { shape: 'logistic', width: 0.5, floor: 0, ceiling: 1 };

describe('probability (logistic)', () => {
  it('is the midpoint at the threshold and symmetric in decades', () => {
    expect(probability(logistic, 1e11, 1e11)).toBe(0.5);
    const above = probability(logistic, 10 ** 11.3, 1e11);
    const below = probability(logistic, 10 ** 10.7, 1e11);
    expect(above + below).toBeCloseTo(1, 12);
  });

  it('matches the closed form at one width above: 1/(1 + 10^-1)', () => {
    expect(probability(logistic, 10 ** 11.5, 1e11)).toBeCloseTo(1 / 1.1, 12);
  });

  it('maps onto [floor, ceiling]', () => {
    const curve: LogisticCurve = { shape: 'logistic', width: 0.25, floor: 0.25, ceiling: 0.9 };
    expect(probability(curve, 1e3, 1e11)).toBeCloseTo(0.25, 9);
    expect(probability(curve, 1e20, 1e11)).toBeCloseTo(0.9, 9);
    expect(probability(curve, 1e11, 1e11)).toBeCloseTo(0.575, 12);
    expect(probability(curve, Infinity, 1e11)).toBe(0.9);
  });
});

describe('probability (power, seed §3.1)', () => {
  const power: PowerCurve = { shape: 'power', width: 0.5, floor: 0.1, ceiling: 0.9, exponent: 0.5, saturationParams: 1e12 };
  it('is the floor below N_c, (N − N_c)^β-shaped above, and saturates', () => {
    expect(probability(power, 5e10, 1e11)).toBe(0.1);
    const n = 1e11 + 0.25 * (1e12 - 1e11);
    expect(probability(power, n, 1e11)).toBeCloseTo(0.1 + 0.8 * 0.5, 12);
    expect(probability(power, 5e12, 1e11)).toBe(0.9);
  });
});

describe('status', () => {
  it('uses the threshold and the width band below it', () => {
    expect(emergenceStatus(1e11, 1e11, 0.5)).toBe('emerged');
    expect(emergenceStatus(7e10, 1e11, 0.5)).toBe('emerging');
    expect(emergenceStatus(10 ** 10.5, 1e11, 0.5)).toBe('emerging');
    expect(emergenceStatus(3e10, 1e11, 0.5)).toBe('absent');
    expect(emergenceStatus(Infinity, 1e11, 0.5)).toBe('emerged');
  });

  it('reports the margin in decades', () => {
    expect(marginDecades(7e10, 1e11)).toBeCloseTo(-0.1549, 4);
  });
});

describe('margins (DESIGN.md, "Seed abilities by loss")', () => {
  const logistic: LogisticCurve = { shape: 'logistic', width: 0.5, floor: 0, ceiling: 1 };

  it('lossMarginDecades is (L_c − L)/s', () => {
    expect(lossMarginDecades(1.9, 2.0, 0.05)).toBeCloseTo(2, 12);
    expect(lossMarginDecades(2.0, 2.0, 0.05)).toBe(0);
  });

  it('abilityMargin is log10(N_eff/N_c) below the threshold and the loss margin at and above it', () => {
    expect(abilityMargin(2.1, 7e10, 2.0, 0.05, 1e11)).toBe(marginDecades(7e10, 1e11));
    expect(abilityMargin(1.9, Infinity, 2.0, 0.05, 1e11)).toBeCloseTo(2, 12);
    expect(abilityMargin(2.0, 1e11, 2.0, 0.05, 1e11)).toBe(0);
  });

  it('probabilityAtMargin is the curve at N_c·10^m', () => {
    for (const m of [-1.2, -0.15, 0, 0.4, 2]) expect(probabilityAtMargin(logistic, m, 1e11)).toBeCloseTo(probability(logistic, 1e11 * 10 ** m, 1e11), 12);
    const power: PowerCurve = { shape: 'power', width: 0.5, floor: 0, ceiling: 1, exponent: 0.5, saturationParams: 1e12 };
    expect(probabilityAtMargin(power, 0.5, 1e11)).toBe(probability(power, 1e11 * 10 ** 0.5, 1e11));
  });

  it('statusAtMargin: emerged at m ≥ 0, emerging within one width below', () => {
    expect([0, 1e-9, -0.3, -0.5, -0.51].map((m) => statusAtMargin(m, 0.5))).toEqual(['emerged', 'emerged', 'emerging', 'emerging', 'absent']);
  });
});
