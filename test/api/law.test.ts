// The library's law functions against published numbers and closed forms.
import { describe, expect, it } from 'vitest';
import { abilityCatalog, computeOptimal, effectiveSize, lawPresets, loadLaw, loss, modelCatalog, presetLaw, trainingFlops, UsageError, InputError } from '../../src/api/index.js';

describe('law functions (the library)', () => {
  const besiroglu = presetLaw('besiroglu2024');
  const hoffmann = presetLaw('hoffmann2022');

  it('evaluates L(N, D) = E + A/N^α + B/D^β', () => {
    if (besiroglu.form !== 'chinchilla') throw new Error('besiroglu2024 is a Chinchilla-form law');
    const { E, A, B, alpha, beta } = besiroglu;
    expect(loss(besiroglu, 70e9, 1.4e12)).toBeCloseTo(E + A / 70e9 ** alpha + B / 1.4e12 ** beta, 12);
    // Hoffmann et al.'s printed constants (E 1.69, A 406.4, B 410.7, α 0.34, β 0.28) for Chinchilla: 1.93665.
    expect(loss(hoffmann, 70e9, 1.4e12)).toBeCloseTo(1.93665, 4);
    expect(loss(besiroglu, 70e9, 1.4e12)).toBeCloseTo(1.97342, 4);
  });

  it('splits a budget compute-optimally: 6·N·D = C, and N_opt of Hoffmann et al. eq. 4', () => {
    const { params, tokens } = computeOptimal(hoffmann, 1e24);
    expect(trainingFlops(params, tokens) / 1e24).toBeCloseTo(1, 12);
    expect(params / 4.13e10).toBeCloseTo(1, 2);
    // At the optimum, moving along the budget line in either direction raises the loss.
    for (const f of [0.9, 1.1]) expect(loss(hoffmann, params * f, tokens / f)).toBeGreaterThan(loss(hoffmann, params, tokens));
  });

  it('gives the effective size: N at the reference regime, the same loss at D_ref, Infinity past its floor', () => {
    const dRef = abilityCatalog().referenceTokens;
    expect(effectiveSize(besiroglu, 7e9, dRef)).toBe(7e9);
    const nEff = effectiveSize(besiroglu, 7e9, 2e12);
    expect(nEff / 2.569e10).toBeCloseTo(1, 3);
    expect(loss(besiroglu, nEff, dRef)).toBeCloseTo(loss(besiroglu, 7e9, 2e12), 12);
    expect(effectiveSize(besiroglu, 7e9, 1e12, 2)).toBeCloseTo(effectiveSize(besiroglu, 7e9, 2e12), 0);
    expect(effectiveSize(besiroglu, 70e9, 15e12)).toBe(Infinity);
  });

  it('refuses sizes the CLI refuses, as UsageError naming the argument', () => {
    expect(() => loss(besiroglu, -1, 1e12)).toThrow(new UsageError('params: "-1" must be at least 1 (a parameter count)'));
    expect(() => loss(besiroglu, 7e9, Number.NaN)).toThrow(/^tokens: "NaN" is not a number/);
    expect(() => computeOptimal(besiroglu, Infinity)).toThrow(UsageError);
  });

  it('loads the shipped presets and catalogs, and user files only by name', () => {
    expect(Object.keys(lawPresets())).toContain('besiroglu2024');
    expect(presetLaw()).toEqual(besiroglu);
    expect(() => presetLaw('hofmann2022')).toThrow(/^presetLaw: unknown preset "hofmann2022" \(did you mean hoffmann2022\?\)/);
    expect(modelCatalog().find((m) => m.slug === 'llama-3-70b')?.tokens).toBe(15e12);
    expect(loadLaw('fixtures/my-law.yaml').form).toBe('chinchilla');
    expect(() => loadLaw('fixtures/no-such-law.yaml')).toThrow(InputError);
  });
});
