import { describe, expect, it } from 'vitest';
import { createRng, randomInt, randomNormal } from '../../src/core/random.js';

describe('createRng', () => {
  it('is reproducible and seed-dependent', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(c.next()).not.toBe(xs[0]);
  });

  // 1e5 uniforms: mean 1/2 and variance 1/12 within 5 standard errors.
  it('is uniform on [0, 1)', () => {
    const rng = createRng(7);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      min = Math.min(min, u);
      max = Math.max(max, u);
      sum += u;
      sumSq += u * u;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    const mean = sum / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('draws integers in range and standard normals', () => {
    const rng = createRng(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[randomInt(rng, 3)]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < 50_000; i++) {
      const z = randomNormal(rng);
      sum += z;
      sumSq += z * z;
    }
    expect(Math.abs(sum / 50_000)).toBeLessThan(0.03);
    expect(Math.abs(sumSq / 50_000 - 1)).toBeLessThan(0.03);
  });
});
