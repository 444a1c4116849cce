import { describe, expect, it } from 'vitest';
import { computeOptimal } from '../../../src/core/allocation.js';
import { effectiveParams } from '../../../src/core/assess.js';
import { loss, paramsForLoss } from '../../../src/core/scaling-law.js';
import { UsageError } from '../../../src/errors.js';
import { modelAt, runSweep, scaleForEffectiveParams, sweepProblems, type SweepConfig } from '../../../src/core/simulate/sweep.js';
import { besiroglu2024, hoffmann2022, kaplan2020, relativeError } from '../../helpers/laws.js';

const D_REF = 3e11;
const overParams: SweepConfig = { over: 'params', from: 1e8, to: 1e13, steps: 61, quality: 1 };

describe('runSweep', () => {
  it('over params in the reference regime: N_eff is N itself, exactly (DESIGN.md)', () => {
    const s = runSweep(overParams, besiroglu2024, D_REF);
    expect(Array.from(s.effectiveParams)).toEqual(Array.from(s.x));
    expect(s.tokens.every((d) => d === D_REF)).toBe(true);
    for (let i = 0; i < s.x.length; i += 10) expect(s.loss[i]).toBe(loss(besiroglu2024, s.x[i]!, D_REF));
  });

  // DESIGN.md's worked example: 7e9 params on 2e12 tokens → N_eff = 2.569e10 (4 significant figures).
  it('over tokens at fixed params reproduces the worked example 7e9 params, 2e12 tokens', () => {
    const s = runSweep({ over: 'tokens', params: 7e9, from: 2e11, to: 2e12, steps: 2, quality: 1 }, besiroglu2024, D_REF);
    expect(relativeError(s.effectiveParams[1]!, 2.569e10)).toBeLessThan(2e-4);
    expect(s.params[0]).toBe(7e9);
  });

  it('over compute uses the compute-optimal split (Hoffmann: 41.3B at 1e24 FLOPs, shared/data README)', () => {
    const s = runSweep({ over: 'compute', from: 1e22, to: 1e24, steps: 3, quality: 1 }, hoffmann2022, D_REF);
    expect(relativeError(s.params[2]!, 41.3e9)).toBeLessThan(2e-3);
    for (let i = 0; i < 3; i++) {
      const optimal = computeOptimal(hoffmann2022, s.x[i]!);
      expect(s.params[i]).toBe(optimal.params);
      expect(s.tokens[i]).toBe(optimal.tokens);
    }
  });

  it('applies the quality factor to the tokens: q = 2 on D equals q = 1 on 2D', () => {
    const high = runSweep({ ...overParams, quality: 2 }, besiroglu2024, D_REF);
    const doubled = runSweep({ ...overParams, tokens: 2 * D_REF }, besiroglu2024, D_REF);
    expect(Array.from(high.effectiveParams)).toEqual(Array.from(doubled.effectiveParams));
  });

  it('rejects invalid sweeps with usage errors naming sweep.<field>', () => {
    expect(() => runSweep({ ...overParams, steps: 0 }, besiroglu2024, D_REF)).toThrow(/^sweep\.steps: /);
    expect(() => runSweep({ ...overParams, over: 'tokens' }, besiroglu2024, D_REF)).toThrow(UsageError);
  });
});

describe('sweepProblems', () => {
  it('asks for params over tokens and refuses params / tokens on axes that do not use them', () => {
    expect(sweepProblems({ ...overParams, over: 'tokens' })[0]).toEqual({ path: ['params'], message: 'a sweep over tokens needs the fixed model size (params)' });
    expect(sweepProblems({ ...overParams, params: 7e9 })[0]!.path).toEqual(['params']);
    expect(sweepProblems({ ...overParams, over: 'compute', tokens: 1e12 })[0]!.path).toEqual(['tokens']);
    expect(sweepProblems({ ...overParams, quality: 0 })[0]!.path).toEqual(['quality']);
    expect(sweepProblems({ ...overParams, over: 'flops' as 'params' })[0]!.message).toMatch(/must be one of params, compute, tokens/);
    expect(sweepProblems(overParams)).toEqual([]);
  });
});

describe('scaleForEffectiveParams', () => {
  it('is N_c itself over params in the reference regime', () => {
    expect(scaleForEffectiveParams(overParams, besiroglu2024, D_REF, 1e11)).toBe(1e11);
  });

  it('matches the closed form paramsForLoss(L(N_c, D_ref), q·D) under quality 2', () => {
    const expected = paramsForLoss(besiroglu2024, loss(besiroglu2024, 1e11, D_REF), 2 * D_REF);
    expect(scaleForEffectiveParams({ ...overParams, quality: 2 }, besiroglu2024, D_REF, 1e11)).toBe(expected);
  });

  // Identity: at the returned scale the model's effective size is the target (bisection to 1e-13 in ln x).
  it.each([
    ['compute, besiroglu2024', { over: 'compute', from: 1e18, to: 1e27, steps: 2, quality: 1 } as SweepConfig, besiroglu2024],
    ['compute, kaplan2020 (numeric allocation)', { over: 'compute', from: 1e18, to: 1e27, steps: 2, quality: 1 } as SweepConfig, kaplan2020],
    ['tokens at 70B', { over: 'tokens', params: 7e10, from: 1e9, to: 1e14, steps: 2, quality: 1 } as SweepConfig, besiroglu2024],
    ['tokens at 70B, quality 0.5', { over: 'tokens', params: 7e10, from: 1e9, to: 1e14, steps: 2, quality: 0.5 } as SweepConfig, hoffmann2022],
  ])('inverts x ↦ N_eff(x) over %s', (_, sweep, law) => {
    const scale = scaleForEffectiveParams(sweep, law, D_REF, 1e11)!;
    const model = modelAt(sweep, law, D_REF, scale);
    expect(relativeError(effectiveParams(law, model.params, sweep.quality * model.tokens, D_REF), 1e11)).toBeLessThan(1e-9);
  });

  it('is undefined when no scale reaches the target (1B params cannot reach 100B however much data)', () => {
    expect(scaleForEffectiveParams({ over: 'tokens', params: 1e9, from: 1e9, to: 1e14, steps: 2, quality: 1 }, besiroglu2024, D_REF, 1e11)).toBeUndefined();
  });
});
