import { describe, expect, it } from 'vitest';
import { emergenceStatus, marginDecades, probability, type LogisticCurve, type PowerCurve } from '../../src/core/emergence.js';

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
